import { test, expect } from '@playwright/test';
import { manifest, servers, sitemapPaths } from './support/env.ts';
import { watchPage } from './support/page-watch.ts';

/** Routes per test: small enough that a slow group on a loaded machine stays within its own timeout. */
const GROUP = 8;
const paths = sitemapPaths();
const groups = Array.from({ length: Math.ceil(paths.length / GROUP) }, (_, i) =>
  paths.slice(i * GROUP, (i + 1) * GROUP),
);

for (const server of servers()) {
  test.describe(`pages in Chromium on ${server.name}`, () => {
    const { routes } = manifest();
    for (const group of groups) {
      test(`${group[0] ?? ''} … (${group.length} routes): zero CSP/Trusted Types violations, console errors, foreign requests, cookies or undeclared scripts`, async ({
        page,
        context,
      }) => {
        const report = await watchPage(page, server.url);
        for (const path of group) {
          const response = await page.goto(server.url + path);
          expect(response?.status(), path).toBe(200);
          await page.evaluate(() => document.fonts.ready);
          expect(await page.evaluate(() => document.cookie), path).toBe('');
          // The stylesheet really applied (SRI and CSP let it through).
          expect(await page.evaluate(() => document.styleSheets.length), path).toBeGreaterThan(0);
          // Routes without a declaration carry no script element at all.
          if (routes[path]?.declaration === undefined) expect(await page.locator('script').count(), path).toBe(0);
        }
        const { violations, consoleErrors, foreignRequests } = await report();
        expect(violations).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(foreignRequests).toEqual([]);
        expect(await context.cookies()).toEqual([]);
      });
    }
  });
}
