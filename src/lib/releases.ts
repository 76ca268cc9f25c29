import { getCollection, type CollectionEntry } from 'astro:content';
import semver from 'semver';
import { InputError } from '../schemas/parse.ts';
import type { Locale } from '../i18n/locales.ts';
import { assertTranslated, assertUniquePaths, splitContentId } from './content-checks.ts';
import { getPage } from './pages.ts';
import { typesetFields } from '../typography/typeset-values.ts';

export interface Release {
  entry: CollectionEntry<'releases'>;
  locale: Locale;
  version: string;
  /** @example /fr/versions/2.4.0/ */
  path: string;
  file: string;
}

let cache: Promise<Release[]> | undefined;

/** Every release note, newest version first (semantic-version order, not date or string order). */
export function getReleases(): Promise<Release[]> {
  cache ??= loadReleases();
  return cache;
}

async function loadReleases(): Promise<Release[]> {
  const entries = await getCollection('releases');
  const releases: Release[] = [];
  for (const entry of entries) {
    const file = entry.filePath ?? `content/releases/${entry.id}`;
    const { locale, key } = splitContentId(file, entry.id);
    if (key !== entry.data.version) {
      throw new InputError(`${file}: version: ${entry.data.version} does not match the file name ${key}.md`);
    }
    const base = (await getPage(locale, 'releases')).path;
    // French spacing for the summary that lists, the page and the feed show (the body: hast-plugin.ts).
    const shown = locale === 'fr' ? { ...entry, data: typesetFields(entry.data, ['summary']) } : entry;
    releases.push({ entry: shown, locale, version: entry.data.version, path: `${base}${entry.data.version}/`, file });
  }
  assertUniquePaths(releases, 'version');
  assertTranslated(releases.map((r) => ({ ...r, key: r.version })));
  return releases.sort((a, b) => semver.rcompare(a.version, b.version) || a.locale.localeCompare(b.locale));
}

export async function getReleasesFor(locale: Locale): Promise<Release[]> {
  return (await getReleases()).filter((r) => r.locale === locale);
}
