import { test, expect } from '@playwright/test';
import { servers } from './support/env.ts';

// The website-security page says its table lists the headers that very page is served with: each
// server must send exactly what it shows, the CSP included (written into the page by harden).
for (const server of servers()) {
  test.describe(`website-security policy table on ${server.name}`, () => {
    for (const path of ['/website-security/', '/fr/securite-du-site/']) {
      test(`${path}: every row is what the page was served with`, async ({ page }) => {
        const response = await page.goto(server.url + path);
        expect(response?.status()).toBe(200);
        const served = await response?.allHeaders();
        const rows = await page.locator('tr[data-header]').evaluateAll((trs) =>
          trs.map((tr) => ({
            name: tr.getAttribute('data-header') ?? '',
            shown: tr.querySelector('code.header-value')?.textContent ?? '',
          })),
        );
        expect(rows.map((row) => row.name)).toContain('Content-Security-Policy');
        for (const { name, shown } of rows) expect(served?.[name.toLowerCase()], name).toBe(shown);
      });
    }
  });
}
