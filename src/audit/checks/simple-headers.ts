import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';
import { MDN } from '../rules/refs.ts';
import { quote, type HeaderCheck } from './finding.ts';

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

/** X-Content-Type-Options: nosniff. */
export const NOSNIFF_RULES = defineRules([
  {
    id: 'nosniff-missing',
    severity: 'medium',
    scope: 'page',
    title: 'X-Content-Type-Options is not nosniff',
    help: 'Send `X-Content-Type-Options: nosniff` so that browsers never guess a script or stylesheet type from the bytes.',
    reference: `${MDN}/X-Content-Type-Options`,
  },
] as const);

export const nosniffCheck: HeaderCheck = {
  rules: NOSNIFF_RULES.ids,
  run({ url, headers }) {
    const value = headers.get('x-content-type-options');
    // Fetch's "determine nosniff": only the first of the comma-separated values counts, so a header
    // sent twice (`nosniff, nosniff`, as fetch() joins repeats) still protects, and `nosniff` after
    // another value does not.
    if (value !== null && value.split(',')[0]?.trim().toLowerCase() === 'nosniff') return [];
    return [
      NOSNIFF_RULES.finding(
        'nosniff-missing',
        url,
        `X-Content-Type-Options is ${value === null ? 'absent' : quote(value)}`,
      ),
    ];
  },
};

/** Referrer-Policy: present, and leaking no URL to other origins. */
export const REFERRER_RULES = defineRules([
  {
    id: 'referrer-policy-missing',
    severity: 'low',
    scope: 'page',
    title: 'Referrer-Policy missing',
    help: 'Send `Referrer-Policy: no-referrer` (or `same-origin`, `strict-origin`, `strict-origin-when-cross-origin`) instead of relying on the browser default.',
    reference: `${MDN}/Referrer-Policy`,
  },
  {
    id: 'referrer-policy-weak',
    severity: 'medium',
    scope: 'page',
    title: 'Referrer-Policy leaks URLs to other origins',
    help: 'The policy the browser applies (the last value it recognises) must be one of `no-referrer`, `same-origin`, `strict-origin` or `strict-origin-when-cross-origin`; `unsafe-url`, `no-referrer-when-downgrade`, `origin` and `origin-when-cross-origin` leak URLs or origins.',
    reference: `${MDN}/Referrer-Policy`,
  },
] as const);

export const referrerCheck: HeaderCheck = {
  rules: REFERRER_RULES.ids,
  run({ url, headers }) {
    const { finding } = REFERRER_RULES;
    const value = headers.get('referrer-policy');
    if (value === null) return [finding('referrer-policy-missing', url, 'Referrer-Policy is absent')];
    const policy = effectiveReferrerPolicy(value);
    if (policy && STRICT_REFERRER_POLICIES.has(policy)) return [];
    const why = policy ? `applies ${policy}` : 'has no value browsers recognise';
    return [finding('referrer-policy-weak', url, `Referrer-Policy ${quote(value)} ${why}`)];
  },
};

/** Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy. */
export const CROSS_ORIGIN_RULES = defineRules([
  {
    id: 'coop-missing',
    severity: 'low',
    scope: 'page',
    title: 'Cross-Origin-Opener-Policy missing or unsafe-none',
    help: 'Send `Cross-Origin-Opener-Policy: same-origin` (or `same-origin-allow-popups`) so that a cross-origin window opened by or opening the page cannot reach it.',
    reference: `${MDN}/Cross-Origin-Opener-Policy`,
  },
  {
    id: 'corp-missing',
    severity: 'low',
    scope: 'page',
    title: 'Cross-Origin-Resource-Policy missing or cross-origin',
    help: 'Send `Cross-Origin-Resource-Policy: same-origin` (or `same-site`) so that other sites cannot load the response into their own process.',
    reference: `${MDN}/Cross-Origin-Resource-Policy`,
  },
] as const);

export const crossOriginCheck: HeaderCheck = {
  rules: CROSS_ORIGIN_RULES.ids,
  run({ url, headers }) {
    const { finding } = CROSS_ORIGIN_RULES;
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

/** X-XSS-Protection: absent or 0. */
export const XSS_PROTECTION_RULES = defineRules([
  {
    id: 'x-xss-protection-enabled',
    severity: 'low',
    scope: 'page',
    title: 'X-XSS-Protection enables the legacy XSS auditor',
    help: 'Remove `X-XSS-Protection` or set it to `0`: the auditor it enables is gone from current browsers and could be abused to remove scripts selectively in old ones. Rely on CSP.',
    reference: `${MDN}/X-XSS-Protection`,
  },
] as const);

export const xssProtectionCheck: HeaderCheck = {
  rules: XSS_PROTECTION_RULES.ids,
  run({ url, headers }) {
    const value = headers.get('x-xss-protection');
    if (value === null || value.trim() === '0') return [];
    return [XSS_PROTECTION_RULES.finding('x-xss-protection-enabled', url, `X-XSS-Protection is ${quote(value)}`)];
  },
};
