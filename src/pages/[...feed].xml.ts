import type { APIRoute, GetStaticPaths } from 'astro';
import { createAtomFeed } from '../lib/atom.ts';
import { getPage } from '../lib/pages.ts';
import { getReleasesFor } from '../lib/releases.ts';
import { getSiteData } from '../data/site.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { t } from '../i18n/ui.ts';
import { getContentType } from '../security/headers/content-type.ts';

// One Atom feed per locale, next to that locale's release-notes list: /releases/feed.xml, /fr/versions/feed.xml.
export const getStaticPaths = (async () =>
  Promise.all(
    LOCALES.map(async (locale) => ({
      params: { feed: `${(await getPage(locale, 'releases')).path.slice(1)}feed` },
      props: { locale },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ locale: Locale }> = async ({ props }) => {
  const { locale } = props;
  const site = getSiteData();
  const origin = site.site.url;
  const list = await getPage(locale, 'releases');
  const releases = await getReleasesFor(locale);
  const body = createAtomFeed({
    id: `${origin}${list.path}`,
    title: `${site.product.name} — ${t(locale).releaseNotes}`,
    lang: locale,
    selfUrl: `${origin}${list.path}feed.xml`,
    pageUrl: `${origin}${list.path}`,
    author: site.manufacturer.name,
    entries: releases.map((r) => ({
      id: `${origin}${r.path}`,
      title: `${site.product.name} ${r.version}`,
      url: `${origin}${r.path}`,
      updated: r.entry.data.date,
      summary: r.entry.data.summary,
    })),
  });
  return new Response(body, { headers: { 'Content-Type': getContentType('feed.xml') } });
};
