import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCommonHeaders, parseSecurityOptions, type SecurityOptionsInput } from '../../src/security/index.ts';
import { DENIED_FEATURES } from '../../src/security/options.ts';
import { getImmutableCacheControl, getRevalidateCacheControl } from '../../src/security/headers/cache-control.ts';
import { DEFAULT_CONTENT_TYPE, getContentType } from '../../src/security/headers/content-type.ts';
import {
  crossOriginEmbedderPolicy,
  crossOriginOpenerPolicy,
  crossOriginResourcePolicy,
} from '../../src/security/headers/cross-origin.ts';
import {
  EMPTY_NEEDS,
  HEADER_ONLY_DIRECTIVES,
  getAssetContentSecurityPolicy,
  getContentSecurityPolicy,
  getCspDirectives,
  getMetaContentSecurityPolicy,
  serializeCsp,
  type RouteNeeds,
} from '../../src/security/headers/csp.ts';
import { strictTransportSecurity } from '../../src/security/headers/hsts.ts';
import { permissionsPolicy } from '../../src/security/headers/permissions-policy.ts';
import { COMMON_HEADERS, headerReason } from '../../src/security/headers/registry.ts';
import { reportingEndpoints } from '../../src/security/headers/reporting.ts';
import {
  originAgentCluster,
  referrerPolicy,
  xContentTypeOptions,
  xDnsPrefetchControl,
  xFrameOptions,
  xPermittedCrossDomainPolicies,
} from '../../src/security/headers/simple.ts';
import { expectHeaders } from '../support/expect-headers.ts';

const ORIGIN = 'https://cryptpeer.com';
const options = (extra: Omit<SecurityOptionsInput, 'origin'> = {}) =>
  parseSecurityOptions({ origin: ORIGIN, ...extra });
const DEFAULTS = options();

/** A CSP header value as directive name → sources, parsed independently of src/. */
function directivesOf(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const [name, ...sources] = tokens;
    if (name === undefined) continue;
    assert.equal(map.has(name), false, `directive ${name} repeated in ${policy}`);
    map.set(name, sources);
  }
  return map;
}

/** The error message `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error);
    return error.message;
  }
  assert.fail('expected an error, nothing was thrown');
}

const SHA256 = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
const SHA384 = 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb';
const needs = (extra: Partial<RouteNeeds>): RouteNeeds => ({ ...EMPTY_NEEDS, ...extra });

/** A spread of route needs, from nothing to everything, used by the invariant tables. */
const NEEDS_TABLE: [string, RouteNeeds][] = [
  ['an empty page', EMPTY_NEEDS],
  ['inline script and style', needs({ scriptHashes: [SHA256], styleHashes: [SHA256] })],
  ['script files', needs({ scriptHashes: [SHA384], scriptFiles: true })],
  ['stylesheets, images and fonts', needs({ styleFiles: true, images: true, fonts: true })],
  ['every capability', needs({ capabilities: ['wasm', 'worker'], scriptFiles: true, scriptHashes: [SHA384] })],
  ['a web manifest', needs({ manifest: true })],
  [
    'allow-listed external origins',
    needs({ externalScriptOrigins: ['https://cdn.example'], externalStyleOrigins: ['https://fonts.example'] }),
  ],
];

describe('Strict-Transport-Security', () => {
  test('defaults to two years with includeSubDomains and without preload', () => {
    assert.equal(strictTransportSecurity.value(DEFAULTS), 'max-age=63072000; includeSubDomains');
  });

  test('adds preload only when asked', () => {
    assert.equal(
      strictTransportSecurity.value(options({ hsts: { preload: true } })),
      'max-age=63072000; includeSubDomains; preload',
    );
  });

  test('accepts exactly one year', () => {
    assert.equal(
      strictTransportSecurity.value(options({ hsts: { maxAge: 31_536_000 } })),
      'max-age=31536000; includeSubDomains',
    );
  });

  test('refuses a max-age under one year, naming the option and the value', () => {
    assert.equal(
      errorOf(() => options({ hsts: { maxAge: 31_535_999 } })),
      '[security] hsts.maxAge: HSTS max-age must be at least one year (31536000) (got 31535999)',
    );
    assert.equal(
      errorOf(() => options({ hsts: { maxAge: 600 } })),
      '[security] hsts.maxAge: HSTS max-age must be at least one year (31536000) (got 600)',
    );
  });

  test('refuses a fractional max-age', () => {
    assert.match(
      errorOf(() => options({ hsts: { maxAge: 31_536_000.5 } })),
      /^\[security\] hsts\.maxAge: .*31536000\.5/,
    );
  });

  test('refuses to drop includeSubDomains', () => {
    assert.equal(
      errorOf(() => parseSecurityOptions({ origin: ORIGIN, hsts: { includeSubDomains: false } })),
      '[security] hsts.includeSubDomains: HSTS must include subdomains (got false)',
    );
  });
});

describe('Permissions-Policy', () => {
  test('denies every listed feature by default, in the `feature=()` list format', () => {
    const value = permissionsPolicy.value(DEFAULTS) ?? '';
    assert.match(value, /^[a-z-]+=\(\)(, [a-z-]+=\(\))*$/);
    assert.deepEqual(
      value.split(', ').map((item) => item.replace(/=\(\)$/, '')),
      [...DENIED_FEATURES],
    );
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      assert.ok(value.split(', ').includes(`${feature}=()`), feature);
    }
  });

  test('writes a custom list once per feature', () => {
    assert.equal(
      permissionsPolicy.value(options({ permissionsPolicy: { deny: ['camera', 'microphone', 'camera'] } })),
      'camera=(), microphone=()',
    );
  });

  test('refuses an empty list and a malformed feature name', () => {
    assert.match(
      errorOf(() => options({ permissionsPolicy: { deny: [] } })),
      /^\[security\] permissionsPolicy\.deny: /,
    );
    assert.match(
      errorOf(() => options({ permissionsPolicy: { deny: ['camera=(self)'] } })),
      /^\[security\] permissionsPolicy\.deny\.0: .*"camera=\(self\)"/,
    );
  });
});

describe('cross-origin isolation and the single-value headers', () => {
  test('COOP and CORP are same-origin, COEP defaults to require-corp and can be credentialless', () => {
    assert.equal(crossOriginOpenerPolicy.value(DEFAULTS), 'same-origin');
    assert.equal(crossOriginResourcePolicy.value(DEFAULTS), 'same-origin');
    assert.equal(crossOriginEmbedderPolicy.value(DEFAULTS), 'require-corp');
    assert.equal(crossOriginEmbedderPolicy.value(options({ coep: 'credentialless' })), 'credentialless');
    assert.match(
      errorOf(() => parseSecurityOptions({ origin: ORIGIN, coep: 'unsafe-none' })),
      /^\[security\] coep: /,
    );
  });

  test('each simple header has its one strict value', () => {
    assert.deepEqual(
      [
        referrerPolicy.value(DEFAULTS),
        xContentTypeOptions.value(DEFAULTS),
        xFrameOptions.value(DEFAULTS),
        originAgentCluster.value(DEFAULTS),
        xDnsPrefetchControl.value(DEFAULTS),
        xPermittedCrossDomainPolicies.value(DEFAULTS),
      ],
      ['no-referrer', 'nosniff', 'DENY', '?1', 'off', 'none'],
    );
  });

  test('cache control: a year and immutable for hashed files, revalidation for the rest', () => {
    assert.equal(getImmutableCacheControl(), 'public, max-age=31536000, immutable');
    assert.equal(getRevalidateCacheControl(), 'no-cache');
  });
});

describe('the header registry', () => {
  test('getCommonHeaders serves each registered header once, in registry order', () => {
    const names = COMMON_HEADERS.map((header) => header.name);
    assert.equal(new Set(names).size, names.length);
    const configured = options({ reportingEndpoints: { csp: 'https://report.example/csp' } });
    assert.deepEqual(Object.keys(getCommonHeaders(configured)), names);
    assert.deepEqual(
      Object.keys(getCommonHeaders(DEFAULTS)),
      names.filter((name) => name !== 'Reporting-Endpoints'),
    );
  });

  test('every header served, and the CSP, has a reason in each locale', () => {
    for (const name of ['Content-Security-Policy', ...COMMON_HEADERS.map((header) => header.name)]) {
      for (const locale of ['en', 'fr'] as const) {
        assert.ok(headerReason(name, locale, DEFAULTS).length > 20, `${name} (${locale})`);
      }
    }
  });

  test('the HSTS reason reads the duration from hsts.maxAge', () => {
    assert.match(headerReason('Strict-Transport-Security', 'en', DEFAULTS), /for 2 years after/);
    assert.match(headerReason('Strict-Transport-Security', 'fr', DEFAULTS), /pendant 2 ans après/);
    const oneYear = options({ hsts: { maxAge: 31_536_000 } });
    assert.match(headerReason('Strict-Transport-Security', 'en', oneYear), /for 1 year after/);
    const days = options({ hsts: { maxAge: 40_000_000 } });
    assert.match(headerReason('Strict-Transport-Security', 'en', days), /for 462 days after/);
  });

  test('a header without a definition is refused, not shown unexplained', () => {
    assert.equal(
      errorOf(() => headerReason('X-Powered-By', 'en', DEFAULTS)),
      '[security] X-Powered-By has no definition in src/security/headers/',
    );
  });
});

describe('Reporting-Endpoints', () => {
  test('is absent when no endpoint is configured', () => {
    assert.equal(reportingEndpoints.value(DEFAULTS), undefined);
  });

  test('lists each group as name="url"', () => {
    const configured = options({
      reportingEndpoints: { csp: 'https://report.example/csp', coep: 'https://report.example/coep' },
    });
    assert.equal(
      reportingEndpoints.value(configured),
      'csp="https://report.example/csp", coep="https://report.example/coep"',
    );
  });

  test('refuses a plain-http endpoint and a malformed group name', () => {
    assert.match(
      errorOf(() => options({ reportingEndpoints: { csp: 'http://report.example/csp' } })),
      /^\[security\] reportingEndpoints\.csp: .*"http:\/\/report\.example\/csp"/,
    );
    assert.match(
      errorOf(() => options({ reportingEndpoints: { CSP: 'https://report.example/csp' } })),
      /CSP/,
    );
  });

  test('refuses an endpoint URL containing a double quote, which would end the quoted header string early', () => {
    const message = errorOf(() => options({ reportingEndpoints: { csp: 'https://report.example/"x' } }));
    assert.match(message, /^\[security\] reportingEndpoints\.csp: /);
  });
});

describe('Content-Type', () => {
  for (const [file, type] of [
    ['/_astro/site.abc.css', 'text/css; charset=utf-8'],
    ['/_astro/app.abc.js', 'text/javascript; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['/_astro/inter.abc.woff2', 'font/woff2'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/FILE.CSS', 'text/css; charset=utf-8'],
    ['/downloads/SHA256SUMS', 'text/plain; charset=utf-8'],
    ['/pagefind/wasm.en.pagefind', 'application/octet-stream'],
    ['/archive.tar.gz', DEFAULT_CONTENT_TYPE],
    ['/README', DEFAULT_CONTENT_TYPE],
    ['/dir.v2/README', DEFAULT_CONTENT_TYPE],
  ] as const) {
    test(`${file} is served as ${type}`, () => {
      assert.equal(getContentType(file), type);
    });
  }

  test('the default for unknown files is opaque bytes', () => {
    assert.equal(DEFAULT_CONTENT_TYPE, 'application/octet-stream');
  });
});

describe('Content-Security-Policy', () => {
  test('an empty page gets the strict default policy', () => {
    assert.equal(
      getContentSecurityPolicy(DEFAULTS, EMPTY_NEEDS),
      "default-src 'none'; script-src 'none'; style-src 'none'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; upgrade-insecure-requests; require-trusted-types-for 'script'; trusted-types 'none'",
    );
  });

  for (const [name, routeNeeds] of NEEDS_TABLE) {
    test(`${name}: default-src 'none', no unsafe keyword, no wildcard, no bare scheme`, () => {
      const policy = getContentSecurityPolicy(DEFAULTS, routeNeeds);
      const directives = directivesOf(policy);
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('object-src'), ["'none'"]);
      assert.deepEqual(directives.get('base-uri'), ["'none'"]);
      assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
      for (const [directive, sources] of directives) {
        for (const source of sources) {
          assert.notEqual(source, "'unsafe-inline'", `${directive} in ${policy}`);
          assert.notEqual(source, "'unsafe-eval'", `${directive} in ${policy}`);
          assert.notEqual(source, "'unsafe-hashes'", `${directive} in ${policy}`);
          assert.ok(!source.includes('*'), `wildcard ${source} in ${directive}`);
          assert.ok(!/^[a-z][a-z0-9+.-]*:$/i.test(source), `bare scheme ${source} in ${directive}`);
        }
      }
    });

    test(`${name}: the meta variant is the header minus the header-only directives`, () => {
      const header = directivesOf(getContentSecurityPolicy(DEFAULTS, routeNeeds));
      const meta = directivesOf(getMetaContentSecurityPolicy(DEFAULTS, routeNeeds));
      for (const name_ of HEADER_ONLY_DIRECTIVES) header.delete(name_);
      assert.deepEqual([...meta], [...header]);
    });
  }

  test("'strict-dynamic' appears only when the route loads script files", () => {
    const has = (routeNeeds: RouteNeeds) =>
      directivesOf(getContentSecurityPolicy(DEFAULTS, routeNeeds)).get('script-src')?.includes("'strict-dynamic'");
    assert.equal(has(needs({ scriptHashes: [SHA256] })), false);
    assert.equal(has(needs({ scriptHashes: [SHA384], scriptFiles: true })), true);
    assert.equal(has(EMPTY_NEEDS), false);
  });

  test("'wasm-unsafe-eval' appears only with the wasm capability", () => {
    const scriptSrc = (capabilities: RouteNeeds['capabilities']) =>
      directivesOf(getContentSecurityPolicy(DEFAULTS, needs({ scriptFiles: true, capabilities }))).get('script-src') ??
      [];
    assert.equal(scriptSrc([]).includes("'wasm-unsafe-eval'"), false);
    assert.equal(scriptSrc(['worker']).includes("'wasm-unsafe-eval'"), false);
    assert.equal(scriptSrc(['wasm']).includes("'wasm-unsafe-eval'"), true);
  });

  test('the worker capability opens worker-src to self only; connect-src is self on every page', () => {
    const without = directivesOf(getContentSecurityPolicy(DEFAULTS, EMPTY_NEEDS));
    assert.equal(without.has('worker-src'), false);
    assert.deepEqual(without.get('connect-src'), ["'self'"]);
    const withWorker = directivesOf(getContentSecurityPolicy(DEFAULTS, needs({ capabilities: ['worker'] })));
    assert.deepEqual(withWorker.get('worker-src'), ["'self'"]);
    assert.deepEqual(withWorker.get('connect-src'), ["'self'"]);
  });

  test('images, fonts, stylesheets and the manifest are granted to self only when used', () => {
    const none = directivesOf(getContentSecurityPolicy(DEFAULTS, EMPTY_NEEDS));
    for (const name of ['img-src', 'font-src', 'manifest-src']) assert.equal(none.has(name), false, name);
    assert.deepEqual(none.get('style-src'), ["'none'"]);
    const all = directivesOf(
      getContentSecurityPolicy(DEFAULTS, needs({ images: true, fonts: true, manifest: true, styleFiles: true })),
    );
    for (const name of ['img-src', 'font-src', 'manifest-src', 'style-src']) {
      assert.deepEqual(all.get(name), ["'self'"], name);
    }
  });

  test('hashes are quoted hash sources in script-src and style-src', () => {
    const directives = directivesOf(
      getContentSecurityPolicy(DEFAULTS, needs({ scriptHashes: [SHA256, SHA384], styleHashes: [SHA256] })),
    );
    assert.deepEqual(directives.get('script-src'), [`'${SHA256}'`, `'${SHA384}'`]);
    assert.deepEqual(directives.get('style-src'), [`'${SHA256}'`]);
  });

  test('allow-listed origins are listed as exact hosts', () => {
    const directives = directivesOf(
      getContentSecurityPolicy(
        DEFAULTS,
        needs({ externalScriptOrigins: ['https://cdn.example'], externalStyleOrigins: ['https://fonts.example'] }),
      ),
    );
    assert.deepEqual(directives.get('script-src'), ['https://cdn.example']);
    assert.deepEqual(directives.get('style-src'), ['https://fonts.example']);
  });

  test('report-uri and report-to are added when configured, and only in the header', () => {
    const configured = options({
      csp: { reportUri: 'https://report.example/csp', reportTo: 'csp' },
      reportingEndpoints: { csp: 'https://report.example/reports' },
    });
    const header = directivesOf(getContentSecurityPolicy(configured, EMPTY_NEEDS));
    assert.deepEqual(header.get('report-uri'), ['https://report.example/csp']);
    assert.deepEqual(header.get('report-to'), ['csp']);
    const meta = directivesOf(getMetaContentSecurityPolicy(configured, EMPTY_NEEDS));
    for (const name of ['report-uri', 'report-to', 'frame-ancestors', 'sandbox']) assert.equal(meta.has(name), false);
    const plain = directivesOf(getContentSecurityPolicy(DEFAULTS, EMPTY_NEEDS));
    assert.equal(plain.has('report-uri'), false);
    assert.equal(plain.has('report-to'), false);
  });

  test('the directives object starts with default-src and lists every fallback-free directive', () => {
    const names = Object.keys(getCspDirectives(DEFAULTS, EMPTY_NEEDS));
    assert.equal(names[0], 'default-src');
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'trusted-types']) {
      assert.ok(names.includes(name), name);
    }
  });

  test('non-HTML responses get an inert, sandboxed policy', () => {
    assert.equal(getAssetContentSecurityPolicy(), "default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  test('helmet-csp rejects an unquoted keyword, naming the directive', () => {
    assert.match(
      errorOf(() => serializeCsp({ 'script-src': ['self'] })),
      /script-src/,
    );
  });

  test('helmet-csp rejects a value that tries to inject a directive', () => {
    assert.match(
      errorOf(() => serializeCsp({ 'script-src': ["'self'; object-src *"] })),
      /script-src/,
    );
  });

  test('helmet-csp rejects a malformed directive name', () => {
    assert.match(
      errorOf(() => serializeCsp({ 'default-src': ["'none'"], 'script src': ["'self'"] })),
      /script src/,
    );
  });
});

describe('parseSecurityOptions', () => {
  test('fills every default from the origin alone', () => {
    assert.deepEqual(DEFAULTS, {
      origin: ORIGIN,
      csp: { capabilities: ['wasm', 'worker'] },
      reportingEndpoints: {},
      hsts: { maxAge: 63_072_000, includeSubDomains: true, preload: false },
      allowedExternal: [],
      coep: 'require-corp',
      permissionsPolicy: { deny: [...DENIED_FEATURES] },
      immutablePrefixes: ['/_astro/'],
    });
  });

  test('names the option path and quotes the bad value', () => {
    assert.equal(
      errorOf(() => options({ allowedExternal: [{ url: 'https://cdn.example/lib.js', integrity: 'sha256-AAAA' }] })),
      '[security] allowedExternal.0.integrity: expected sha384-… or sha512-… SRI (got "sha256-AAAA")',
    );
  });

  test('refuses a plain-http allow-listed URL', () => {
    assert.match(
      errorOf(() => options({ allowedExternal: [{ url: 'http://cdn.example/lib.js', integrity: 'sha384-AAAA' }] })),
      /^\[security\] allowedExternal\.0\.url: .*"http:\/\/cdn\.example\/lib\.js"/,
    );
  });

  test('refuses a report-to group that reportingEndpoints does not define', () => {
    assert.equal(
      errorOf(() => options({ csp: { reportTo: 'csp' } })),
      '[security] csp.reportTo: group "csp" is not defined in reportingEndpoints',
    );
  });

  test('refuses an origin that is not https://host', () => {
    for (const origin of ['http://cryptpeer.com', 'https://cryptpeer.com/', 'https://*.cryptpeer.com']) {
      assert.equal(
        errorOf(() => parseSecurityOptions({ origin })),
        `[security] origin: expected the site origin, https://host (got ${JSON.stringify(origin)})`,
      );
    }
  });

  test('refuses a capability that does not exist', () => {
    assert.match(
      errorOf(() => parseSecurityOptions({ origin: ORIGIN, csp: { capabilities: ['eval'] } })),
      /^\[security\] csp\.capabilities\.0: .*\(got "eval"\)$/,
    );
  });

  test('refuses an unknown option, naming it', () => {
    assert.match(
      errorOf(() => parseSecurityOptions({ origin: ORIGIN, unsafeInline: true })),
      /"unsafeInline"/,
    );
  });

  test('reports every bad option, one line each', () => {
    const lines = errorOf(() => parseSecurityOptions({ origin: ORIGIN, hsts: { maxAge: 1 }, coep: 'none' })).split(
      '\n',
    );
    assert.equal(lines.length, 2);
    assert.ok(lines.every((line) => line.startsWith('[security] ')));
  });

  test('refuses a report-uri that helmet-csp rejects, naming csp.reportUri and the value', () => {
    const message = errorOf(() => options({ csp: { reportUri: 'https://report.example/a;b' } }));
    assert.match(message, /^\[security\] csp\.reportUri: /);
    assert.match(message, /https:\/\/report\.example\/a;b/);
  });
});

describe('getCommonHeaders', () => {
  test('every response carries the full strict set and no server fingerprint', () => {
    expectHeaders(
      getCommonHeaders(DEFAULTS),
      {
        'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
        'Integrity-Policy': 'blocked-destinations=(script)',
        'Origin-Agent-Cluster': '?1',
        'X-DNS-Prefetch-Control': 'off',
        'X-Permitted-Cross-Domain-Policies': 'none',
        'Reporting-Endpoints': null,
        'X-Powered-By': null,
        Server: null,
        // Route-specific headers are not common: each response gets its own.
        'Content-Security-Policy': null,
        'Content-Type': null,
        'Cache-Control': null,
      },
      { exact: true },
    );
  });

  test('adds Reporting-Endpoints when endpoints are configured, and follows the HSTS options', () => {
    const headers = getCommonHeaders(
      options({ reportingEndpoints: { csp: 'https://report.example/csp' }, hsts: { preload: true } }),
    );
    expectHeaders(headers, {
      'reporting-endpoints': 'csp="https://report.example/csp"',
      'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
    });
  });
});

describe('expectHeaders (test helper)', () => {
  test('fails on a wrong value, a missing header, a header that must be absent, and an extra header', () => {
    assert.throws(() => {
      expectHeaders({ A: '1' }, { a: '2' });
    });
    assert.throws(() => {
      expectHeaders({ A: '1' }, { b: '1' });
    });
    assert.throws(() => {
      expectHeaders(new Headers({ 'x-powered-by': 'Express' }), { 'X-Powered-By': null });
    });
    assert.throws(() => {
      expectHeaders({ A: '1', B: '2' }, { a: '1' }, { exact: true });
    });
    assert.doesNotThrow(() => {
      expectHeaders({ A: '1', B: '2' }, { a: '1' }, { exact: true, ignore: ['b'] });
    });
  });
});
