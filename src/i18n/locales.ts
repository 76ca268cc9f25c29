/** The site's languages. English is served at `/`, French under `/fr/`. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The locale of a URL path: `/fr/…` is French, anything else is served in the default locale. */
export function localeFromPath(pathname: string): Locale {
  const [first = ''] = pathname.split('/').filter(Boolean);
  return first !== DEFAULT_LOCALE && isLocale(first) ? first : DEFAULT_LOCALE;
}

/** `/` + locale prefix + slug + `/`: the one function every internal link goes through. */
export function localePath(locale: Locale, slug = ''): string {
  const clean = slug.replace(/^\/+|\/+$/g, '');
  const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
  return clean === '' ? `${prefix}/` : `${prefix}/${clean}/`;
}

/** BCP 47 tags used in `lang` and `hreflang`. */
export const LANGUAGE_TAG: Record<Locale, string> = { en: 'en', fr: 'fr' };
export const LANGUAGE_NAME: Record<Locale, string> = { en: 'English', fr: 'Français' };
/** Region-specific tags for `Intl` number and date formatting (dates read as in the UK and France). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };
/** Open Graph's `og:locale` is the region tag with an underscore (`fr_FR`), derived from `INTL_LOCALE`. */
export const ogLocale = (locale: Locale): string => INTL_LOCALE[locale].replace('-', '_');
