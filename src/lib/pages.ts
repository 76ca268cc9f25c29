import { getCollection, type CollectionEntry } from 'astro:content';
import { localePath, type Locale } from '../i18n/locales.ts';
import { assertTranslated, assertUniquePaths, splitContentId } from './content-checks.ts';
import { typesetFields } from '../typography/typeset-values.ts';

export interface SitePage {
  entry: CollectionEntry<'pages'>;
  locale: Locale;
  /** Shared by the translations of one page. @example compliance/cra */
  key: string;
  /** URL path with locale prefix and trailing slash. @example /fr/conformite/cra/ */
  path: string;
  file: string;
}

let cache: Promise<SitePage[]> | undefined;

/**
 * The front matter that templates show (titles, cards, navigation, meta description) with French
 * spacing on French pages; the body gets it from src/typography/hast-plugin.ts. A copy: the
 * collection's own entry stays as written.
 */
function typesetEntry(entry: CollectionEntry<'pages'>, locale: Locale): CollectionEntry<'pages'> {
  if (locale !== 'fr') return entry;
  return { ...entry, data: typesetFields(entry.data, ['title', 'description', 'summary', 'navLabel']) };
}

/** Every content page, checked across files once per build. */
export function getPages(): Promise<SitePage[]> {
  cache ??= loadPages();
  return cache;
}

async function loadPages(): Promise<SitePage[]> {
  const entries = await getCollection('pages');
  const pages = entries.map((entry) => {
    const file = entry.filePath ?? `content/pages/${entry.id}`;
    const { locale, key } = splitContentId(file, entry.id);
    const slug = key === 'index' ? '' : (entry.data.slug ?? key);
    return { entry: typesetEntry(entry, locale), locale, key, path: localePath(locale, slug), file };
  });
  assertUniquePaths(pages);
  assertTranslated(pages);
  return pages.sort((a, b) => a.entry.data.order - b.entry.data.order || a.path.localeCompare(b.path));
}

export async function getPage(locale: Locale, key: string): Promise<SitePage> {
  const page = (await getPages()).find((p) => p.locale === locale && p.key === key);
  if (!page) throw new Error(`no ${locale} page with key "${key}"`);
  return page;
}

/** The same page in every locale, for hreflang and the language switch. */
export async function getTranslations(key: string): Promise<Map<Locale, string>> {
  const pages = (await getPages()).filter((p) => p.key === key);
  return new Map(pages.map((p) => [p.locale, p.path]));
}
