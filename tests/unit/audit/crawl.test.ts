import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAX_OPEN_SITEMAP_ELEMENTS,
  mapOntoOrigin,
  mapPool,
  parseSitemap,
  SitemapError,
  SitemapReader,
  sitemapUrlFor,
} from '../../../src/audit/net/crawl.ts';

describe('sitemap crawl', () => {
  test('reads <url><loc> entries, not alternates or image locations, with entities decoded', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://cryptpeer.com/</loc>
    <xhtml:link rel="alternate" hreflang="fr" href="https://cryptpeer.com/fr/"/>
    <image:image><image:loc>https://cryptpeer.com/a.png</image:loc></image:image>
  </url>
  <url><loc> https://cryptpeer.com/search/?q=a&amp;b=c </loc></url>
</urlset>`;
    assert.deepEqual(parseSitemap(xml), {
      pages: ['https://cryptpeer.com/', 'https://cryptpeer.com/search/?q=a&b=c'],
      sitemaps: [],
    });
  });

  test('reads a sitemap index', () => {
    const xml = '<sitemapindex><sitemap><loc>https://cryptpeer.com/s1.xml</loc></sitemap></sitemapindex>';
    assert.deepEqual(parseSitemap(xml), { pages: [], sitemaps: ['https://cryptpeer.com/s1.xml'] });
  });

  test('reads a sitemap streamed a character at a time as it reads the whole text', () => {
    const xml =
      '<urlset><url><loc>https://cryptpeer.com/a?x=1&amp;y=2</loc></url><url><loc>https://cryptpeer.com/b</loc></url></urlset>';
    const reader = new SitemapReader();
    for (const char of xml) assert.equal(reader.write(char), true);
    assert.deepEqual(reader.end(), parseSitemap(xml));
    assert.deepEqual(reader.end().pages, ['https://cryptpeer.com/a?x=1&y=2', 'https://cryptpeer.com/b']);
  });

  test(`refuses a sitemap nesting more than ${MAX_OPEN_SITEMAP_ELEMENTS} <url> and <sitemap> elements`, () => {
    const deep = `<urlset>${'<url>'.repeat(MAX_OPEN_SITEMAP_ELEMENTS + 1)}<loc>https://cryptpeer.com/</loc></urlset>`;
    assert.throws(() => parseSitemap(deep), SitemapError);
    const nested = `<urlset>${'<url>'.repeat(MAX_OPEN_SITEMAP_ELEMENTS)}<loc>https://cryptpeer.com/</loc></urlset>`;
    assert.deepEqual(parseSitemap(nested).pages, ['https://cryptpeer.com/']);
  });

  test('maps production URLs onto the audited origin, keeping path and query', () => {
    assert.equal(
      mapOntoOrigin('https://cryptpeer.com/fr/?a=1#x', 'http://127.0.0.1:4321'),
      'http://127.0.0.1:4321/fr/?a=1',
    );
    assert.equal(mapOntoOrigin('/relative/', 'http://127.0.0.1:4321'), undefined);
    assert.equal(mapOntoOrigin('ftp://cryptpeer.com/', 'http://127.0.0.1:4321'), undefined);
  });

  test('the sitemap sits in the base URL directory', () => {
    assert.equal(sitemapUrlFor(new URL('http://127.0.0.1:4321')).href, 'http://127.0.0.1:4321/sitemap.xml');
    assert.equal(sitemapUrlFor(new URL('https://h.example/preview?x=1')).href, 'https://h.example/preview/sitemap.xml');
  });

  test('mapPool keeps order and never runs more than the concurrency', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.equal(peak, 2);
  });

  test('mapPool stops taking work after a failure', async () => {
    const seen: number[] = [];
    await assert.rejects(
      mapPool([1, 2, 3, 4, 5, 6], 1, (n) => {
        seen.push(n);
        return n === 2 ? Promise.reject(new Error('boom')) : Promise.resolve(n);
      }),
      /boom/,
    );
    assert.deepEqual(seen, [1, 2]);
  });
});
