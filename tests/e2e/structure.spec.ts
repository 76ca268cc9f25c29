import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { manifest, servers, sitemapPaths, sitemapPathsWithoutAlternates } from './support/env.ts';

// Structure and accessibility do not depend on the server: checked once, on `npm start`.
const server = servers()[0];

test.describe('page structure and accessibility', () => {
  test.skip(!server, 'no server');
  const base = server?.url ?? '';

  test('every route has lang, a title, one h1 and reciprocal hreflang pairs', async ({ page }) => {
    const origin = manifest().origin;
    const alternatesOf = new Map<string, Map<string, string>>();
    const untranslated = new Set(sitemapPathsWithoutAlternates());
    for (const path of sitemapPaths()) {
      await page.goto(base + path);
      const lang = await page.locator('html').getAttribute('lang');
      expect(['en', 'fr'], path).toContain(lang);
      expect((await page.title()).length, path).toBeGreaterThan(3);
      expect(await page.locator('h1').count(), path).toBe(1);
      const alternates = new Map<string, string>();
      for (const link of await page.locator('link[rel="alternate"][hreflang]').all()) {
        alternates.set(
          (await link.getAttribute('hreflang')) ?? '',
          ((await link.getAttribute('href')) ?? '').replace(origin, ''),
        );
      }
      const other = lang === 'en' ? 'fr' : 'en';
      const switchHref = await page.locator('a.lang-switch').getAttribute('href');
      if (alternates.size === 0) {
        // A page that exists in one language only (the CSAF folder listings): no hreflang, and the
        // switch leads to the other language's home page.
        expect(untranslated.has(path), `${path}: no hreflang, yet the sitemap lists translations`).toBe(true);
        expect(switchHref, path).toBe(other === 'fr' ? '/fr/' : '/');
        continue;
      }
      expect(alternates.get(lang ?? ''), `${path}: hreflang to itself`).toBe(path);
      expect([...alternates.keys()].sort(), path).toEqual(['en', 'fr', 'x-default']);
      // The language switch leads to the other language's version of the same page.
      expect(switchHref, path).toBe(alternates.get(other));
      alternatesOf.set(path, alternates);
    }
    for (const [path, alternates] of alternatesOf) {
      for (const [lang, target] of alternates) {
        if (lang === 'x-default') continue;
        expect(alternatesOf.get(target)?.get(lang), `${path} → ${target} must link back`).toBe(target);
        expect(
          alternatesOf.get(target)?.get(lang === 'en' ? 'fr' : 'en'),
          `${target} pairs with ${path}`,
        ).toBeDefined();
      }
    }
  });

  test('the skip link is the first focusable element and moves focus to main', async ({ page }) => {
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await expect(page.locator('a.skip-link')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

// One test per route and colour scheme, so a slow page on a loaded machine costs its own timeout only.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} mode`, () => {
    test.skip(!server, 'no server');
    // axe injects its own script: CSP is bypassed in this context only, never in the violation checks.
    test.use({ bypassCSP: true, colorScheme });
    for (const path of [...sitemapPaths(), '/404.html']) {
      test(`${path}: zero violations`, async ({ page }) => {
        await page.goto((server?.url ?? '') + path);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary, `${colorScheme} ${path}`).toEqual([]);
      });
    }
  });
}
