import { COOKIE_RULES } from '../checks/cookies.ts';
import { CSP_RULES } from '../checks/csp.ts';
import { DRIFT_RULES } from '../checks/drift.ts';
import { FRAMING_RULES } from '../checks/framing.ts';
import { HSTS_RULES } from '../checks/hsts.ts';
import { LEAK_RULES } from '../checks/leaks.ts';
import { PAGE_RULES } from '../checks/page.ts';
import { BODY_RULES } from '../checks/page-scan.ts';
import { PERMISSIONS_RULES } from '../checks/permissions.ts';
import { REDIRECT_RULES } from '../checks/redirect.ts';
import { CROSS_ORIGIN_RULES, NOSNIFF_RULES, REFERRER_RULES, XSS_PROTECTION_RULES } from '../checks/simple-headers.ts';
import { SRI_RULES } from '../checks/subresources.ts';
import { BASE_RULES } from '../checks/base-url.ts';
import { THIRD_PARTY_RULES } from '../checks/third-party.ts';
import { CSS_IMPORT_RULES } from '../checks/css-imports.ts';
import { REFRESH_RULES } from '../checks/refresh.ts';
import type { Rule } from './rule.ts';

export type { Rule } from './rule.ts';

// Every rule, in the one order of docs/audit-rules.md, SARIF's rule list and the text report. Each
// check module declares its own rules next to its code (`defineRules`); this file only collects
// them. Severities follow the weight the MDN HTTP Observatory gives each test, made stricter where
// the OWASP Secure Headers Project recommends a value the Observatory only rewards.
export const RULES = [
  ...CSP_RULES.rules,
  ...HSTS_RULES.rules,
  ...REDIRECT_RULES.rules,
  ...NOSNIFF_RULES.rules,
  ...REFERRER_RULES.rules,
  ...CROSS_ORIGIN_RULES.rules,
  ...PERMISSIONS_RULES.rules,
  ...FRAMING_RULES.rules,
  ...XSS_PROTECTION_RULES.rules,
  ...SRI_RULES.rules,
  ...BASE_RULES.rules,
  ...THIRD_PARTY_RULES.rules,
  ...CSS_IMPORT_RULES.rules,
  ...COOKIE_RULES.rules,
  ...LEAK_RULES.rules,
  ...PAGE_RULES.rules,
  ...REFRESH_RULES.rules,
  ...BODY_RULES.rules,
  ...DRIFT_RULES.rules,
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: RuleId): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`audit: unknown rule ${id}`);
  return rule;
}
