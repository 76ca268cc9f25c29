import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';
import { MDN } from '../rules/refs.ts';
import type { HeaderCheck } from './finding.ts';

/** Set-Cookie: every cookie Secure, HttpOnly and SameSite=Strict or Lax. */
export const COOKIE_RULES = defineRules([
  {
    id: 'cookie-not-secure',
    severity: 'high',
    scope: 'page',
    title: 'Cookie without Secure',
    help: 'Every `Set-Cookie` must carry `Secure`, so that the cookie is never sent over plain HTTP. A site that sets no cookie passes.',
    reference: `${MDN}/Set-Cookie`,
  },
  {
    id: 'cookie-not-httponly',
    severity: 'medium',
    scope: 'page',
    title: 'Cookie without HttpOnly',
    help: 'Every `Set-Cookie` must carry `HttpOnly`, so that script (and therefore XSS) cannot read it.',
    reference: `${MDN}/Set-Cookie`,
  },
  {
    id: 'cookie-samesite',
    severity: 'medium',
    scope: 'page',
    title: 'Cookie without SameSite=Strict or Lax',
    help: 'Every `Set-Cookie` must carry `SameSite=Strict` or `SameSite=Lax` (not `None`, not absent) to stop cross-site request forgery.',
    reference: `${MDN}/Set-Cookie`,
  },
] as const);

export interface CookieFlags {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** Lower-cased SameSite value, or undefined when absent. */
  sameSite: string | undefined;
}

/** The name and attributes of one Set-Cookie value (RFC 6265 §5.2; attribute names are case-insensitive). */
export function parseSetCookie(value: string): CookieFlags {
  const [pair = '', ...attributes] = value.split(';');
  const name = pair.split('=')[0]?.trim() ?? '';
  const flags: CookieFlags = { name, secure: false, httpOnly: false, sameSite: undefined };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    if (key === 'secure') flags.secure = true;
    else if (key === 'httponly') flags.httpOnly = true;
    else if (key === 'samesite') flags.sameSite = rest.join('=').trim().toLowerCase();
  }
  return flags;
}

export const cookiesCheck: HeaderCheck = {
  rules: COOKIE_RULES.ids,
  run({ url, headers }) {
    const { finding } = COOKIE_RULES;
    const findings: Finding[] = [];
    // getSetCookie() keeps each Set-Cookie separate (a plain get() would join them with commas,
    // which also appear inside Expires dates).
    for (const cookie of headers.getSetCookie().map(parseSetCookie)) {
      const label = `cookie ${JSON.stringify(cookie.name)}`;
      if (!cookie.secure) findings.push(finding('cookie-not-secure', url, `${label} is set without Secure`));
      if (!cookie.httpOnly) findings.push(finding('cookie-not-httponly', url, `${label} is set without HttpOnly`));
      if (cookie.sameSite !== 'strict' && cookie.sameSite !== 'lax') {
        const got = cookie.sameSite === undefined ? 'without SameSite' : `with SameSite=${cookie.sameSite}`;
        findings.push(finding('cookie-samesite', url, `${label} is set ${got}`));
      }
    }
    return findings;
  },
};
