import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { hardenDist } from '../../src/hardening/harden.ts';
import type { HeadersManifest } from '../../src/hardening/manifest.ts';
import { verifyDist } from '../../src/hardening/verify.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { makeDist, page, siteFiles, sri, type TempDist } from './helpers/temp-dist.ts';

const PINNED_URL = 'https://cdn.example/lib.js';
const PINNED = `sha384-${'B'.repeat(64)}`;
const OPTIONS = parseSecurityOptions({
  origin: 'https://cryptpeer.com',
  allowedExternal: [{ url: PINNED_URL, integrity: PINNED }],
});

interface Fixture {
  dist: TempDist;
  manifest: HeadersManifest;
  /** Replaces `from` (which must occur) in a file of dist. */
  edit(file: string, from: string | RegExp, to: string): void;
  verify(): string[];
}

/** A hardened copy of the sample site (plus a page using the allow-listed script), removed after the test. */
function hardened(t: TestContext, extra: Record<string, string> = {}): Fixture {
  const dist = makeDist('verify', {
    ...siteFiles(),
    'cdn/index.html': page(`<script src="${PINNED_URL}"></script>`, '<h1>CDN</h1>'),
    ...extra,
  });
  t.after(() => {
    dist.remove();
  });
  const { manifest } = hardenDist(dist.dir, OPTIONS);
  return {
    dist,
    manifest,
    edit(file, from, to) {
      const before = dist.read(file);
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${String(from)} not found in ${file}`);
      dist.write(file, after);
    },
    verify: () => verifyDist(dist.dir, manifest, OPTIONS),
  };
}

describe('verifyDist', () => {
  test('a freshly hardened site has no problem', (t) => {
    assert.deepEqual(hardened(t).verify(), []);
  });

  test('reports an inline event handler, naming the file, the line and the element', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1 onclick="steal()">Accueil</h1>');
    assert.deepEqual(fixture.verify(), ['fr/index.html:1: inline event handler onclick= on <h1>']);
  });

  test('reports an event handler written in capitals', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1 ONMOUSEOVER="steal()">Accueil</h1>');
    assert.deepEqual(fixture.verify(), ['fr/index.html:1: inline event handler onmouseover= on <h1>']);
  });

  test('reports a style= attribute', (t) => {
    const fixture = hardened(t);
    fixture.edit('threat-model/index.html', '<h1>Threat model</h1>', '<h1 style="color:red">Threat model</h1>');
    assert.deepEqual(fixture.verify(), ['threat-model/index.html:1: style= attribute on <h1>']);
  });

  test('reports the line of the offending element', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1>Accueil</h1>\n\n<p style="x">p</p>');
    assert.deepEqual(fixture.verify(), ['fr/index.html:3: style= attribute on <p>']);
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
    test(`reports a javascript: URL: ${label}`, (t) => {
      const fixture = hardened(t);
      fixture.edit('fr/index.html', '<h1>Accueil</h1>', `<h1>Accueil</h1>${markup}`);
      assert.deepEqual(fixture.verify(), [`fr/index.html:1: javascript: URL in ${attribute}= on <${tag}>`]);
    });
  }

  test('does not mistake a link that merely mentions javascript: for one', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', '<h1>Accueil</h1><a href="/docs/javascript:intro/">x</a>');
    assert.deepEqual(fixture.verify(), []);
  });

  test('reports a cross-origin script that is not allow-listed', (t) => {
    const fixture = hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script src="https://evil.example/x.js"></script>',
    );
    assert.deepEqual(fixture.verify(), [
      'fr/index.html:1: cross-origin script https://evil.example/x.js is not allow-listed with a pinned hash',
    ]);
  });

  test('reports a cross-origin stylesheet that is not allow-listed, even protocol-relative', (t) => {
    const fixture = hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<link rel="stylesheet" href="//evil.example/x.css"><h1>Accueil</h1>',
    );
    assert.deepEqual(fixture.verify(), [
      'fr/index.html:1: cross-origin style https://evil.example/x.css is not allow-listed with a pinned hash',
    ]);
  });

  test('reports an allow-listed script whose pinned integrity was removed', (t) => {
    const fixture = hardened(t);
    fixture.edit('cdn/index.html', ` integrity="${PINNED}"`, '');
    assert.deepEqual(fixture.verify(), [
      `cdn/index.html:1: cross-origin script ${PINNED_URL} lacks its pinned integrity`,
    ]);
  });

  test('reports a script that is neither same-origin nor https', (t) => {
    const fixture = hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script src="data:text/javascript,alert(1)"></script>',
    );
    assert.deepEqual(fixture.verify(), [
      'fr/index.html:1: script reference data:text/javascript,alert(1) is neither same-origin nor https',
    ]);
  });

  test('reports an SVG <script href> pointing to another origin, even when it was there before hardening', (t) => {
    const fixture = hardened(t, {
      'svg/index.html': page('', '<h1>SVG</h1><svg><script href="https://evil.example/x.js"></script></svg>'),
    });
    const problems = fixture.verify();
    assert.ok(
      problems.some((p) => p.startsWith('svg/index.html:1: ') && p.includes('https://evil.example/x.js')),
      JSON.stringify(problems),
    );
  });

  test('reports an HTML file that is missing from the manifest', (t) => {
    const fixture = hardened(t);
    fixture.dist.write('late/index.html', fixture.dist.read('fr/index.html'));
    assert.deepEqual(fixture.verify(), ['late/index.html: HTML route missing from the headers manifest']);
  });

  test('reports a manifest route whose file is gone from dist', (t) => {
    const fixture = hardened(t);
    rmSync(join(fixture.dist.dir, 'threat-model', 'index.html'));
    assert.deepEqual(fixture.verify(), [
      'headers manifest: route /threat-model/ points to threat-model/index.html, which is not in dist/',
    ]);
  });

  test('reports an inline script added after hardening, which the manifest CSP does not cover', (t) => {
    const fixture = hardened(t);
    const injected = 'alert(document.cookie)';
    fixture.edit('fr/index.html', '<h1>Accueil</h1>', `<h1>Accueil</h1><script>${injected}</script>`);
    assert.deepEqual(fixture.verify(), [
      `fr/index.html:1: inline <script> ('${sri('sha256', injected)}') is not covered by the manifest CSP`,
    ]);
  });

  test('reports an inline style whose hash was dropped from the manifest CSP', (t) => {
    const fixture = hardened(t);
    const route = fixture.manifest.routes['/'];
    assert.ok(route);
    const styleHash = /'sha256-[^']+'/.exec(/style-src ([^;]*)/.exec(route.csp)?.[1] ?? '')?.[0];
    assert.ok(styleHash, route.csp);
    route.csp = route.csp.replace(` ${styleHash}`, '');
    const html = fixture.dist.read('index.html');
    const line = html.slice(0, html.indexOf('<style>')).split('\n').length;
    const problems = fixture.verify();
    assert.ok(
      problems.includes(`index.html:${line}: inline <style> (${styleHash}) is not covered by the manifest CSP`),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.every((p) => p.startsWith('index.html')),
      JSON.stringify(problems),
    );
  });

  test('reports every page whose asset bytes changed after hardening (SRI mismatch)', (t) => {
    const fixture = hardened(t);
    fixture.edit('_astro/site.abc123.css', 'color: #123', 'color: #f00');
    const expected = (file: string) =>
      `${file}:1: style /_astro/site.abc123.css no longer matches its SRI ${sri('sha384', 'body { color: #123; }\n')}`;
    assert.deepEqual(fixture.verify(), [expected('404.html'), expected('fr/index.html'), expected('index.html')]);
  });

  test('reports a same-origin script added without integrity', (t) => {
    const fixture = hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script type="module" src="/_astro/app.abc123.js"></script>',
    );
    assert.deepEqual(fixture.verify(), ['fr/index.html:1: script /_astro/app.abc123.js has no integrity attribute']);
  });

  test('reports a reference to a file this build did not emit', (t) => {
    const fixture = hardened(t);
    fixture.edit(
      'fr/index.html',
      '<h1>Accueil</h1>',
      '<h1>Accueil</h1><script type="module" src="/_astro/gone.js"></script>',
    );
    assert.deepEqual(fixture.verify(), ['fr/index.html:1: script /_astro/gone.js is not a file this build emitted']);
  });

  test('reports a page whose meta CSP was removed', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', /<meta http-equiv="content-security-policy" content="[^"]*">/, '');
    assert.deepEqual(fixture.verify(), ['fr/index.html: no <meta http-equiv="content-security-policy">']);
  });

  test('reports a meta CSP that differs from the manifest CSP', (t) => {
    const fixture = hardened(t);
    fixture.edit('fr/index.html', "script-src 'none'", "script-src 'self'");
    assert.deepEqual(fixture.verify(), ['fr/index.html: the <meta> CSP differs from the manifest header CSP']);
  });

  test('reports a manifest CSP that allows unsafe-inline or does not default to none', (t) => {
    const fixture = hardened(t);
    const route = fixture.manifest.routes['/404.html'];
    assert.ok(route);
    route.csp = route.csp
      .replace("default-src 'none'", "default-src 'self'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    const problems = fixture.verify();
    assert.ok(
      problems.includes("headers manifest: route /404.html: default-src is not 'none'"),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.includes("headers manifest: route /404.html: CSP allows 'unsafe-inline'"),
      JSON.stringify(problems),
    );
  });
});
