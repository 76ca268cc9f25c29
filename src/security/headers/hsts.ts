import type { SecurityOptions } from '../options.ts';

/** `Strict-Transport-Security`: HTTPS only, for at least a year, on every subdomain. */
export function getStrictTransportSecurity({ hsts }: Pick<SecurityOptions, 'hsts'>): string {
  // includeSubDomains is required by the options schema: a subdomain must not be a plain-HTTP way in.
  const parts = [`max-age=${hsts.maxAge}`, 'includeSubDomains'];
  if (hsts.preload) parts.push('preload');
  return parts.join('; ');
}
