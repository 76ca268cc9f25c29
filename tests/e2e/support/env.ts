import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSitemap } from '../../../src/audit/net/crawl.ts';
import { readManifest, type HeadersManifest } from '../../../src/manifest/index.ts';

export interface ServerRef {
  name: string;
  url: string;
}

/** The servers the global setup started. */
export function servers(): ServerRef[] {
  const raw = process.env['E2E_SERVERS'];
  if (!raw) throw new Error('E2E_SERVERS is not set: the global setup did not run');
  return JSON.parse(raw) as ServerRef[];
}

export function manifest(): HeadersManifest {
  return readManifest(resolve('deploy/headers-manifest.json'));
}

/** Every route listed in the built sitemap, as URL paths. */
export function sitemapPaths(): string[] {
  // The audit CLI's sitemap parser (parse5), not a second one.
  return parseSitemap(readFileSync(resolve('dist/sitemap.xml'), 'utf8')).pages.map((loc) => new URL(loc).pathname);
}

/** Sitemap routes that list no language alternates (pages that exist in one language only). */
export function sitemapPathsWithoutAlternates(): string[] {
  const xml = readFileSync(resolve('dist/sitemap.xml'), 'utf8');
  const origin = manifest().origin;
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)]
    .filter((m) => !(m[1] ?? '').includes('xhtml:link'))
    .map((m) => (/<loc>([^<]+)<\/loc>/.exec(m[1] ?? '')?.[1] ?? '').replace(origin, ''));
}
