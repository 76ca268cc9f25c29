import { getPages } from '../lib/pages.ts';
import { buildCompliance, type ComplianceBuild } from './build.ts';
import { getComplianceData } from './inputs/index.ts';
import { advisoryPagePath, createSiteLinks, type SiteLinks } from './links.ts';

let links: Promise<SiteLinks> | undefined;
let build: Promise<ComplianceBuild> | undefined;

/** Page paths from the content collection (the only Astro-dependent input of the compliance code). */
export function getSiteLinks(): Promise<SiteLinks> {
  links ??= getPages().then((pages) => createSiteLinks(getComplianceData().site.site.url, pages));
  return links;
}

/**
 * The compliance documents of this build, computed once and shared by every route and page that
 * shows them (file endpoints, download lists with sizes and checksums, advisory pages). A failure
 * rejects every route that awaits it, so `astro build` stops with the message.
 */
export function getComplianceBuild(): Promise<ComplianceBuild> {
  build ??= getSiteLinks().then(async (siteLinks) => {
    const started = performance.now();
    const result = await buildCompliance(getComplianceData(), siteLinks);
    for (const line of result.log) console.info(line);
    console.info(
      `[compliance] ${result.files.size} files generated in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    return result;
  });
  return build;
}

export interface SitemapEntry {
  path: string;
  /** ISO date. */
  lastmod: string;
  alternates: { lang: string; path: string }[];
}

/**
 * The generated compliance pages in the shape `src/pages/sitemap.xml.ts` lists pages: declaration
 * documents (with their translation as alternate), advisory pages, and the CSAF folder listings.
 */
export async function getComplianceSitemapEntries(): Promise<SitemapEntry[]> {
  const [build, links] = await Promise.all([getComplianceBuild(), getSiteLinks()]);
  const { documents } = build.declarations;
  const declarations = documents.map((d) => ({
    path: d.htmlPath,
    lastmod: d.model.date,
    alternates: documents
      .filter((o) => o.version === d.version && o.kind === d.kind)
      .map((o) => ({ lang: o.locale, path: o.htmlPath })),
  }));
  const advisories = build.csaf.entries.flatMap((e) => {
    const alternates = (['en', 'fr'] as const).map((lang) => ({
      lang,
      path: advisoryPagePath(links, lang, e.advisory.data.id),
    }));
    return alternates.map((a) => ({ path: a.path, lastmod: e.currentReleaseDate, alternates }));
  });
  const newest =
    build.csaf.entries
      .map((e) => e.currentReleaseDate)
      .sort()
      .at(-1) ?? '1970-01-01';
  const listings = build.csaf.listings.map((l) => ({ path: l.path, lastmod: newest, alternates: [] }));
  return [...declarations, ...advisories, ...listings];
}
