import { INTL_LOCALE, type Locale } from '../../i18n/locales.ts';

/** `2026-11-20` → `20 November 2026` / `20 novembre 2026`, in UTC so the machine's zone never shows. */
export function formatDocumentDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
