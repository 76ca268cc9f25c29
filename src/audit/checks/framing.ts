import type { HeaderCheck } from './finding.ts';
import { finding, quote } from './finding.ts';
import { splitPolicies } from './csp.ts';

/** True when `frame-ancestors` lists neither `*` (in any form) nor a bare scheme. */
function limitsAncestors(sources: readonly string[]): boolean {
  return sources.length > 0 && sources.every((s) => !s.includes('*') && !/^[a-z][a-z0-9+.-]*:$/i.test(s));
}

// Either header protects a browser that supports it; frame-ancestors wins where both are understood.
export const framingCheck: HeaderCheck = {
  rules: ['framing-unprotected'],
  run({ url, headers }) {
    const xfo = headers.get('x-frame-options');
    const xfoValue = (xfo ?? '').split(',')[0]?.trim().toUpperCase();
    if (xfoValue === 'DENY' || xfoValue === 'SAMEORIGIN') return [];
    const csp = headers.get('content-security-policy');
    const policies = csp === null ? [] : splitPolicies(csp);
    if (policies.some((p) => limitsAncestors(p.get('frame-ancestors') ?? []))) return [];
    const xfoText = xfo === null ? 'no X-Frame-Options' : `X-Frame-Options ${quote(xfo)} is not DENY or SAMEORIGIN`;
    return [finding('framing-unprotected', url, `${xfoText} and no restrictive CSP frame-ancestors`)];
  },
};
