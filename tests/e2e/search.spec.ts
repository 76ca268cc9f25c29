import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { pagefindPreloads } from '../../src/search/import-map.ts';
import { pagefindMetaUrl } from '../../src/search/meta-preload.ts';
import { servers } from './support/env.ts';
import { watchPage } from './support/page-watch.ts';

const cases = [
  { lang: 'en', path: '/search/', query: 'HKDF', expect: /\/cryptography\/specification\/$/ },
  { lang: 'en', path: '/search/', query: 'NIS2', expect: /\/compliance\/nis2\/$/ },
  { lang: 'fr', path: '/fr/recherche/', query: 'sauvegarde chiffrée', expect: /\/fr\/securite-operationnelle\/$/ },
  { lang: 'fr', path: '/fr/recherche/', query: 'HKDF', expect: /\/fr\/cryptographie\/specification\/$/ },
] as const;

for (const server of servers()) {
  test.describe(`search on ${server.name}`, () => {
    for (const c of cases) {
      test(`${c.lang}: "${c.query}" finds the right page and follows it, with zero violations`, async ({ page }) => {
        const report = await watchPage(page, server.url);
        await page.goto(server.url + c.path);
        const box = page.getByRole('searchbox');
        await expect(box).toBeVisible();
        await box.fill(c.query);
        const results = page.locator('#search-results a');
        await expect(results.first()).toBeVisible();
        const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
        expect(
          hrefs.some((h) => c.expect.test(h)),
          hrefs.join(', '),
        ).toBe(true);
        // Every result stays in the page's language.
        for (const href of hrefs) expect(href.startsWith('/fr/'), href).toBe(c.lang === 'fr');
        await expect(page.getByRole('status')).toContainText(c.query);
        expect(new URL(page.url()).searchParams.get('q')).toBe(c.query);
        // Matches are <mark> elements built with DOM APIs.
        expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
        await results.nth(hrefs.findIndex((h) => c.expect.test(h))).click();
        await expect(page).toHaveURL(c.expect);
        await expect(page.locator('h1')).toBeVisible();
        const { violations, consoleErrors, foreignRequests } = await report();
        expect(violations).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(foreignRequests).toEqual([]);
      });
    }

    test('a shared ?q= URL shows the results on load; no match says so', async ({ page }) => {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('HKDF')}`);
      await expect(page.locator('#search-results a').first()).toBeVisible();
      await expect(page.getByRole('searchbox')).toHaveValue('HKDF');
      await page.getByRole('searchbox').fill('zzqxwvk');
      await expect(page.getByRole('status')).toHaveText('No results for “zzqxwvk”.');
      await expect(page.locator('#search-results li')).toHaveCount(0);
    });

    for (const [lang, path] of [
      ['en', '/search/'],
      ['fr', '/fr/recherche/'],
    ] as const) {
      test(`${lang}: what Pagefind needs first is requested with the page, once, and used`, async ({ page }) => {
        const requested: string[] = [];
        const warnings: string[] = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          requested.push(url.pathname + url.search);
        });
        page.on('console', (message) => {
          if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
        });
        await page.goto(`${server.url}${path}?q=HKDF`);
        await expect(page.locator('#search-results a').first()).toBeVisible();
        const module = requested.findIndex((r) => r.startsWith('/_astro/Search.'));
        const meta = pagefindMetaUrl(resolve('dist'), lang);
        for (const preload of ['/pagefind/pagefind.js', ...pagefindPreloads(lang), meta]) {
          // Once: the preload matched Pagefind's own request (a mismatch fetches twice, and warns).
          expect(
            requested.filter((r) => r === preload),
            preload,
          ).toHaveLength(1);
          // Requested from the head, before the page's module (which only runs once it has loaded).
          expect(requested.indexOf(preload), preload).toBeLessThan(module);
        }
        expect(warnings).toEqual([]);
      });
    }

    test('the keyboard alone reaches and opens a result', async ({ page }) => {
      await page.goto(`${server.url}/fr/recherche/`);
      await page.getByRole('searchbox').focus();
      await page.keyboard.type('NIS2');
      // On a loaded machine keystrokes can outlast the debounce: wait for the results of the whole word,
      // not those of "NI", which the next search replaces (and the focus with them).
      await expect(page.getByRole('status')).toContainText('NIS2');
      await expect(page.locator('#search-results a').first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('#search-results a').first()).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/fr\//);
      await expect(page).not.toHaveURL(/recherche/);
    });
  });
}
