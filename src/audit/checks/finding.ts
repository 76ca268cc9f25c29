import { getRule, type RuleId } from '../rules/registry.ts';
import type { Finding } from '../report/types.ts';

/** What every header check receives: one response, headers only (names are case-insensitive). */
export interface HeaderInput {
  url: string;
  headers: Headers;
}

/** A group of rules checked together on one response. */
export interface HeaderCheck {
  rules: readonly RuleId[];
  run: (input: HeaderInput) => Finding[];
}

export function finding(
  ruleId: RuleId,
  url: string,
  message: string,
  extra: Pick<Finding, 'header' | 'expected' | 'actual'> = {},
): Finding {
  return { ruleId, severity: getRule(ruleId).severity, message, url, ...extra };
}

/** Quotes a header value for a message, shortened so one finding stays one readable line. */
export function quote(value: string, max = 120): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
