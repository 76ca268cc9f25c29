import type { SecurityOptions } from '../options.ts';

/** `Strict-Transport-Security`: HTTPS only, for at least a year, on every subdomain. */
export function getStrictTransportSecurity({ hsts }: Pick<SecurityOptions, 'hsts'>): string {
  const parts = [`max-age=${hsts.maxAge}`];
  if (hsts.includeSubDomains) parts.push('includeSubDomains');
  if (hsts.preload) parts.push('preload');
  return parts.join('; ');
}
