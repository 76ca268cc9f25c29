import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { hardenDist } from '../../src/hardening/harden.ts';
import type { HeadersManifest } from '../../src/manifest/index.ts';
import { verifyDist } from '../../src/hardening/verify.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { CONTENT_ROUTE } from '../../src/security/route-declarations.ts';
import {
  INLINE_SCRIPT,
  INLINE_STYLE,
  TEST_TRUST,
  declare,
  makeDist,
  page,
  siteFiles,
  sri,
  type TempDist,
} from './helpers/temp-dist.ts';

const PINNED_URL = 'https://cdn.example/lib.js';
const PINNED = `sha384-${'B'.repeat(64)}`;
const OPTIONS = parseSecurityOptions({
  origin: 'https://cryptpeer.com',
  allowedExternal: [{ url: PINNED_URL, integrity: PINNED }],
});

/** The reason a content route gives in messages. */
const CONTENT = CONTENT_ROUTE.reason;

interface Fixture {
  dist: TempDist;
  manifest: HeadersManifest;
  /** Replaces `from` (which must occur) in a file of dist. */
  edit(file: string, from: string | RegExp, to: string): void;
  verify(): Promise<string[]>;
}

/** A hardened copy of the sample site (plus a page using the allow-listed script), removed after the test. */
async function hardened(t: TestContext, extra: Record<string, string> = {}): Promise<Fixture> {
  const dist = makeDist('verify', {
    ...siteFiles(),
    'cdn/index.html': page(`${declare('app')}<script src="${PINNED_URL}"></script>`, '<h1>CDN</h1>'),
    ...extra,
  });
  t.after(() => {
    dist.remove();
  });
  const { manifest } = await hardenDist(dist.dir, OPTIONS, TEST_TRUST);
  return {
    dist,
    manifest,
    edit(file, from, to) {
      const before = dist.read(file);
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${String(from)} not found in ${file}`);
      dist.write(file, after);
    },
    verify: () => verifyDist(dist.dir, manifest, OPTIONS, TEST_TRUST),
  };
}

describe('verifyDist', () => {
  test('a freshly hardened site has no problem', async (t) => {
    assert.deepEqual(await (await hardened(t)).verify(), []);
  });

  test('reports an inline event handler, naming the file, the line and the element', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1 onclick="steal()">Accueil</h1>');
    assert.deepEqual(await fixture.verify(), ['dist/fr/index.html:1: inline event handler onclick= on <h1>']);
  });

  test("reports a policy table that shows another CSP than the page's own, or another header value", async (t) => {
    const table = `<table><tr data-header="Content-Security-Policy"><td><code class="header-value" data-route-csp></code></td></tr><tr data-header="X-Frame-Options"><td><code class="header-value">DENY</code></td></tr></table>`;
    const f = await hardened(t, {
      'policy/index.html': page('<link rel="stylesheet" href="/_astro/site.abc123.css">', table),
    });
    assert.deepEqual(await f.verify(), []);
    f.edit('policy/index.html', /(data-route-csp[^>]*>[^<]*)style-src 'self'/, '$1style-src *');
    f.edit('policy/index.html', '>DENY<', '>SAMEORIGIN<');
    const problems = await f.verify();
    assert.ok(
      problems.some((p) => /policy\/index\.html.*policy table shows Content-Security-Policy: .*style-src \*/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /policy table shows X-Frame-Options: SAMEORIGIN, but the page is served DENY/.test(p)),
      problems.join('\n'),
    );
  });

  test('reports an event handler written in capitals', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1 ONMOUSEOVER="steal()">Accueil</h1>');
    assert.deepEqual(await fixture.verify(), ['dist/fr/index.html:1: inline event handler onmouseover= on <h1>']);
  });

  test('reports a style= attribute', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('threat-model/index.html', '<h1>Threat model</h1>', '<h1 style="color:red">Threat model</h1>');
    assert.deepEqual(await fixture.verify(), ['dist/threat-model/index.html:1: style= attribute on <h1>']);
  });

  test('reports the line of the offending element', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1>Accueil</h1>\n\n<p style="x">p</p>');
    assert.deepEqual(await fixture.verify(), ['dist/fr/index.html:3: style= attribute on <p>']);
  });

  for (const [label, markup, attribute, tag] of [
    ['a plain javascript: link', '<a href="javascript:alert(1)">x</a>', 'href', 'a'],
    ['mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', 'href', 'a'],
    ['leading spaces and a tab', '<a href=" \t javascript:alert(1)">x</a>', 'href', 'a'],
    ['a tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>', 'href', 'a'],
    ['a newline inside the scheme', '<a href="java\nscript:alert(1)">x</a>', 'href', 'a'],
    ['an entity-encoded scheme', '<a href="&#106;avascript:alert(1)">x</a>', 'href', 'a'],
    ['a form action', '<form action="javascript:alert(1)"></form>', 'action', 'form'],
    ['a button formaction', '<button formaction="javascript:alert(1)">x</button>', 'formaction', 'button'],
    ['an iframe src', '<iframe src="javascript:alert(1)"></iframe>', 'src', 'iframe'],
    ['an SVG xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'xlink:href', 'a'],
  ] as const) {
    test(`reports a javascript: URL: ${label}`, async (t) => {
      const fixture = await hardened(t);
      fixture.edit('fr/index.html', '<h1>Accueil</h1>', `<h1>Accueil</h1>${markup}`);
      const problems = await fixture.verify();
      assert.ok(
        problems.includes(`dist/fr/index.html:1: javascript: URL in ${attribute}= on <${tag}>`),
        JSON.stringify(problems),
      );
      assert.ok(
        problems.every((p) => p.startsWith('dist/fr/index.html:1: ')),
        JSON.stringify(problems),
      );
    });
  }

  test('does not mistake a link that merely mentions javascript: for one', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1>Accueil</h1><a href="/docs/javascript:intro/">x</a>');
    assert.deepEqual(await fixture.verify(), []);
  });

  test('reports a cross-origin script that is not allow-listed', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script src="https://evil.example/x.js"></script>',
    );
    assert.deepEqual(await fixture.verify(), [
      `dist/fr/index.html:1: <script> loading https://evil.example/x.js on a route that declares no module scripts (${CONTENT})`,
    ]);
  });

  test('reports a cross-origin stylesheet that is not allow-listed, even protocol-relative', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<link rel="stylesheet" href="//evil.example/x.css"><h1>Accueil</h1>',
    );
    assert.deepEqual(await fixture.verify(), [
      'dist/fr/index.html:1: cross-origin style https://evil.example/x.css is not allow-listed with a pinned hash',
    ]);
  });

  test('reports an allow-listed script whose pinned integrity was removed', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('cdn/index.html', ` integrity="${PINNED}"`, '');
    assert.deepEqual(await fixture.verify(), [
      `dist/cdn/index.html:1: cross-origin script ${PINNED_URL} lacks its pinned integrity`,
    ]);
  });

  test('reports a script that is neither same-origin nor https', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script src="data:text/javascript,alert(1)"></script>',
    );
    assert.deepEqual(await fixture.verify(), [
      'dist/fr/index.html:1: data: URL in src= on <script>',
      `dist/fr/index.html:1: <script> loading data:text/javascript,alert(1) on a route that declares no module scripts (${CONTENT})`,
    ]);
  });

  test('reports an SVG <script href> pointing to another origin, even when it was there before hardening', async (t) => {
    const fixture = await hardened(t, {
      'svg/index.html': page('', '<h1>SVG</h1><svg><script href="https://evil.example/x.js"></script></svg>'),
    });
    const problems = await fixture.verify();
    assert.ok(
      problems.some((p) => p.startsWith('dist/svg/index.html:1: ') && p.includes('https://evil.example/x.js')),
      JSON.stringify(problems),
    );
  });

  test('reports an HTML file that is missing from the manifest', async (t) => {
    const fixture = await hardened(t);
    fixture.dist.write('late/index.html', fixture.dist.read('fr/index.html'));
    assert.deepEqual(await fixture.verify(), ['dist/late/index.html: HTML route missing from the headers manifest']);
  });

  test('reports a manifest route whose file is gone from dist', async (t) => {
    const fixture = await hardened(t);
    rmSync(join(fixture.dist.dir, 'threat-model', 'index.html'));
    assert.deepEqual(await fixture.verify(), [
      'headers manifest: route /threat-model/ points to threat-model/index.html, which is not in dist/',
    ]);
  });

  test('reports an inline script or style on a content route, whatever its hash', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', `<h1>Accueil</h1><script>alert(document.cookie)</script>`);
    fixture.edit('threat-model/index.html', '</h1>', `</h1><style>${INLINE_STYLE}</style>`);
    assert.deepEqual(await fixture.verify(), [
      `dist/fr/index.html:1: inline <script> is not declared for this route (${CONTENT})`,
      `dist/threat-model/index.html:1: inline <style> is not declared for this route (${CONTENT})`,
    ]);
  });

  test('reports a declared inline script whose hash the manifest CSP does not cover', async (t) => {
    const fixture = await hardened(t);
    const route = fixture.manifest.routes['/'];
    assert.ok(route);
    route.csp = route.csp.replace(` '${sri('sha256', INLINE_SCRIPT)}'`, '');
    const problems = await fixture.verify();
    assert.ok(
      problems.some((p) =>
        p.endsWith(`inline <script> ('${sri('sha256', INLINE_SCRIPT)}') is not covered by the manifest CSP`),
      ),
      JSON.stringify(problems),
    );
  });

  test('reports an import map that is not the declared one', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'index.html',
      '<h1>Home</h1>',
      '<h1>Home</h1><script type="importmap">{"imports":{"x":"/_astro/app.abc123.js"}}</script>',
    );
    assert.deepEqual(await fixture.verify(), [
      'dist/index.html:1: inline <script> is not declared for this route (test route with a module, an inline script and an inline style)',
      'dist/index.html:1: importmap module /_astro/app.abc123.js has no integrity entry',
    ]);
  });

  test('reports an inline style whose hash was dropped from the manifest CSP', async (t) => {
    const fixture = await hardened(t);
    const route = fixture.manifest.routes['/'];
    assert.ok(route);
    const styleHash = /'sha256-[^']+'/.exec(/style-src ([^;]*)/.exec(route.csp)?.[1] ?? '')?.[0];
    assert.ok(styleHash, route.csp);
    route.csp = route.csp.replace(` ${styleHash}`, '');
    const html = fixture.dist.read('index.html');
    const line = html.slice(0, html.indexOf('<style>')).split('\n').length;
    const problems = await fixture.verify();
    assert.ok(
      problems.includes(`dist/index.html:${line}: inline <style> (${styleHash}) is not covered by the manifest CSP`),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.every((p) => p.startsWith('dist/index.html')),
      JSON.stringify(problems),
    );
  });

  test('reports every page whose asset bytes changed after hardening (SRI mismatch)', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('_astro/site.abc123.css', 'color: #123', 'color: #f00');
    const expected = (file: string) =>
      `dist/${file}:1: style /_astro/site.abc123.css no longer matches its SRI ${sri('sha384', 'body { color: #123; }\n')}`;
    assert.deepEqual(await fixture.verify(), [expected('404.html'), expected('fr/index.html'), expected('index.html')]);
  });

  test('reports a same-origin script added without integrity on a route that declares modules', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'index.html',
      '<h1>Home</h1>',
      '<h1>Home</h1><script type="module" src="/_astro/app.abc123.js"></script>',
    );
    assert.deepEqual(await fixture.verify(), [
      'dist/index.html:1: script /_astro/app.abc123.js has no integrity attribute',
    ]);
  });

  test('reports a reference to a file this build did not emit', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('index.html', '<h1>Home</h1>', '<h1>Home</h1><script type="module" src="/_astro/gone.js"></script>');
    assert.deepEqual(await fixture.verify(), [
      'dist/index.html:1: script /_astro/gone.js is not a file this build emitted (files from public/ are never code or style)',
    ]);
  });

  test('reports a page whose meta CSP was removed', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', /<meta http-equiv="content-security-policy" content="[^"]*">/, '');
    assert.deepEqual(await fixture.verify(), [
      'dist/fr/index.html: 0 <meta http-equiv="content-security-policy"> (expected 1)',
    ]);
  });

  test('reports a meta CSP that differs from the manifest CSP', async (t) => {
    const fixture = await hardened(t);
    fixture.edit('fr/index.html', "script-src 'none'", "script-src 'self'");
    assert.deepEqual(await fixture.verify(), [
      'dist/fr/index.html: the <meta> CSP differs from the manifest header CSP',
    ]);
  });

  test('reports a manifest CSP that allows unsafe-inline or does not default to none', async (t) => {
    const fixture = await hardened(t);
    const route = fixture.manifest.routes['/404.html'];
    assert.ok(route);
    route.csp = route.csp
      .replace("default-src 'none'", "default-src 'self'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    const problems = await fixture.verify();
    assert.ok(
      problems.includes("headers manifest: route /404.html: CSP csp-default-src: default-src is 'self'"),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.includes("headers manifest: route /404.html: CSP csp-unsafe-inline: style-src allows 'unsafe-inline'"),
      JSON.stringify(problems),
    );
  });

  /** `csp` with `name` set to `value` (replaced, not added: a repeated directive is ignored). */
  const setDirective = (csp: string, name: string, value: string) =>
    [...csp.split('; ').filter((part) => !part.startsWith(`${name} `)), `${name} ${value}`].join('; ');

  // The audit's standard applies to the build: what the audit would flag, the build refuses.
  for (const [label, edit, expected] of [
    [
      'a script host that is not allow-listed in the config',
      (csp: string) => setDirective(csp, 'script-src', "'self' https://cdnjs.cloudflare.com"),
      'CSP csp-host-allowlist: script-src allows code from https://cdnjs.cloudflare.com',
    ],
    [
      "'unsafe-hashes'",
      (csp: string) => setDirective(csp, 'style-src', "'self' 'unsafe-hashes'"),
      "CSP csp-unsafe-hashes: style-src allows 'unsafe-hashes'",
    ],
    [
      'trusted-types *',
      (csp: string) => setDirective(csp, 'trusted-types', '*'),
      'CSP csp-trusted-types-wildcard: trusted-types allows any policy name (*)',
    ],
    ['a data: image source', (csp: string) => setDirective(csp, 'img-src', "'self' data:"), 'img-src allows data:'],
  ] as const) {
    test(`reports a manifest CSP with ${label}`, async (t) => {
      const fixture = await hardened(t);
      const route = fixture.manifest.routes['/404.html'];
      assert.ok(route);
      route.csp = edit(route.csp);
      const problems = await fixture.verify();
      assert.ok(problems.includes(`headers manifest: route /404.html: ${expected}`), JSON.stringify(problems));
    });
  }

  // Markup a tokeniser reads differently from a browser: parse5 builds the tree Chromium builds.
  for (const [label, markup, expected] of [
    [
      'a handler smuggled out of <noscript>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
      'inline event handler onerror= on <img>',
    ],
    [
      'a handler smuggled out of <noembed>',
      '<noembed><p title="</noembed><img src=x onerror=alert(1)>"></p></noembed>',
      'inline event handler onerror= on <img>',
    ],
    [
      'a handler smuggled out of <iframe> text',
      '<iframe><p title="</iframe><img src=x onerror=alert(1)>"></p></iframe>',
      'inline event handler onerror= on <img>',
    ],
    [
      'a handler after a comment closed by --!>',
      '<!-- x --!><img src=x onerror=alert(1)> -->',
      'inline event handler onerror= on <img>',
    ],
    [
      'a handler inside <math><style> (markup there, not CSS)',
      '<math><style><img src=x onerror=alert(1)></style></math>',
      'inline event handler onerror= on <img>',
    ],
    [
      'a handler after HTML CDATA (a bogus comment)',
      '<![CDATA[ ]]><img src=x onerror=alert(1)>',
      'inline event handler onerror= on <img>',
    ],
    [
      'SVG <animate> writing a javascript: href',
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
      'SVG <animate> can rewrite attributes at run time',
    ],
    [
      'a handler in <template> content',
      '<template><img src=x onerror=alert(1)></template>',
      'inline event handler onerror= on <img>',
    ],
    [
      'markup a browser without JavaScript builds from <noscript>',
      '<noscript><img src="https://tracker.example/p.gif"></noscript>',
      '<img src> loads https://tracker.example/p.gif from another origin',
    ],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=https://other.example">',
      '<meta http-equiv="refresh"> (only the build\'s own CSP may be set this way)',
    ],
    [
      'a referrer meta',
      '<meta name="referrer" content="unsafe-url">',
      '<meta name="referrer"> overrides the Referrer-Policy (no-referrer)',
    ],
    [
      'a referrerpolicy attribute',
      '<a href="/x/" referrerpolicy="unsafe-url">x</a>',
      'referrerpolicy="unsafe-url" on <a> overrides the Referrer-Policy (no-referrer)',
    ],
    [
      'a csp-capabilities meta',
      '<meta name="csp-capabilities" content="wasm connect">',
      '<meta name="csp-capabilities"> is not how a route asks for more: declare it in src/security/route-declarations.ts',
    ],
    ['a <base>', '<base href="https://other.example/">', '<base> embeds or rebases content'],
    [
      'a third-party image',
      '<img src="https://other.example/x.png" alt="">',
      '<img src> loads https://other.example/x.png from another origin',
    ],
    [
      'a third-party srcset candidate',
      '<img src="/a.png" srcset="/a.png 1x, https://other.example/b.png 2x" alt="">',
      '<img srcset> loads https://other.example/b.png from another origin',
    ],
    [
      'a third-party video poster',
      '<video poster="//other.example/p.jpg"></video>',
      '<video poster> loads https://other.example/p.jpg from another origin',
    ],
    [
      'a prefetch of another origin',
      '<link rel="prefetch" href="https://other.example/x">',
      '<link href> loads https://other.example/x from another origin',
    ],
    [
      'a legacy background= image',
      '<table background="https://other.example/bg.png"><tr><td>x</td></tr></table>',
      '<table background> loads https://other.example/bg.png from another origin',
    ],
    [
      'a preloaded image from another origin',
      '<link rel="preload" as="image" href="https://other.example/x.png">',
      '<link href> loads https://other.example/x.png from another origin',
    ],
    [
      'a backslash URL that browsers read as another host',
      '<img src="https:\\\\other.example/x.png" alt="">',
      '<img src> loads https://other.example/x.png from another origin',
    ],
    ['a data: image', '<img src="data:image/svg+xml,<svg/>" alt="">', 'data: URL in src= on <img>'],
    [
      'a ping',
      '<a href="/x/" ping="https://other.example/p">x</a>',
      'ping= on <a> (a request to another address on every click)',
    ],
    ['a form on a content route', '<form method="get"><input name="q"></form>', '<form> on a route that declares none'],
  ] as const) {
    test(`reports ${label}`, async (t) => {
      const fixture = await hardened(t);
      fixture.edit('fr/index.html', '<h1>Accueil</h1>', `<h1>Accueil</h1>${markup}`);
      const problems = await fixture.verify();
      assert.ok(problems.includes(`dist/fr/index.html:1: ${expected}`), JSON.stringify(problems));
    });
  }

  test('a link to another origin stays allowed (navigation, not a load)', async (t) => {
    const fixture = await hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><a href="https://eur-lex.europa.eu/eli/reg/2024/2847/oj">CRA</a>',
    );
    assert.deepEqual(await fixture.verify(), []);
  });

  test('names an HTML file copied from public/ as public/, and refuses its script', async (t) => {
    const fixture = await hardened(t, { 'evil.html': page('', '<h1>x</h1>\n<script>alert(1)</script>') });
    const trust = { ...TEST_TRUST, publicFiles: new Set([...TEST_TRUST.publicFiles, '/evil.html']) };
    const problems = await verifyDist(fixture.dist.dir, fixture.manifest, OPTIONS, trust);
    assert.deepEqual(problems, [`public/evil.html:2: inline <script> is not declared for this route (${CONTENT})`]);
  });

  test('refuses a stylesheet that is a copy of a public/ file, even with a matching integrity', async (t) => {
    const fixture = await hardened(t, {
      'x.css': 'body{}',
      'css/index.html': page(`<link rel="stylesheet" href="/x.css" integrity="${sri('sha384', 'body{}')}">`),
    });
    const trust = { ...TEST_TRUST, publicFiles: new Set(['/x.css']) };
    assert.deepEqual(await verifyDist(fixture.dist.dir, fixture.manifest, OPTIONS, trust), [
      'dist/css/index.html:1: style /x.css is not a file this build emitted (files from public/ are never code or style)',
    ]);
  });

  for (const [label, svg, expected] of [
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<script> in an SVG file'],
    [
      'a handler',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'inline event handler onload= on <svg>',
    ],
    [
      'a foreignObject',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
      '<foreignObject> in an SVG file',
    ],
    [
      'a DOCTYPE with entities',
      '<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      'SVG with a DOCTYPE (entities could hide markup)',
    ],
    [
      'a javascript: link',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      'javascript: URL in xlink:href= on <a>',
    ],
    [
      'a third-party image',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://other.example/x.png"/></svg>',
      '<image href> loads https://other.example/x.png from another origin',
    ],
    [
      'a script under a namespace prefix',
      '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
      '<script> in an SVG file',
    ],
    [
      'an XHTML script under a prefix',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>',
      '<script> in an SVG file',
    ],
    [
      'a javascript: link under another xlink prefix',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><a l:href="javascript:alert(1)"><text>x</text></a></svg>',
      'javascript: URL in xlink:href= on <a>',
    ],
    [
      'a third-party image under a prefixed xlink:href',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><image l:href="https://other.example/x.png"/></svg>',
      '<image xlink:href> loads https://other.example/x.png from another origin',
    ],
    [
      'a default-namespace XHTML iframe',
      '<svg xmlns="http://www.w3.org/2000/svg"><g><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://other.example/"/></g></svg>',
      'HTML element <iframe> in an SVG file',
    ],
    [
      'markup that is not well-formed XML',
      '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
      'not well-formed XML (unexpected close tag.); browsers refuse to render it',
    ],
  ] as const) {
    test(`refuses an SVG file from public/ with ${label}`, async (t) => {
      const fixture = await hardened(t, { 'logo.svg': svg });
      const trust = { ...TEST_TRUST, publicFiles: new Set(['/logo.svg']) };
      const problems = await verifyDist(fixture.dist.dir, fixture.manifest, OPTIONS, trust);
      assert.ok(
        problems.some((p) => /^public\/logo\.svg:\d+: /.test(p) && p.endsWith(expected)),
        JSON.stringify(problems),
      );
    });
  }

  test('accepts an SVG file from public/ with editor metadata in other namespaces', async (t) => {
    const svg = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"',
      '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">',
      '  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>',
      '  <defs><path id="p" d="M0 0h1v1z"/></defs>',
      '  <use xlink:href="#p"/><![CDATA[ <script>not markup</script> ]]>',
      '</svg>',
    ].join('\n');
    const fixture = await hardened(t, { 'logo.svg': svg });
    const trust = { ...TEST_TRUST, publicFiles: new Set(['/logo.svg']) };
    assert.deepEqual(await verifyDist(fixture.dist.dir, fixture.manifest, OPTIONS, trust), []);
  });

  for (const [label, code, expected] of [
    [
      'a static import of another origin',
      'import "https://cdn.example.com/x.js";',
      'dist/_astro/app.abc123.js: imports https://cdn.example.com/x.js (another origin, or a name no declared import map defines)',
    ],
    [
      'a protocol-relative import',
      'import x from "//cdn.example.com/x.js"; x();',
      'dist/_astro/app.abc123.js: imports //cdn.example.com/x.js (another origin, or a name no declared import map defines)',
    ],
    [
      'a dynamic import of another origin',
      'import("https://cdn.example.com/x.js");',
      'dist/_astro/app.abc123.js: imports https://cdn.example.com/x.js (another origin, or a name no declared import map defines)',
    ],
    [
      'an import() of a computed URL',
      'const u = location.hash.slice(1); import(u);',
      'dist/_astro/app.abc123.js: import() of a computed URL (import(u)',
    ],
    [
      'an import of a module this build did not emit',
      'import "./gone.js";',
      'dist/_astro/app.abc123.js: imports /_astro/gone.js, which is not a module this build emitted',
    ],
    [
      'an undeclared bare name',
      'import "left-pad";',
      'dist/_astro/app.abc123.js: imports left-pad (another origin, or a name no declared import map defines)',
    ],
  ] as const) {
    test(`refuses a module with ${label}`, async (t) => {
      const fixture = await hardened(t, { '_astro/app.abc123.js': code });
      const problems = await fixture.verify();
      assert.ok(
        problems.some((p) => p.startsWith(expected)),
        JSON.stringify(problems),
      );
    });
  }

  test('accepts a module importing an emitted sibling and a declared import-map name', async (t) => {
    const fixture = await hardened(t, {
      '_astro/app.abc123.js': 'import "./chunk.js"; import("pagefind-runtime"); console.log(import.meta.url);',
      '_astro/chunk.js': 'export {};',
    });
    assert.deepEqual(await fixture.verify(), []);
  });
});
