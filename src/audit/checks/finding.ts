import type { Finding } from '../report/types.ts';

/** What every header check receives: one response, headers only (names are case-insensitive). */
export interface HeaderInput {
  url: string;
  headers: Headers;
}

/** A group of rules checked together on one response. */
export interface HeaderCheck {
  /** The ids it evaluates (its module's `defineRules(…).ids`), listed in each page's `rulesChecked`. */
  rules: readonly string[];
  run: (input: HeaderInput) => Finding[];
}

/** Quotes a header value for a message, shortened so one finding stays one readable line. */
export function quote(value: string, max = 120): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
