import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DistFiles } from '../../src/hardening/dist-files.ts';
import { hardenDist } from '../../src/hardening/harden.ts';
import { listFiles } from '../../src/hardening/walk.ts';
import { hardenPage } from '../../src/hardening/harden-page.ts';
import { createManifest } from '../../src/hardening/create-manifest.ts';
import {
  contentTypeOf,
  findRoute,
  resolveHeaders,
  routeOfFile,
  type HeadersManifest,
} from '../../src/manifest/index.ts';
import { integrityOf, matchesDigests, matchesIntegrity, StreamingDigests } from '../../src/standards/sri.ts';
import { parseSecurityOptions, getCommonHeaders, type SecurityOptionsInput } from '../../src/security/index.ts';
import { expectHeaders } from '../support/expect-headers.ts';
import {
  CSS,
  FONT_CSS,
  INLINE_SCRIPT,
  INLINE_STYLE,
  JS,
  TEST_TRUST,
  declare,
  makeDist,
  page,
  siteFiles,
  sri,
  testTrust,
  type TempDist,
} from './helpers/temp-dist.ts';

const ORIGIN = 'https://cryptpeer.com';
const PINNED_URL = 'https://cdn.example/lib@1.0.0/lib.min.js';
const PINNED = `sha384-${'A'.repeat(64)}`;
const OPTIONS = parseSecurityOptions({ origin: ORIGIN, allowedExternal: [{ url: PINNED_URL, integrity: PINNED }] });
const options = (extra: Omit<SecurityOptionsInput, 'origin'>) => parseSecurityOptions({ origin: ORIGIN, ...extra });

/** Directive → sources of a CSP value (independent of src/hardening/csp-parse.ts). */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** The content of the `<meta http-equiv="content-security-policy">` tags of a page. */
function metaCsps(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/g)].map((m) =>
    (m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );
}

/** The attributes of the first start tag matching `selector` (a regex over the raw tag). */
function tagWith(html: string, pattern: RegExp): string {
  const tag = [...html.matchAll(/<[a-z]+\b[^>]*>/g)].map((m) => m[0]).find((t) => pattern.test(t));
  assert.ok(tag, `no tag matching ${String(pattern)} in ${html}`);
  return tag;
}

const integrityAttr = (tag: string) => /\sintegrity="([^"]*)"/.exec(tag)?.[1];

describe('hardenPage', () => {
  let dist: TempDist;
  let files: DistFiles;

  before(() => {
    dist = makeDist('harden-page', {
      '_astro/site.abc123.css': CSS,
      '_astro/fonts.abc123.css': FONT_CSS,
      '_astro/bg.abc123.css': '.hero { background: url("/_astro/hero.abc123.webp") }\n',
      '_astro/app.abc123.js': JS,
      '_astro/chunk.abc123.js': 'export const x = 1;\n',
    });
    files = new DistFiles(dist.dir);
  });

  after(() => {
    dist.remove();
  });

  const harden = (html: string, opts = OPTIONS, pagePath = '/', file = 'index.html', trust = TEST_TRUST) =>
    hardenPage(html, pagePath, file, files, opts, trust);
  /** A page of the `app` test route, whose declaration allows modules, one inline script and style. */
  const appPage = (head: string, body?: string) => page(`${declare('app')}${head}`, body);

  test('adds sha384 integrity to stylesheets and module scripts, equal to the hash of the bytes in dist', () => {
    const { html } = harden(
      appPage(
        '<link rel="stylesheet" href="/_astro/site.abc123.css"><script type="module" src="/_astro/app.abc123.js"></script><link rel="modulepreload" href="/_astro/chunk.abc123.js">',
      ),
    );
    assert.equal(integrityAttr(tagWith(html, /site\.abc123\.css/)), sri('sha384', CSS));
    assert.equal(integrityAttr(tagWith(html, /app\.abc123\.js/)), sri('sha384', JS));
    assert.equal(integrityAttr(tagWith(html, /chunk\.abc123\.js/)), sri('sha384', 'export const x = 1;\n'));
  });

  test('reads the page as a browser does: a stylesheet after a comment closed by "--!>" gets integrity', () => {
    const { html } = harden(page('<!-- note --!><link rel="stylesheet" href="/_astro/site.abc123.css">'));
    assert.equal(integrityAttr(tagWith(html, /site\.abc123\.css/)), sri('sha384', CSS));
  });

  test('markup a browser reads as text (<iframe>, <noembed>, <textarea>) is left as it is', () => {
    for (const tag of ['iframe', 'noembed', 'textarea']) {
      const text = `<${tag}><link rel="stylesheet" href="/_astro/site.abc123.css"></${tag}>`;
      assert.ok(harden(page('', text)).html.includes(text), tag);
    }
  });

  test('a stylesheet inside <noscript> gets integrity: a browser without JavaScript loads it', () => {
    const { html } = harden(page('<noscript><link rel="stylesheet" href="/_astro/site.abc123.css"></noscript>'));
    assert.equal(integrityAttr(tagWith(html, /site\.abc123\.css/)), sri('sha384', CSS));
  });

  test('resolves relative references against the page path', () => {
    const { html } = harden(
      page('<link rel="stylesheet" href="../_astro/site.abc123.css">'),
      OPTIONS,
      '/fr/',
      'fr/index.html',
    );
    assert.equal(integrityAttr(tagWith(html, /site\.abc123\.css/)), sri('sha384', CSS));
  });

  test('the script file hash goes into script-src together with strict-dynamic; stylesheets open style-src self', () => {
    const { csp, needs } = harden(
      appPage(
        '<link rel="stylesheet" href="/_astro/site.abc123.css"><script type="module" src="/_astro/app.abc123.js"></script>',
      ),
    );
    const directives = directivesOf(csp);
    assert.deepEqual(directives.get('script-src'), [`'${sri('sha384', JS)}'`, "'strict-dynamic'"]);
    assert.deepEqual(directives.get('style-src'), ["'self'"]);
    assert.equal(needs.scriptFiles, true);
    assert.equal(needs.styleFiles, true);
  });

  test('hashes the inline <script> and <style> its route declares, exactly as served, whitespace included', () => {
    const result = harden(appPage('', `<script>${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style>`));
    const directives = directivesOf(result.csp);
    assert.deepEqual(directives.get('script-src'), [`'${sri('sha256', INLINE_SCRIPT)}'`]);
    assert.deepEqual(directives.get('style-src'), [`'${sri('sha256', INLINE_STYLE)}'`]);
    // The trimmed text would hash differently: make sure the expectation is not trivially equal.
    assert.notEqual(sri('sha256', INLINE_SCRIPT), sri('sha256', INLINE_SCRIPT.trim()));
    assert.equal(result.inlineHashes, 2);
    assert.equal(result.html.includes(`<script>${INLINE_SCRIPT}</script>`), true, 'inline script left untouched');
  });

  test('never hashes an inline script or style its route did not declare (the CVE-2024-29896 class)', () => {
    for (const html of [
      page('', `<script>${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style>`),
      appPage('', '<script>document.body.textContent = "pwned"</script><style>body{display:none}</style>'),
    ]) {
      const result = harden(html);
      assert.deepEqual(directivesOf(result.csp).get('script-src'), ["'none'"]);
      assert.equal(
        directivesOf(result.csp)
          .get('style-src')
          ?.some((s) => s.startsWith("'sha256-")) ?? false,
        false,
      );
      assert.equal(result.inlineHashes, 0);
    }
  });

  test('a declared inline script with CRLF line endings is hashed as the browser sees it (newlines normalised to LF)', () => {
    const { csp } = harden(appPage('', `<script>${INLINE_SCRIPT.replaceAll('\n', '\r\n')}</script>`));
    assert.deepEqual(directivesOf(csp).get('script-src'), [`'${sri('sha256', INLINE_SCRIPT)}'`]);
  });

  test('a module script on a route that declares none gets no integrity and grants nothing', () => {
    const { html, csp } = harden(page('<script type="module" src="/_astro/app.abc123.js"></script>'));
    assert.equal(integrityAttr(tagWith(html, /app\.abc123\.js/)), undefined);
    assert.deepEqual(directivesOf(csp).get('script-src'), ["'none'"]);
  });

  test('a stylesheet or script copied from public/ is never given integrity', () => {
    const trust = { ...TEST_TRUST, publicFiles: new Set(['/_astro/site.abc123.css', '/_astro/app.abc123.js']) };
    const { html, csp } = harden(
      appPage(
        '<link rel="stylesheet" href="/_astro/site.abc123.css"><script type="module" src="/_astro/app.abc123.js"></script>',
      ),
      OPTIONS,
      '/',
      'index.html',
      trust,
    );
    assert.equal(integrityAttr(tagWith(html, /site\.abc123\.css/)), undefined);
    assert.equal(integrityAttr(tagWith(html, /app\.abc123\.js/)), undefined);
    assert.deepEqual(directivesOf(csp).get('script-src'), ["'none'"]);
  });

  test('inserts the meta CSP right after <meta charset>', () => {
    const { html } = harden(page('<link rel="stylesheet" href="/_astro/site.abc123.css">'));
    const charset = '<meta charset="utf-8">';
    const at = html.indexOf(charset) + charset.length;
    assert.ok(html.startsWith('<meta http-equiv="content-security-policy" content="', at), html.slice(at, at + 80));
    assert.equal(metaCsps(html).length, 1);
  });

  test('inserts the meta CSP right after <head> when the page has no <meta charset>', () => {
    const { html } = harden('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>');
    assert.ok(html.startsWith('<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="'));
  });

  test('inserts the meta CSP before any script, even when <meta charset> comes after one', () => {
    const { html } = harden(
      '<!DOCTYPE html><html><head><script>window.a = 1;</script><meta charset="utf-8"></head><body></body></html>',
    );
    assert.ok(html.indexOf('http-equiv="content-security-policy"') < html.indexOf('<script>'), html);
  });

  test('the meta CSP is the header CSP without frame-ancestors and the reporting directives', () => {
    const reporting = options({
      csp: { reportUri: 'https://report.example/csp', reportTo: 'csp' },
      reportingEndpoints: { csp: 'https://report.example/r' },
    });
    const { html, csp } = harden(page('<script type="module" src="/_astro/app.abc123.js"></script>'), reporting);
    const header = directivesOf(csp);
    assert.deepEqual(header.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(header.get('report-uri'), ['https://report.example/csp']);
    assert.deepEqual(header.get('report-to'), ['csp']);
    header.delete('frame-ancestors');
    header.delete('report-uri');
    header.delete('report-to');
    const [meta] = metaCsps(html);
    assert.ok(meta);
    assert.deepEqual([...directivesOf(meta)], [...header]);
  });

  test('a reference to a file this build did not emit gets no integrity and grants nothing', () => {
    const { html, csp, needs } = harden(
      page(
        '<link rel="stylesheet" href="/_astro/missing.css"><script type="module" src="/_astro/missing.js"></script>',
      ),
    );
    assert.equal(integrityAttr(tagWith(html, /missing\.css/)), undefined);
    assert.equal(integrityAttr(tagWith(html, /missing\.js/)), undefined);
    assert.deepEqual(directivesOf(csp).get('script-src'), ["'none'"]);
    assert.deepEqual(directivesOf(csp).get('style-src'), ["'none'"]);
    assert.equal(needs.scriptFiles, false);
  });

  test('a reference that escapes dist gets no integrity', () => {
    const { html } = harden(page('<script type="module" src="/%2e%2e/%2e%2e/etc/passwd"></script>'));
    assert.equal(integrityAttr(tagWith(html, /passwd/)), undefined);
  });

  test('a cross-origin script that is not allow-listed is left untouched and its origin is not granted', () => {
    const tag = '<script src="https://evil.example/x.js"></script>';
    const { html, csp } = harden(page(tag));
    assert.ok(html.includes(tag));
    assert.equal(csp.includes('evil.example'), false);
    assert.deepEqual(directivesOf(csp).get('script-src'), ["'none'"]);
  });

  test('an allow-listed cross-origin script gets its pinned integrity, crossorigin, and its origin + hash in script-src', () => {
    const { html, csp } = harden(appPage(`<script src="${PINNED_URL}"></script>`));
    const tag = tagWith(html, /^<script[^>]*cdn\.example/);
    assert.equal(integrityAttr(tag), PINNED);
    assert.match(tag, /\scrossorigin="anonymous"/);
    const scriptSrc = directivesOf(csp).get('script-src') ?? [];
    assert.ok(scriptSrc.includes(`'${PINNED}'`), csp);
    assert.ok(scriptSrc.includes('https://cdn.example'), csp);
    assert.equal(scriptSrc.includes("'strict-dynamic'"), false, 'no same-origin script file on this page');
  });

  test('a URL that only shares the allow-listed prefix is not allow-listed', () => {
    const { html } = harden(appPage(`<script src="${PINNED_URL}?v=2"></script>`));
    assert.equal(integrityAttr(tagWith(html, /^<script[^>]*cdn\.example/)), undefined);
  });

  test('an existing integrity attribute is kept, not duplicated', () => {
    const { html } = harden(page('<link rel="stylesheet" href="/_astro/site.abc123.css" integrity="sha384-old">'));
    const tag = tagWith(html, /site\.abc123\.css/);
    assert.equal([...tag.matchAll(/integrity=/g)].length, 1);
    assert.equal(integrityAttr(tag), 'sha384-old');
  });

  test('a stylesheet with @font-face grants font-src, one with an image url() grants img-src', () => {
    const fonts = directivesOf(harden(page('<link rel="stylesheet" href="/_astro/fonts.abc123.css">')).csp);
    assert.deepEqual(fonts.get('font-src'), ["'self'"]);
    assert.equal(fonts.has('img-src'), false);
    const images = directivesOf(harden(page('<link rel="stylesheet" href="/_astro/bg.abc123.css">')).csp);
    assert.deepEqual(images.get('img-src'), ["'self'"]);
    assert.equal(images.has('font-src'), false);
  });

  test('an icon link grants img-src, a web manifest grants manifest-src', () => {
    const directives = directivesOf(
      harden(page('<link rel="icon" href="/favicon.svg"><link rel="manifest" href="/site.webmanifest">')).csp,
    );
    assert.deepEqual(directives.get('img-src'), ["'self'"]);
    assert.deepEqual(directives.get('manifest-src'), ["'self'"]);
  });

  test('a sealed declaration grants its capabilities, records its name and is removed from the page', () => {
    const result = harden(page(declare('runner')));
    const directives = directivesOf(result.csp);
    assert.ok(directives.get('script-src')?.includes("'wasm-unsafe-eval'"));
    assert.deepEqual(directives.get('worker-src'), ["'self'"]);
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
    assert.equal(result.declaration, 'runner');
    assert.equal(result.html.includes('cryptpeer-route'), false, result.html);
  });

  test('a csp-capabilities meta written in a page grants nothing', () => {
    const directives = directivesOf(harden(page('<meta name="csp-capabilities" content="wasm worker connect">')).csp);
    assert.deepEqual(directives.get('script-src'), ["'none'"]);
    assert.equal(directives.has('worker-src'), false);
    assert.equal(directives.get('script-src')?.includes("'wasm-unsafe-eval'"), false);
  });

  for (const [label, marker] of [
    ['without a seal', '<meta name="cryptpeer-route" content="app">'],
    ['with a forged seal', `<meta name="cryptpeer-route" content="app" data-seal="${'0'.repeat(64)}">`],
    ['sealed by another build', declare('app', testTrust())],
    ['sealed for another name', declare('search').replace('content="search"', 'content="app"')],
  ] as const) {
    test(`a declaration marker ${label} stops the build, naming the file and line`, () => {
      assert.throws(() => harden(page(`\n${marker}`), OPTIONS, '/x/', 'x/index.html'), {
        message:
          /^dist\/x\/index\.html:2: <meta name="cryptpeer-route" content="app"> was not written by the project's RouteDeclaration component/,
      });
    });
  }

  test('a sealed marker in a file copied from public/ stops the build, naming public/', () => {
    const trust = { ...TEST_TRUST, publicFiles: new Set(['/x.html']) };
    assert.throws(() => harden(page(declare('app')), OPTIONS, '/x.html', 'x.html', trust), {
      message: /^public\/x\.html:1: .* was not written by the project's RouteDeclaration component/,
    });
  });

  test('an unknown declaration name or a second marker stops the build', () => {
    assert.throws(() => harden(page(declare('nope'))), { message: /content="nope"> was not written/ });
    assert.throws(() => harden(page(declare('app') + declare('app'))), {
      message: /a second <meta name="cryptpeer-route">/,
    });
  });

  test('a declaration asking for a capability the options do not allow stops the build', () => {
    assert.throws(() => harden(page(declare('runner')), options({ csp: { capabilities: ['worker'] } })), {
      message: /declaration "runner" asks for "wasm", which the security policy does not allow \(allowed: worker\)/,
    });
  });

  test("the policy table's empty CSP cell receives the CSP this very page is served with", () => {
    const stylesheet = '<link rel="stylesheet" href="/_astro/fonts.abc123.css">';
    const { html, csp } = harden(page(stylesheet, '<table><tr><td><code data-route-csp></code></td></tr></table>'));
    const cell = /<code data-route-csp>([^<]*)<\/code>/.exec(html)?.[1];
    assert.equal(cell, csp);
    assert.match(csp, /font-src 'self'/); // from what the page loads, not from a guess
  });

  test('a policy-table CSP cell that is not empty stops the build, naming the file and line', () => {
    const body = '\n<code data-route-csp>default-src *</code>';
    assert.throws(() => harden(page('', body), OPTIONS, '/x/', 'x/index.html'), {
      message: /x\/index\.html:\d+: <code data-route-csp> must be empty/,
    });
  });

  test('a page with neither a <head> start tag nor <meta charset> stops the build, naming the file', () => {
    assert.throws(() => harden('plain text, no markup'), { message: /index\.html: no <head> start tag/ });
  });
});

describe('hardenDist', () => {
  let dist: TempDist;
  let manifest: HeadersManifest;

  before(async () => {
    dist = makeDist('harden-dist', siteFiles());
    manifest = (await hardenDist(dist.dir, OPTIONS, TEST_TRUST)).manifest;
  });

  after(() => {
    dist.remove();
  });

  test('rewrites every HTML file in place with SRI and its meta CSP', () => {
    const home = dist.read('index.html');
    assert.equal(integrityAttr(tagWith(home, /site\.abc123\.css/)), sri('sha384', CSS));
    assert.equal(integrityAttr(tagWith(home, /app\.abc123\.js/)), sri('sha384', JS));
    for (const file of ['index.html', 'fr/index.html', 'threat-model/index.html', 'search/index.html', '404.html']) {
      assert.equal(metaCsps(dist.read(file)).length, 1, file);
    }
  });

  test('writes each page once, by rename: the same files as before, no temporary file left', () => {
    assert.deepEqual(listFiles(dist.dir), Object.keys(siteFiles()).sort());
  });

  test('leaves non-HTML files byte for byte', () => {
    assert.equal(dist.read('_astro/site.abc123.css'), CSS);
    assert.equal(dist.read('_astro/app.abc123.js'), JS);
  });

  test('lists one manifest route per HTML file, with its own CSP', () => {
    assert.deepEqual(
      Object.entries(manifest.routes).map(([route, { file }]) => [route, file]),
      [
        ['/', 'index.html'],
        ['/404.html', '404.html'],
        ['/fr/', 'fr/index.html'],
        ['/search/', 'search/index.html'],
        ['/threat-model/', 'threat-model/index.html'],
      ],
    );
    const home = directivesOf(manifest.routes['/']?.csp ?? '');
    assert.ok(home.get('script-src')?.includes(`'${sri('sha256', INLINE_SCRIPT)}'`));
    assert.ok(home.get('style-src')?.includes(`'${sri('sha256', INLINE_STYLE)}'`));
    const fr = directivesOf(manifest.routes['/fr/']?.csp ?? '');
    assert.deepEqual(fr.get('script-src'), ["'none'"]);
    const search = directivesOf(manifest.routes['/search/']?.csp ?? '');
    assert.ok(search.get('script-src')?.includes("'wasm-unsafe-eval'"));
    assert.equal(directivesOf(manifest.routes['/threat-model/']?.csp ?? '').get('font-src')?.[0], "'self'");
    assert.equal(manifest.routes['/']?.declaration, 'app');
    assert.equal(manifest.routes['/fr/']?.declaration, undefined);
  });

  test('the meta CSP of each page equals its manifest CSP minus the header-only directives', () => {
    for (const [route, { file, csp }] of Object.entries(manifest.routes)) {
      const header = directivesOf(csp);
      header.delete('frame-ancestors');
      const [meta = ''] = metaCsps(dist.read(file));
      assert.deepEqual([...directivesOf(meta)], [...header], route);
    }
  });

  test('records the host-only files, and no per-file asset CSP', () => {
    assert.deepEqual(Object.keys(manifest.assets.csp), ['inert']);
    assert.deepEqual(manifest.forbidden, ['/_headers']);
    assert.equal(manifest.notFound, '/404.html');
    assert.equal(manifest.origin, ORIGIN);
    assert.deepEqual(manifest.common, getCommonHeaders(OPTIONS));
  });
});

describe('resolveHeaders', () => {
  const routes = {
    '/': { file: 'index.html', csp: "default-src 'none'; script-src 'sha256-home='" },
    '/fr/': { file: 'fr/index.html', csp: "default-src 'none'; script-src 'sha256-fr='" },
    '/404.html': { file: '404.html', csp: "default-src 'none'; script-src 'none'" },
  };
  const manifest = createManifest(OPTIONS, routes, { forbidden: ['/_headers'] });
  const common = getCommonHeaders(OPTIONS);
  const INERT = "default-src 'none'; frame-ancestors 'none'; sandbox";
  const html = (csp: string) => ({
    ...common,
    'Content-Security-Policy': csp,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
  });

  for (const [path, route] of [
    ['/', '/'],
    ['/index.html', '/'],
    ['/fr/', '/fr/'],
    ['/fr', '/fr/'],
    ['/fr/index.html', '/fr/'],
    ['/404.html', '/404.html'],
  ] as const) {
    test(`${path} gets the HTML headers of route ${route}`, () => {
      expectHeaders(resolveHeaders(manifest, path), html(routes[route].csp), { exact: true });
      assert.equal(findRoute(manifest, path), route);
    });
  }

  test('/_astro/x.css is immutable, inert and text/css', () => {
    expectHeaders(
      resolveHeaders(manifest, '/_astro/x.css'),
      {
        ...common,
        'Content-Security-Policy': INERT,
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
      { exact: true },
    );
  });

  test('/favicon.svg gets the inert CSP and no-cache', () => {
    expectHeaders(
      resolveHeaders(manifest, '/favicon.svg'),
      {
        ...common,
        'Content-Security-Policy': INERT,
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': 'no-cache',
      },
      { exact: true },
    );
  });

  test('the pagefind worker file is inert: search runs Pagefind in the page (noWorker)', () => {
    const headers = resolveHeaders(manifest, '/pagefind/pagefind-worker.js');
    assert.equal(headers['Content-Security-Policy'], INERT);
    assert.equal(headers['Content-Type'], 'text/javascript; charset=utf-8');
    assert.equal(headers['Cache-Control'], 'no-cache');
  });

  test('an unknown extension is served as application/octet-stream', () => {
    assert.equal(resolveHeaders(manifest, '/data.xyz')['Content-Type'], 'application/octet-stream');
    assert.equal(contentTypeOf(manifest, '/README'), 'application/octet-stream');
    assert.equal(contentTypeOf(manifest, '/downloads/SHA512SUMS'), 'text/plain; charset=utf-8');
  });

  test('an unknown path is not a route', () => {
    assert.equal(findRoute(manifest, '/de/'), undefined);
    assert.equal(findRoute(manifest, '/fr/x/index.html'), undefined);
  });

  test('the manifest sorts routes, so the JSON never depends on disk order', () => {
    const shuffled = createManifest(OPTIONS, {
      '/fr/': routes['/fr/'],
      '/404.html': routes['/404.html'],
      '/': routes['/'],
    });
    assert.deepEqual(Object.keys(shuffled.routes), ['/', '/404.html', '/fr/']);
    assert.equal(JSON.stringify(shuffled.routes), JSON.stringify(manifest.routes));
  });
});

describe('routeOfFile', () => {
  for (const [file, route] of [
    ['index.html', '/'],
    ['fr/index.html', '/fr/'],
    ['fr/conformite/cra/index.html', '/fr/conformite/cra/'],
    ['404.html', '/404.html'],
    ['fr\\index.html', '/fr/'],
  ] as const) {
    test(`${file} → ${route}`, () => {
      assert.equal(routeOfFile(file), route);
    });
  }
});

describe('SRI helpers', () => {
  test('integrityOf matches node:crypto for each algorithm', () => {
    for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
      assert.equal(integrityOf(CSS, algorithm), sri(algorithm, CSS));
    }
    assert.equal(integrityOf(CSS), sri('sha384', CSS));
  });

  test('matchesIntegrity checks the strongest algorithm listed, as browsers do, and refuses changed bytes or unknown algorithms', () => {
    const bytes = Buffer.from(CSS);
    assert.equal(matchesIntegrity(bytes, sri('sha384', CSS)), true);
    // SRI "get the strongest metadata": only the sha512 token counts here, and it is wrong.
    assert.equal(matchesIntegrity(bytes, `sha512-nope ${sri('sha256', CSS)}`), false);
    assert.equal(matchesIntegrity(bytes, `${sri('sha256', CSS)} sha512-nope`), false);
    // Any token of the strongest algorithm may match; weaker and unknown ones are ignored.
    assert.equal(matchesIntegrity(bytes, `sha384-nope ${sri('sha384', CSS)} sha256-nope md5-x`), true);
    assert.equal(matchesIntegrity(bytes, `${sri('sha384', CSS)}?ct=text/css`), true);
    assert.equal(matchesIntegrity(Buffer.from(`${CSS} `), sri('sha384', CSS)), false);
    assert.equal(matchesIntegrity(bytes, sri('sha384', CSS).replace('sha384', 'md5')), false);
    assert.equal(matchesIntegrity(bytes, ''), false);
  });

  test('StreamingDigests fed in chunks gives what matchesIntegrity checks', () => {
    const bytes = Buffer.from(CSS.repeat(1000));
    const stream = new StreamingDigests();
    for (let i = 0; i < bytes.length; i += 4096) stream.update(bytes.subarray(i, i + 4096));
    const digests = stream.digest();
    for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
      const integrity = integrityOf(bytes, algorithm);
      assert.equal(`${algorithm}-${digests[algorithm]}`, integrity);
      assert.equal(matchesDigests(digests, integrity), true, algorithm);
    }
    assert.equal(matchesDigests(digests, `sha512-nope ${integrityOf(bytes, 'sha256')}`), false);
    assert.equal(matchesDigests(digests, 'md5-x'), false);
  });
});
