import { test, expect } from '@playwright/test';
import { manifest, servers, sitemapPaths } from './support/env.ts';
import { watchPage } from './support/page-watch.ts';

for (const server of servers()) {
  test.describe(`pages in Chromium on ${server.name}`, () => {
    test('every route loads with zero CSP/Trusted Types violations, console errors, foreign requests or cookies', async ({
      page,
      context,
    }) => {
      const report = await watchPage(page, server.url);
      for (const path of sitemapPaths()) {
        const response = await page.goto(server.url + path);
        expect(response?.status(), path).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        expect(await page.evaluate(() => document.cookie), path).toBe('');
        // The stylesheet really applied (SRI and CSP let it through): the skip link is moved off-screen.
        expect(await page.evaluate(() => document.styleSheets.length), path).toBeGreaterThan(0);
      }
      const { violations, consoleErrors, foreignRequests } = await report();
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });

    test('routes without a declaration carry no script element at all', async ({ page }) => {
      const { routes } = manifest();
      for (const path of sitemapPaths()) {
        await page.goto(server.url + path);
        if (routes[path]?.declaration === undefined) expect(await page.locator('script').count(), path).toBe(0);
      }
    });
  });
}
