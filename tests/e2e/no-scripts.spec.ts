import { test, expect, type Page } from '@playwright/test';
import { manifest, servers, sitemapPaths } from './support/env.ts';

// Counts the scripts Chromium's JavaScript engine actually compiled in the page's main world (V8's
// Debugger.scriptParsed, through CDP), not <script> tags: a handler, a `javascript:` URL or a
// script that a parser differential smuggled past the build would all show up here, and a script
// the CSP blocked would not (it never ran). No test calls page.evaluate: Playwright's own calls and
// its locators run in an isolated world, filtered out by `isDefault`.

interface RanScript {
  url: string;
  language: string;
  hash: string;
  /** Debugger.scriptFailedToParse: the engine was handed code, which counts as much as running it. */
  failed: boolean;
}

interface ScriptWatch {
  /** Main-world scripts of the document(s) loaded since the watch started, Playwright's own removed. */
  scripts(): RanScript[];
}

/**
 * Starts counting before the navigation. Playwright adds init scripts to every new document (with
 * `serviceWorkers: 'block'`, a stub of `navigator.serviceWorker.register`); the blank page the test
 * starts on runs them and nothing else, so the url-less scripts it reports when the debugger is
 * enabled are Playwright's, and exactly those (same hash, no url) are not counted on the route.
 */
async function watchScripts(page: Page): Promise<ScriptWatch> {
  const cdp = await page.context().newCDPSession(page);
  const seen: RanScript[] = [];
  const record = (
    event: { url: string; hash: string; scriptLanguage?: string; executionContextAuxData?: unknown },
    failed: boolean,
  ) => {
    const aux = event.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (aux?.isDefault === false) return;
    seen.push({ url: event.url, language: event.scriptLanguage ?? 'JavaScript', hash: event.hash, failed });
  };
  cdp.on('Debugger.scriptParsed', (event) => record(event, false));
  cdp.on('Debugger.scriptFailedToParse', (event) => record(event, true));
  await cdp.send('Debugger.enable');
  const own = new Set(seen.filter((s) => s.url === '' && !s.failed).map((s) => s.hash));
  const before = seen.length;
  return {
    scripts: () => seen.slice(before).filter((s) => !(s.url === '' && own.has(s.hash))),
  };
}

/** Every HTML route the build wrote (the manifest) and every route the sitemap lists. */
const routes = [...new Set([...Object.keys(manifest().routes), ...sitemapPaths()])].sort();
/** The routes whose sealed declaration lets them run a module: the search pages, nothing else. */
const searchRoutes = routes.filter((r) => manifest().routes[r]?.declaration === 'search');
const contentRoutes = routes.filter((r) => !searchRoutes.includes(r));
const show = (scripts: RanScript[]) =>
  scripts.map(
    (s) => `${s.language} ${s.url || '(inline, handler or javascript: URL)'}${s.failed ? ' (failed to parse)' : ''}`,
  );

test.describe.configure({ mode: 'parallel' });

test('the routes that may run scripts are exactly the two search pages', () => {
  expect(searchRoutes).toEqual(['/fr/recherche/', '/search/']);
  expect(contentRoutes.length).toBeGreaterThan(50);
});

for (const server of servers()) {
  test.describe(`scripts run in Chromium on ${server.name}`, () => {
    for (const path of contentRoutes) {
      test(`${path}: zero scripts run`, async ({ page }) => {
        const watch = await watchScripts(page);
        const response = await page.goto(server.url + path);
        // A refused or missing page runs no script either: only a served page proves anything.
        expect(response?.status(), path).toBe(200);
        expect(show(watch.scripts()), path).toEqual([]);
      });
    }

    for (const path of searchRoutes) {
      test(`${path}: only its /_astro/ module, /pagefind/pagefind.js and its wasm run`, async ({ page }) => {
        const watch = await watchScripts(page);
        // `?q=` runs a search on load, so Pagefind's runtime and its WebAssembly are loaded too.
        const response = await page.goto(`${server.url}${path}?q=HKDF`);
        expect(response?.status(), path).toBe(200);
        // A locator runs in Playwright's isolated world: it is not counted.
        await expect(page.locator('#search-results a').first()).toBeVisible();
        const scripts = watch.scripts();
        const kinds = scripts.map((s) => {
          if (s.failed) return `failed to parse: ${s.url}`;
          if (s.language === 'WebAssembly' && s.url.startsWith('wasm://wasm/')) return 'wasm';
          if (s.url === `${server.url}/pagefind/pagefind.js`) return '/pagefind/pagefind.js';
          if (s.url.startsWith(`${server.url}/_astro/`) && /^[\w.-]+\.js$/.test(s.url.slice(server.url.length + 8)))
            return '/_astro/*.js';
          return `unexpected: ${s.language} ${s.url || '(inline, handler or javascript: URL)'}`;
        });
        expect([...new Set(kinds)].sort(), show(scripts).join('\n')).toEqual(
          ['/_astro/*.js', '/pagefind/pagefind.js', ...(kinds.includes('wasm') ? ['wasm'] : [])].sort(),
        );
        expect(
          kinds.filter((k) => k === '/_astro/*.js'),
          'one bundled module',
        ).toHaveLength(1);
        expect(
          kinds.filter((k) => k === '/pagefind/pagefind.js'),
          'Pagefind loaded once',
        ).toHaveLength(1);
      });
    }

    test('the count can fail: a script injected into a served content page is counted', async ({ page }) => {
      const path = contentRoutes.find((r) => r === '/') ?? contentRoutes[0] ?? '/';
      // The real response of this server, with its CSP taken out and a script and a handler put in.
      await page.route(server.url + path, async (route) => {
        const response = await route.fetch();
        const html = (await response.text())
          .replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
          .replace('</body>', '<script>document.title = "ran";</script><img src="/nope" onerror="void 0"></body>');
        // The body is re-encoded by Playwright: the original length and encoding no longer apply.
        const {
          'content-security-policy': _csp,
          'content-length': _length,
          'content-encoding': _encoding,
          ...headers
        } = response.headers();
        await route.fulfill({ response, headers, body: html });
      });
      const watch = await watchScripts(page);
      await page.goto(server.url + path);
      await expect(page).toHaveTitle('ran');
      const scripts = watch.scripts();
      expect(scripts.length, show(scripts).join('\n')).toBeGreaterThanOrEqual(2);
      expect(scripts.every((s) => s.url === server.url + path)).toBe(true);
    });
  });
}
