import { INTL_LOCALE, type Locale } from '../../i18n/locales.ts';
import type { HeaderDefinition } from './header.ts';

const YEAR_SECONDS = 31_536_000;

/** "2 years" / "2 ans" (or days when max-age is not a whole number of years): read, never restated. */
function duration(locale: Locale, maxAge: number): string {
  const years = maxAge / YEAR_SECONDS;
  const [value, unit] = Number.isInteger(years) ? [years, 'year'] : [Math.floor(maxAge / 86_400), 'day'];
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** `Strict-Transport-Security`: HTTPS only, for at least a year, on every subdomain. */
export const strictTransportSecurity: HeaderDefinition = {
  name: 'Strict-Transport-Security',
  value: ({ hsts }) => {
    // includeSubDomains is required by the options schema: a subdomain must not be a plain-HTTP way in.
    const parts = [`max-age=${hsts.maxAge}`, 'includeSubDomains'];
    if (hsts.preload) parts.push('preload');
    return parts.join('; ');
  },
  reason: ({ hsts }) => ({
    en: `Browsers reach this site and its subdomains over HTTPS only, for ${duration('en', hsts.maxAge)} after each visit.`,
    fr: `Les navigateurs n’accèdent au site et à ses sous-domaines qu’en HTTPS, pendant ${duration('fr', hsts.maxAge)} après chaque visite.`,
  }),
};
