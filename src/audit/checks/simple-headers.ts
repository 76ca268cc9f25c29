import type { Finding } from '../report/types.ts';
import { finding, quote, type HeaderCheck } from './finding.ts';

const REFERRER_POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
const STRICT_REFERRER_POLICIES = new Set([
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
]);

/** The policy a browser applies: the last token it recognises (earlier ones are fallbacks for old browsers). */
export function effectiveReferrerPolicy(value: string): string | undefined {
  const tokens = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => REFERRER_POLICIES.has(t));
  return tokens.at(-1);
}

/** The value before any `;` parameter (`same-origin; report-to="coop"` → `same-origin`). */
function token(value: string | null): string | undefined {
  return value === null ? undefined : (value.split(';')[0] ?? '').trim().toLowerCase();
}

export const nosniffCheck: HeaderCheck = {
  rules: ['nosniff-missing'],
  run({ url, headers }) {
    const value = headers.get('x-content-type-options');
    // Fetch's "determine nosniff": only the first of the comma-separated values counts, so a header
    // sent twice (`nosniff, nosniff`, as fetch() joins repeats) still protects, and `nosniff` after
    // another value does not.
    if (value !== null && value.split(',')[0]?.trim().toLowerCase() === 'nosniff') return [];
    return [finding('nosniff-missing', url, `X-Content-Type-Options is ${value === null ? 'absent' : quote(value)}`)];
  },
};

export const referrerCheck: HeaderCheck = {
  rules: ['referrer-policy-missing', 'referrer-policy-weak'],
  run({ url, headers }) {
    const value = headers.get('referrer-policy');
    if (value === null) return [finding('referrer-policy-missing', url, 'Referrer-Policy is absent')];
    const policy = effectiveReferrerPolicy(value);
    if (policy && STRICT_REFERRER_POLICIES.has(policy)) return [];
    const why = policy ? `applies ${policy}` : 'has no value browsers recognise';
    return [finding('referrer-policy-weak', url, `Referrer-Policy ${quote(value)} ${why}`)];
  },
};

export const crossOriginCheck: HeaderCheck = {
  rules: ['coop-missing', 'corp-missing'],
  run({ url, headers }) {
    const findings: Finding[] = [];
    const coop = token(headers.get('cross-origin-opener-policy'));
    if (coop !== 'same-origin' && coop !== 'same-origin-allow-popups') {
      findings.push(finding('coop-missing', url, `Cross-Origin-Opener-Policy is ${coop ?? 'absent'}`));
    }
    const corp = token(headers.get('cross-origin-resource-policy'));
    if (corp !== 'same-origin' && corp !== 'same-site') {
      findings.push(finding('corp-missing', url, `Cross-Origin-Resource-Policy is ${corp ?? 'absent'}`));
    }
    return findings;
  },
};

export const xssProtectionCheck: HeaderCheck = {
  rules: ['x-xss-protection-enabled'],
  run({ url, headers }) {
    const value = headers.get('x-xss-protection');
    if (value === null || value.trim() === '0') return [];
    return [finding('x-xss-protection-enabled', url, `X-XSS-Protection is ${quote(value)}`)];
  },
};
