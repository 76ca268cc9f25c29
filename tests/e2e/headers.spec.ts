import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { isPrecompressedSibling, resolveHeaders } from '../../src/manifest/index.ts';
import { expectHeaders } from '../support/expect-headers.ts';
import { manifest, servers, sitemapPaths } from './support/env.ts';

/** One file per extension (one class of asset each), taken from what the build emitted. */
function assetSamples(): string[] {
  const byExt = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.html') && entry.name !== '_headers') {
        const path = `/${relative('dist', full)}`;
        // Precompressed siblings are representations (compression.spec.ts), not resources.
        if (isPrecompressedSibling(manifest(), path)) continue;
        const key = extname(entry.name) || entry.name;
        if (!byExt.has(key)) byExt.set(key, path);
      }
    }
  };
  walk('dist');
  return [...byExt.values()].sort();
}

const NEVER = { 'X-Powered-By': null, 'Set-Cookie': null } as const;

for (const server of servers()) {
  test.describe(`headers on ${server.name}`, () => {
    test('every sitemap route carries exactly the manifest headers', async ({ request }) => {
      const m = manifest();
      const paths = sitemapPaths();
      expect(paths.length).toBeGreaterThan(30);
      for (const path of paths) {
        const response = await request.get(server.url + path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(200);
        expectHeaders(
          response.headers(),
          { ...resolveHeaders(m, path), ...NEVER },
          { context: `${server.name} ${path}: ` },
        );
        expect(response.headers()['server'] ?? '', `${path}: Server must not show a version`).not.toMatch(/\d/);
      }
    });

    test('every class of asset carries the manifest headers and its content type', async ({ request }) => {
      const m = manifest();
      const samples = assetSamples();
      expect(samples.some((s) => s.endsWith('.css'))).toBe(true);
      expect(samples.some((s) => s.endsWith('.woff2'))).toBe(true);
      for (const path of samples) {
        const response = await request.get(server.url + path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(200);
        expectHeaders(
          response.headers(),
          { ...resolveHeaders(m, path), ...NEVER },
          { context: `${server.name} ${path}: ` },
        );
      }
    });

    test('an unknown path answers 404 with the 404 page and its headers', async ({ request }) => {
      const m = manifest();
      const response = await request.get(`${server.url}/no/such/page/`);
      expect(response.status()).toBe(404);
      expectHeaders(response.headers(), { ...resolveHeaders(m, m.notFound), ...NEVER });
      expect(await response.text()).toContain('<h1');
    });

    test('files meant for static hosts only are refused', async ({ request }) => {
      for (const path of manifest().forbidden) {
        expect((await request.get(server.url + path)).status(), path).toBe(404);
      }
    });
  });
}
