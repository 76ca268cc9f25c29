import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createManifest } from '../../src/hardening/create-manifest.ts';
import {
  classCspOf,
  policyClasses,
  resolveHeaders,
  routeRegex,
  type HeadersManifest,
} from '../../src/manifest/index.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';

const PAGE = "default-src 'none'; style-src 'self'";
const SEARCH = "default-src 'none'; script-src 'self'";
const OTHER = "default-src 'none'; img-src 'self'";

const manifestWith = (routes: Record<string, string>): HeadersManifest =>
  createManifest(
    parseSecurityOptions({ origin: 'https://cryptpeer.com' }),
    Object.fromEntries(Object.entries(routes).map(([route, csp]) => [route, { file: `${route}index.html`, csp }])),
  );

const site = manifestWith({
  '/': PAGE,
  '/fr/': PAGE,
  '/a/': PAGE,
  '/search/': SEARCH,
  '/fr/recherche/': SEARCH,
  '/404.html': PAGE,
});

describe('policyClasses', () => {
  test('takes the most frequent route CSP as the page class and groups the others as exceptions', () => {
    const classes = policyClasses(site);
    assert.equal(classes.page, PAGE);
    assert.deepEqual(classes.exceptions, [{ csp: SEARCH, routes: ['/fr/recherche/', '/search/'] }]);
    assert.equal(classes.inert, site.assets.csp.inert);
  });

  test('breaks a tie by the smaller CSP string, whatever the route order', () => {
    const a = policyClasses(manifestWith({ '/x/': OTHER, '/y/': PAGE }));
    const b = policyClasses(manifestWith({ '/y/': PAGE, '/x/': OTHER }));
    assert.deepEqual(a, b);
    assert.equal(a.page, [PAGE, OTHER].sort()[0]);
  });

  test('with no route, everything is inert', () => {
    const classes = policyClasses(manifestWith({}));
    assert.equal(classes.page, classes.inert);
    assert.deepEqual(classes.exceptions, []);
  });
});

describe('classCspOf (what the emitted configs compute)', () => {
  const classes = policyClasses(site);
  const paths = [
    '/',
    '/index.html',
    '/fr/',
    '/fr/index.html',
    '/search/',
    '/search/index.html',
    '/fr/recherche/',
    '/404.html',
    '/a/',
  ];
  for (const path of paths) {
    test(`gives ${path} its manifest CSP`, () => {
      assert.equal(classCspOf(classes, path), resolveHeaders(site, path)['Content-Security-Policy']);
    });
  }

  for (const path of ['/_astro/a.js', '/favicon.svg', '/robots.txt', '/search/index.html.br', '/search/x.js']) {
    test(`gives the asset ${path} the inert CSP`, () => {
      assert.equal(classCspOf(classes, path), site.assets.csp.inert);
    });
  }

  for (const path of ['/SEARCH/INDEX.HTML', '/Search/index.HTML', '/search/index.htm', '/searchx/']) {
    test(`never gives ${path} the search policy (exact, case-sensitive)`, () => {
      assert.notEqual(classCspOf(classes, path), SEARCH);
    });
  }
});

describe('routeRegex', () => {
  test('matches exactly the two forms of a directory route', () => {
    const re = new RegExp(routeRegex('/fr/recherche/'));
    for (const yes of ['/fr/recherche/', '/fr/recherche/index.html']) assert.ok(re.test(yes), yes);
    for (const no of [
      '/fr/recherche',
      '/fr/recherche/x',
      '/fr/recherche/indexXhtml',
      '/x/fr/recherche/',
      '/FR/recherche/',
    ])
      assert.ok(!re.test(no), no);
  });

  test('escapes the dot of a file route', () => {
    const re = new RegExp(routeRegex('/404.html'));
    assert.ok(re.test('/404.html'));
    assert.ok(!re.test('/404xhtml'));
  });

  for (const route of ['/a b/', '/a#b/', '/a"b/', '/a\\b/', '/é/', '/a(b)/', '/a|b/', 'relative/', '/a$/', '/a\n/']) {
    test(`refuses ${JSON.stringify(route)}`, () => {
      assert.throws(() => routeRegex(route), /cannot match safely/);
    });
  }
});
