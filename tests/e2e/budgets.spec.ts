import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scanHtml } from '../../src/hardening/html-scan.ts';
import { servers, sitemapPaths } from './support/env.ts';

// Budgets in bytes, measured on the built files (never on timings).
const SEARCH_JS_BUDGET = 15 * 1024;
const HOME_TRANSFER_BUDGET = 60 * 1024;

/** Bytes of the body a server sends to a browser accepting br: the build's .br sibling, else the file. */
function bodySize(urlPath: string): number {
  const file = join('dist', decodeURIComponent(urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath));
  return readFileSync(existsSync(`${file}.br`) ? `${file}.br` : file).length;
}

function htmlFiles(dir = 'dist'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(full) : e.name.endsWith('.html') ? [full] : [];
  });
}

test.describe('budgets, from the built files', () => {
  test('content pages carry zero JavaScript; only the search pages load any', () => {
    const withScripts = htmlFiles().filter((file) =>
      scanHtml(readFileSync(file, 'utf8'), file).elements.some((e) => e.tag === 'script'),
    );
    expect(withScripts.sort()).toEqual(['dist/fr/recherche/index.html', 'dist/search/index.html']);
  });

  test('every image has width and height; every SVG graphic has a title', () => {
    for (const file of htmlFiles()) {
      const { elements } = scanHtml(readFileSync(file, 'utf8'), file);
      for (const el of elements.filter((e) => e.tag === 'img')) {
        expect(el.attrs.has('width') && el.attrs.has('height'), `${file}:${el.line} <img> needs width and height`).toBe(
          true,
        );
      }
      for (const el of elements.filter((e) => e.tag === 'svg' && e.attrs.get('role') === 'img')) {
        expect(el.attrs.has('viewBox') || el.attrs.has('viewbox'), `${file}:${el.line} svg needs a viewBox`).toBe(true);
        expect(el.attrs.has('aria-labelledby'), `${file}:${el.line} svg needs a title`).toBe(true);
      }
    }
  });

  test('fonts: only the Latin subsets ship, and the one every page needs is preloaded', () => {
    const fonts = readdirSync('dist/_astro').filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBeLessThanOrEqual(2);
    const preloads = scanHtml(readFileSync('dist/index.html', 'utf8'), 'index.html').elements.filter(
      (e) => e.tag === 'link' && e.attrs.get('rel') === 'preload' && e.attrs.get('as') === 'font',
    );
    expect(preloads).toHaveLength(1);
    expect(preloads[0]?.attrs.get('href')).toMatch(/inter-latin-wght-normal\.[\w-]+\.woff2$/);
    expect(preloads[0]?.attrs.get('crossorigin')).toBe('anonymous');
  });

  test(`the search page's own JavaScript is at most ${SEARCH_JS_BUDGET} bytes compressed (Pagefind aside)`, () => {
    for (const page of ['dist/search/index.html', 'dist/fr/recherche/index.html']) {
      const scripts = scanHtml(readFileSync(page, 'utf8'), page)
        .elements.filter((e) => e.tag === 'script' && e.attrs.has('src'))
        .map((e) => e.attrs.get('src') ?? '');
      expect(scripts.length).toBeGreaterThan(0);
      const total = scripts.filter((s) => !s.startsWith('/pagefind/')).reduce((sum, s) => sum + bodySize(s), 0);
      expect(total, page).toBeLessThanOrEqual(SEARCH_JS_BUDGET);
    }
  });

  for (const server of servers()) {
    test(`${server.name}: the home page transfers at most ${HOME_TRANSFER_BUDGET} bytes, headers and everything it loads included`, async ({
      page,
    }) => {
      for (const path of ['/', '/fr/']) {
        const sizes: Promise<{ url: string; bytes: number; encoding: string | undefined }>[] = [];
        page.on('requestfinished', (request) => {
          sizes.push(
            (async () => {
              const [size, response] = await Promise.all([request.sizes(), request.response()]);
              const encoding = (await response?.allHeaders())?.['content-encoding'];
              // Bytes on the wire as Chromium counted them: encoded body plus response headers.
              return { url: request.url(), bytes: size.responseBodySize + size.responseHeadersSize, encoding };
            })(),
          );
        });
        await page.goto(`${server.url}${path}`);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForLoadState('networkidle');
        page.removeAllListeners('requestfinished');
        const loaded = await Promise.all(sizes);
        const total = loaded.reduce((sum, r) => sum + r.bytes, 0);
        const listing = loaded.map((r) => `${new URL(r.url).pathname} ${r.bytes} B ${r.encoding ?? 'identity'}`);
        expect(loaded.some((r) => r.url.endsWith('.woff2'))).toBe(true);
        // The page itself and its stylesheet arrive brotli-encoded: the budget is met by what is sent.
        expect(
          loaded.filter((r) => /\/$|\.css$/.test(r.url)).every((r) => r.encoding === 'br'),
          listing.join(', '),
        ).toBe(true);
        expect(total, `${path}: ${listing.join(', ')}`).toBeLessThanOrEqual(HOME_TRANSFER_BUDGET);
      }
    });
  }

  test('the sitemap lists every HTML page except the 404', () => {
    const listed = new Set(sitemapPaths());
    const pages = htmlFiles()
      .map((f) => f.slice('dist'.length).replace(/index\.html$/, ''))
      .filter((p) => p !== '/404.html');
    expect(pages.filter((p) => !listed.has(p))).toEqual([]);
  });
});
