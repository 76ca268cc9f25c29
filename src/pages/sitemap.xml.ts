import type { APIRoute } from 'astro';
import { getPages } from '../lib/pages.ts';
import { getReleases } from '../lib/releases.ts';
import { getSiteData } from '../data/site.ts';
import { escapeXml } from '../lib/xml.ts';
import { getContentType } from '../security/headers/content-type.ts';
import { getComplianceSitemapEntries } from '../compliance/site-build.ts';

interface Url {
  path: string;
  lastmod: string;
  alternates: { lang: string; path: string }[];
}

// Our own sitemap: translations have their own slugs, so alternates come from page keys, not URL prefixes.
export const GET: APIRoute = async () => {
  const origin = getSiteData().site.url;
  const pages = await getPages();
  const releases = await getReleases();
  const urls: Url[] = [
    ...pages.map((p) => ({
      path: p.path,
      lastmod: p.entry.data.updated,
      alternates: pages.filter((o) => o.key === p.key).map((o) => ({ lang: o.locale, path: o.path })),
    })),
    ...releases.map((r) => ({
      path: r.path,
      lastmod: r.entry.data.date,
      alternates: releases.filter((o) => o.version === r.version).map((o) => ({ lang: o.locale, path: o.path })),
    })),
    // Generated pages: declarations of conformity, advisories, CSAF folder listings.
    ...(await getComplianceSitemapEntries()),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls
  .map(
    (u) => `  <url>
    <loc>${escapeXml(origin + u.path)}</loc>
    <lastmod>${u.lastmod}</lastmod>
${u.alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${a.lang}" href="${escapeXml(origin + a.path)}"/>`).join('\n')}
  </url>`,
  )
  .join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': getContentType('sitemap.xml') } });
};
