import { defineRules } from '../rules/rule.ts';
import { quote, type HeaderCheck } from './finding.ts';
import { splitPolicies } from './csp.ts';

/** Clickjacking: X-Frame-Options or a restrictive CSP frame-ancestors. */
export const FRAMING_RULES = defineRules([
  {
    id: 'framing-unprotected',
    severity: 'high',
    scope: 'page',
    title: 'Page can be framed by any site (clickjacking)',
    help: 'Send `X-Frame-Options: DENY` (or `SAMEORIGIN`), or a CSP with a restrictive `frame-ancestors` (no `*`, no bare scheme). Both is best: `X-Frame-Options` covers old browsers.',
    reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html',
  },
] as const);

/** True when `frame-ancestors` lists neither `*` (in any form) nor a bare scheme. */
function limitsAncestors(sources: readonly string[]): boolean {
  return sources.length > 0 && sources.every((s) => !s.includes('*') && !/^[a-z][a-z0-9+.-]*:$/i.test(s));
}

// Either header protects a browser that supports it; frame-ancestors wins where both are understood.
export const framingCheck: HeaderCheck = {
  rules: FRAMING_RULES.ids,
  run({ url, headers }) {
    const xfo = headers.get('x-frame-options');
    const xfoValue = (xfo ?? '').split(',')[0]?.trim().toUpperCase();
    if (xfoValue === 'DENY' || xfoValue === 'SAMEORIGIN') return [];
    const csp = headers.get('content-security-policy');
    const policies = csp === null ? [] : splitPolicies(csp);
    if (policies.some((p) => limitsAncestors(p.get('frame-ancestors') ?? []))) return [];
    const xfoText = xfo === null ? 'no X-Frame-Options' : `X-Frame-Options ${quote(xfo)} is not DENY or SAMEORIGIN`;
    return [FRAMING_RULES.finding('framing-unprotected', url, `${xfoText} and no restrictive CSP frame-ancestors`)];
  },
};
