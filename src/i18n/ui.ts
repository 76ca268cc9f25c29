import { INTL_LOCALE, type Locale } from './locales.ts';
import { NBSP } from '../typography/french-rules.ts';
import { defineTexts } from './texts.ts';

/**
 * Interface words several templates share (navigation, labels): `t(locale).home`. Page text lives
 * in `content/`; words only one component uses are defined in that component.
 */
export const t = defineTexts({
  skipToContent: { en: 'Skip to content', fr: 'Aller au contenu' },
  primaryNav: { en: 'Main navigation', fr: 'Navigation principale' },
  footerNav: { en: 'Site information', fr: 'Informations sur le site' },
  languageSwitch: { en: 'Lire cette page en français', fr: 'Read this page in English' },
  home: { en: '{product} home', fr: 'Accueil {product}' },
  search: { en: 'Search', fr: 'Rechercher' },
  searchLabel: { en: 'Search the documentation', fr: 'Rechercher dans la documentation' },
  searchButton: { en: 'Search', fr: 'Rechercher' },
  searchIdle: { en: 'Type at least two characters.', fr: 'Saisissez au moins deux caractères.' },
  searchLoading: { en: 'Searching…', fr: 'Recherche en cours…' },
  searchNone: { en: 'No results for “{q}”.', fr: 'Aucun résultat pour « {q} ».' },
  searchOne: { en: 'One result for “{q}”.', fr: 'Un résultat pour « {q} ».' },
  searchMany: { en: '{n} results for “{q}”.', fr: '{n} résultats pour « {q} ».' },
  searchError: { en: 'Search is unavailable right now.', fr: 'La recherche est indisponible pour le moment.' },
  searchNoScript: {
    en: 'Search runs in your browser and needs JavaScript. Every page is also reachable from the navigation and the site map.',
    fr: 'La recherche s’exécute dans votre navigateur et nécessite JavaScript. Toutes les pages restent accessibles depuis la navigation et le plan du site.',
  },
  onThisPage: { en: 'On this page', fr: 'Sur cette page' },
  lastUpdated: { en: 'Last reviewed', fr: 'Dernière révision' },
  noCookies: {
    en: 'This site sets no cookies, runs no analytics and loads nothing from other origins.',
    fr: 'Ce site ne dépose aucun cookie, ne mesure pas l’audience et ne charge rien depuis d’autres origines.',
  },
  releasedOn: { en: 'Released on', fr: 'Publiée le' },
  version: { en: 'Version', fr: 'Version' },
  releaseNotes: { en: 'Release notes', fr: 'Notes de version' },
  allReleases: { en: 'All release notes', fr: 'Toutes les notes de version' },
  feed: { en: 'Atom feed of release notes', fr: 'Flux Atom des notes de version' },
  fixes: { en: 'Security advisories fixed', fr: 'Avis de sécurité corrigés' },
  breadcrumb: { en: 'Breadcrumb', fr: 'Fil d’Ariane' },
  readMore: { en: 'Read', fr: 'Lire' },
  sections: { en: 'Explore the documentation', fr: 'Parcourir la documentation' },
  compliancePages: { en: 'Compliance topics', fr: 'Sujets de conformité' },
  toConfirm: { en: 'to be confirmed', fr: 'à confirmer' },
});

/** A label's colon and the space after it; French puts a no-break space before it (`Statut\u00a0: `). */
export const colon = (locale: Locale): string => (locale === 'fr' ? `${NBSP}: ` : ': ');

/** Formats an ISO date for humans, in UTC so the output never depends on the build machine. */
export function formatDate(locale: Locale, isoDate: string, style: 'long' | 'month' = 'long'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === 'month'
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(date);
}
