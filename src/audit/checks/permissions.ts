import { defineRules } from '../rules/rule.ts';
import { MDN } from '../rules/refs.ts';
import type { HeaderCheck } from './finding.ts';

/** Permissions-Policy: present, denying every sensitive feature. */
export const PERMISSIONS_RULES = defineRules([
  {
    id: 'permissions-policy-missing',
    severity: 'low',
    scope: 'page',
    title: 'Permissions-Policy missing',
    help: 'Send a `Permissions-Policy` that denies every powerful feature the site does not use, e.g. `camera=(), microphone=(), geolocation=()`.',
    reference: `${MDN}/Permissions-Policy`,
  },
  {
    id: 'permissions-policy-permissive',
    severity: 'low',
    scope: 'page',
    title: 'Permissions-Policy does not deny sensitive features',
    help: 'Each of `camera`, `microphone`, `geolocation`, `payment`, `usb`, `serial`, `hid` and `display-capture` must be denied with `feature=()`; a feature left out keeps its default (usually allowed for the page itself).',
    reference: `${MDN}/Permissions-Policy`,
  },
] as const);

/** Features a content site must deny (OWASP Secure Headers' recommended Permissions-Policy). */
export const SENSITIVE_FEATURES = [
  'camera',
  'microphone',
  'geolocation',
  'payment',
  'usb',
  'serial',
  'hid',
  'display-capture',
] as const;

/**
 * Feature → allowlist text of a Permissions-Policy (a structured-field dictionary:
 * `camera=(), geolocation=(self "https://a.example"), fullscreen=*`).
 */
export function parsePermissionsPolicy(value: string): Map<string, string> {
  const features = new Map<string, string>();
  for (const member of value.split(',')) {
    const eq = member.indexOf('=');
    const name = (eq < 0 ? member : member.slice(0, eq)).trim().toLowerCase();
    // A bare name is a boolean `true` in a structured field: not a valid allowlist.
    if (name && !features.has(name)) features.set(name, eq < 0 ? '?1' : member.slice(eq + 1).trim());
  }
  return features;
}

/** `()` (optionally with parameters) is the empty allowlist: denied everywhere. */
function isDenied(allowlist: string | undefined): boolean {
  return allowlist !== undefined && /^\(\s*\)(;.*)?$/.test(allowlist);
}

export const permissionsCheck: HeaderCheck = {
  rules: PERMISSIONS_RULES.ids,
  run({ url, headers }) {
    const { finding } = PERMISSIONS_RULES;
    const value = headers.get('permissions-policy');
    if (value === null) return [finding('permissions-policy-missing', url, 'Permissions-Policy is absent')];
    const policy = parsePermissionsPolicy(value);
    const allowed = SENSITIVE_FEATURES.filter((f) => !isDenied(policy.get(f)));
    if (allowed.length === 0) return [];
    const described = allowed.map((f) => (policy.has(f) ? `${f}=${policy.get(f) ?? ''}` : `${f} (not listed)`));
    return [finding('permissions-policy-permissive', url, `Permissions-Policy does not deny ${described.join(', ')}`)];
  },
};
