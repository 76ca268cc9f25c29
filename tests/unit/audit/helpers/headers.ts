/** A header set that passes every header rule: each test changes one thing and expects one rule to fire. */
export const GOOD: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=(), fullscreen=(self)',
  'X-Frame-Options': 'DENY',
  Server: 'nginx',
};

/** GOOD with some headers replaced (`null` removes one), plus any Set-Cookie lines. */
export function headersWith(
  changes: Readonly<Record<string, string | null>> = {},
  cookies: readonly string[] = [],
): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...GOOD, ...changes })) if (value !== null) headers.set(name, value);
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return headers;
}

/** GOOD's CSP with one directive replaced (`null` removes it). */
export function cspWith(directive: string, value: string | null): string {
  const parts = (GOOD['Content-Security-Policy'] ?? '').split('; ').filter((p) => p.split(' ')[0] !== directive);
  return value === null ? parts.join('; ') : [...parts, `${directive} ${value}`.trim()].join('; ');
}
