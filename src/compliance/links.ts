import type { Locale } from '../i18n/locales.ts';

/** Page keys the compliance documents link to; each must exist in every locale. */
export const PAGE_KEYS = {
  declaration: 'compliance/declaration-of-conformity',
  productInformation: 'compliance/product-information',
  disclosure: 'security/vulnerability-disclosure',
  advisories: 'security/advisories',
  releases: 'releases',
} as const;

/** The simplified declaration's URL segment below the full one, per locale. */
const SIMPLIFIED_SEGMENT: Record<Locale, string> = { en: 'simplified', fr: 'simplifiee' };

/**
 * URL paths of the site's pages, resolved once from the content collection by the Astro side and
 * from a plain map in tests, so the document builders never depend on Astro.
 */
export interface SiteLinks {
  /** Canonical origin without a trailing slash. @example https://cryptpeer.com */
  origin: string;
  /** Path of a content page, with trailing slash. @example /fr/securite/avis/ */
  page(locale: Locale, key: string): string;
}

export const absolute = (links: SiteLinks, path: string): string => `${links.origin}${path}`;

export const releaseNotePath = (links: SiteLinks, locale: Locale, version: string): string =>
  `${links.page(locale, PAGE_KEYS.releases)}${version}/`;

export const advisoryPagePath = (links: SiteLinks, locale: Locale, id: string): string =>
  `${links.page(locale, PAGE_KEYS.advisories)}${id.toLowerCase()}/`;

export const declarationPagePath = (
  links: SiteLinks,
  locale: Locale,
  version: string,
  kind: 'full' | 'simplified' = 'full',
): string =>
  `${links.page(locale, PAGE_KEYS.declaration)}${version}/${kind === 'simplified' ? `${SIMPLIFIED_SEGMENT[locale]}/` : ''}`;

/** A resolver over known pages; an unknown key is a programming error, so it throws at once. */
export function createSiteLinks(
  origin: string,
  pages: readonly { locale: Locale; key: string; path: string }[],
): SiteLinks {
  const index = new Map(pages.map((p) => [`${p.locale}:${p.key}`, p.path]));
  return {
    origin,
    page(locale, key) {
      const path = index.get(`${locale}:${key}`);
      if (path === undefined)
        throw new Error(`no ${locale} page with key "${key}" (expected content/pages/${locale}/${key}.mdx)`);
      return path;
    },
  };
}
