import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitApache } from '../../src/emitters/apache.ts';
import { emitCaddyfile, emitCaddyHeaders } from '../../src/emitters/caddy.ts';
import { emitAll } from '../../src/emitters/index.ts';
import { emitNginxHeaders, emitNginxHttp, emitNginxServer } from '../../src/emitters/nginx.ts';
import {
  emitHeadersFile,
  emitVercel,
  HEADERS_FILE_LINE_LIMIT,
  HEADERS_FILE_RULE_LIMIT,
  headersFileWarnings,
  headersFileRuleCount,
} from '../../src/emitters/static-hosts.ts';
import { hardenDist } from '../../src/hardening/harden.ts';
import { contentTypeOf, policyClasses, resolveHeaders, type HeadersManifest } from '../../src/manifest/index.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { makeDist, siteFiles, type TempDist, TEST_TRUST } from './helpers/temp-dist.ts';

const OPTIONS = parseSecurityOptions({ origin: 'https://cryptpeer.com' });

/** Every URL form of every route (`/fr/` and `/fr/index.html`), mapped to the route's CSP. */
function expectedRouteCsps(manifest: HeadersManifest): Map<string, string> {
  const table = new Map<string, string>();
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    table.set(route, csp);
    if (route.endsWith('/')) table.set(`${route}index.html`, csp);
  }
  return table;
}

/** resolveHeaders without Content-Type: static hosts and header-only configs leave that to the server's MIME table. */
function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const { 'Content-Type': _type, ...rest } = headers;
  return rest;
}

/**
 * The CSP a server must give the upper-case spelling of a route form: no route (the file system is
 * case-sensitive), so never the route's own policy. `/FR/INDEX.HTML` is an inert file name; a
 * directory spelling such as `/SEARCH/` is any HTML path (it can only answer 404 or a redirect).
 */
function upperCaseCsp(form: string): string {
  const upper = form.toUpperCase();
  if (upper === form) return manifest.routes[form]?.csp ?? '';
  return upper.endsWith('/') ? policyClasses(manifest).page : manifest.assets.csp.inert;
}

/** `base` plus `count` routes (`/generated/N/`) in the page class, as a site with more releases has. */
function withDefaultRoutes(base: HeadersManifest, count: number): HeadersManifest {
  const page = policyClasses(base).page;
  const routes = { ...base.routes };
  for (let i = 0; i < count; i += 1) routes[`/generated/${i}/`] = { file: `generated/${i}/index.html`, csp: page };
  return { ...base, routes };
}

const sortedEntries = (record: Record<string, string>) =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A sample of paths of every kind: routes in both forms, hashed assets, the worker, plain files. */
const SAMPLE_PATHS = [
  '/',
  '/index.html',
  '/fr/',
  '/fr/index.html',
  '/threat-model/',
  '/search/',
  '/404.html',
  '/_astro/site.abc123.css',
  '/_astro/app.abc123.js',
  '/pagefind/pagefind-worker.js',
  '/pagefind/pagefind-entry.json',
  '/favicon.svg',
  '/robots.txt',
];

let dist: TempDist;
let manifest: HeadersManifest;

before(async () => {
  dist = makeDist('emitters', siteFiles());
  manifest = (await hardenDist(dist.dir, OPTIONS, TEST_TRUST)).manifest;
});

after(() => {
  dist.remove();
});

describe('the sample manifest', () => {
  test('has several routes with different CSPs and a hashed-asset prefix', () => {
    assert.ok(Object.keys(manifest.routes).length >= 5);
    assert.ok(new Set(Object.values(manifest.routes).map((r) => r.csp)).size >= 4);
    assert.deepEqual(manifest.cacheControl.immutablePrefixes, ['/_astro/']);
  });
});

describe('_headers (Netlify, Cloudflare Pages)', () => {
  interface Rule {
    path: string;
    headers: [string, string][];
  }

  /** Parses the `path` + indented `Name: value` format. */
  function parseHeadersFile(text: string): Rule[] {
    const rules: Rule[] = [];
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      if (/^\S/.test(line)) {
        rules.push({ path: line.trim(), headers: [] });
        continue;
      }
      const match = /^\s+([A-Za-z0-9-]+):\s(.*)$/.exec(line);
      assert.ok(match, `line ${index + 1} is neither a path nor a header: ${JSON.stringify(line)}`);
      const rule = rules.at(-1);
      assert.ok(rule, `header before any path on line ${index + 1}`);
      rule.headers.push([match[1] ?? '', match[2] ?? '']);
    }
    return rules;
  }

  /** Netlify/Cloudflare path matching: `*` is a splat matching anything, the rest is literal. */
  const matches = (rulePath: string, path: string) =>
    new RegExp(
      `^${rulePath
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(path);

  /** Every matching rule applies; a header set twice is joined with `, ` (as both hosts do). */
  function headersFor(rules: Rule[], path: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const rule of rules) {
      if (!matches(rule.path, path)) continue;
      for (const [name, value] of rule.headers) out[name] = name in out ? `${out[name] ?? ''}, ${value}` : value;
    }
    return out;
  }

  const rules = () => parseHeadersFile(emitHeadersFile(manifest));
  const cspOf = (rule: Rule) => rule.headers.filter(([name]) => name.toLowerCase() === 'content-security-policy');

  test('every route form has its own rule whose CSP equals the manifest', () => {
    const parsed = rules();
    for (const [path, csp] of expectedRouteCsps(manifest)) {
      const own = parsed.filter((rule) => rule.path === path);
      assert.equal(own.length, 1, `one rule for ${path}`);
      assert.deepEqual(cspOf(own[0] ?? { path, headers: [] }), [['Content-Security-Policy', csp]], path);
    }
  });

  test('/* carries every common header', () => {
    const all = rules().find((rule) => rule.path === '/*');
    assert.ok(all);
    assert.deepEqual(
      all.headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      sortedEntries(manifest.common),
    );
  });

  test('no two rules that can match the same path set Content-Security-Policy', () => {
    const setters = rules().filter((rule) => cspOf(rule).length > 0);
    assert.ok(setters.length > Object.keys(manifest.routes).length);
    for (const rule of setters) assert.equal(cspOf(rule).length, 1, `CSP set twice in ${rule.path}`);
    // Two patterns overlap when one matches a path the other matches: with literal paths and trailing
    // splats, it is enough to test each pattern against the other's literal prefix (+ a suffix).
    const probe = (pattern: string) => [pattern.replace(/\*$/, ''), pattern.replace(/\*$/, 'x/y.css')];
    for (const [i, a] of setters.entries()) {
      for (const b of setters.slice(i + 1)) {
        for (const path of [...probe(a.path), ...probe(b.path), ...SAMPLE_PATHS]) {
          assert.ok(!(matches(a.path, path) && matches(b.path, path)), `${a.path} and ${b.path} both match ${path}`);
        }
      }
    }
  });

  for (const path of ['/', '/fr/index.html', '/search/', '/_astro/site.abc123.css']) {
    test(`the merged headers of ${path} equal resolveHeaders (but Content-Type)`, () => {
      assert.deepEqual(
        sortedEntries(headersFor(rules(), path)),
        sortedEntries(withoutContentType(resolveHeaders(manifest, path))),
      );
    });
  }

  // Plain assets outside /_astro/ and the 404 page get no CSP from this file: with merged rules, a
  // broad CSP rule would join every route's own (README, Deploying, says so).
  test('headersFileRuleCount counts the rules written, and a file over the Cloudflare limit says so', () => {
    assert.equal(rules().length, headersFileRuleCount(manifest));
    const big = withDefaultRoutes(manifest, HEADERS_FILE_RULE_LIMIT);
    const text = emitHeadersFile(big);
    assert.equal(parseHeadersFile(text).length, headersFileRuleCount(big));
    assert.match(text, new RegExp(`^# ${headersFileRuleCount(big)} rules: over the ${HEADERS_FILE_RULE_LIMIT} `, 'm'));
    assert.doesNotMatch(emitHeadersFile(manifest), /rules: over the/);
  });

  test('a _headers line longer than Cloudflare documents is named in the file and in the warnings', () => {
    assert.deepEqual(headersFileWarnings(manifest), []);
    const [route, entry] = Object.entries(manifest.routes)[0] ?? [];
    assert.ok(route && entry);
    const csp = `${entry.csp}; ${"img-src 'self' ".repeat(Math.ceil(HEADERS_FILE_LINE_LIMIT / 15))}`.trim();
    const long: HeadersManifest = { ...manifest, routes: { ...manifest.routes, [route]: { ...entry, csp } } };
    const warnings = headersFileWarnings(long);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      new RegExp(`over the ${HEADERS_FILE_LINE_LIMIT} characters .*Content-Security-Policy`),
    );
    assert.ok(emitHeadersFile(long).includes(`# ${warnings[0]}`));
  });
});

describe('vercel.json', () => {
  interface VercelRule {
    source: string;
    headers: { key: string; value: string }[];
  }

  /** path-to-regexp as Vercel uses it (strict, case-sensitive): `\x` literal, `(…)` regex group, `:name` segment. */
  function sourceToRegex(source: string): RegExp {
    let out = '';
    for (let i = 0; i < source.length; i += 1) {
      const c = source.charAt(i);
      if (c === '\\') {
        i += 1;
        out += source.charAt(i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      } else if (c === '(') {
        const end = source.indexOf(')', i);
        assert.ok(end > i, `unclosed group in ${source}`);
        out += source.slice(i, end + 1);
        i = end;
      } else if (c === ':') {
        const name = /^:\w+/.exec(source.slice(i))?.[0] ?? ':';
        out += '([^/]+)';
        i += name.length - 1;
      } else {
        out += c.replace(/[.*+?^${}|[\]\\/]/g, '\\$&');
      }
    }
    return new RegExp(`^${out}$`);
  }

  /** Every matching rule applies in order; a later rule overrides an earlier value of the same header. */
  function headersFor(rules: VercelRule[], path: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const rule of rules) {
      if (!sourceToRegex(rule.source).test(path)) continue;
      for (const { key, value } of rule.headers) out[key] = value;
    }
    return out;
  }

  const parse = () =>
    JSON.parse(emitVercel(manifest)) as { cleanUrls: boolean; trailingSlash: boolean; headers: VercelRule[] };

  test('is JSON with trailing slashes on and clean URLs off', () => {
    const config = parse();
    assert.equal(config.trailingSlash, true);
    assert.equal(config.cleanUrls, false);
    assert.ok(Array.isArray(config.headers));
  });

  for (const path of SAMPLE_PATHS) {
    test(`"later rule wins" gives ${path} exactly the resolveHeaders map (but Content-Type)`, () => {
      assert.deepEqual(
        sortedEntries(headersFor(parse().headers, path)),
        sortedEntries(withoutContentType(resolveHeaders(manifest, path))),
      );
    });
  }

  test("an exception route's rule does not leak onto a longer path", () => {
    const classes = policyClasses(manifest);
    assert.ok(classes.exceptions.length > 0);
    for (const { routes } of classes.exceptions) {
      for (const route of routes.filter((r) => r.endsWith('/'))) {
        assert.equal(headersFor(parse().headers, `${route}other/`)['Content-Security-Policy'], classes.page);
        assert.equal(headersFor(parse().headers, `${route}x.js`)['Content-Security-Policy'], classes.inert);
      }
    }
  });
});

/** `"key" "value";` / `default "value";` entries of an nginx or Caddy `map` block. */
function parseMapBlock(
  text: string,
  header: RegExp,
): { entries: [string, string][]; fallback: string | undefined; volatile: boolean } {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  assert.ok(start >= 0, `no map block matching ${String(header)}`);
  const entries: [string, string][] = [];
  let fallback: string | undefined;
  let volatile = false;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '}') return { entries, fallback, volatile };
    if (line.trim() === 'volatile;') {
      volatile = true;
      continue;
    }
    const match = /^\s+(?:"([^"]*)"|(~\S+|default))\s+(?:"([^"]*)"|(\$\w+));?$/.exec(line);
    assert.ok(match, `unexpected map line ${JSON.stringify(line)}`);
    const key = match[1] ?? match[2] ?? '';
    const value = match[3] ?? match[4] ?? '';
    if (key === 'default') fallback = value;
    else entries.push([key, value]);
  }
  assert.fail(`map block ${String(header)} is not closed`);
}

/** Looks a path up in parsed map entries: exact keys first, then `~regex` keys in order, then the default. */
function lookUp(map: ReturnType<typeof parseMapBlock>, path: string): string | undefined {
  const exact = map.entries.find(([key]) => !key.startsWith('~') && key === path);
  if (exact) return exact[1];
  for (const [key, value] of map.entries) {
    if (!key.startsWith('~')) continue;
    const source = key.slice(1);
    const insensitive = source.startsWith('(?i)');
    if (new RegExp(insensitive ? source.slice(4) : source, insensitive ? 'i' : '').test(path)) return value;
  }
  return map.fallback;
}

describe('nginx', () => {
  const http = () => emitNginxHttp(manifest);

  test('map $uri $cryptpeer_csp has regex keys only and gives every route form its CSP, case-sensitively', () => {
    const map = parseMapBlock(http(), /^map \$uri \$cryptpeer_csp \{$/);
    // nginx compares plain string keys ignoring case: none may be used.
    assert.deepEqual(
      map.entries.filter(([key]) => !key.startsWith('~')),
      [],
    );
    assert.ok(
      map.entries.every(([key]) => !key.startsWith('~*')),
      'no case-insensitive regex',
    );
    for (const [form, csp] of expectedRouteCsps(manifest)) {
      // $uri after index resolution: nginx serves /fr/ as /fr/index.html.
      const uri = form.endsWith('/') ? `${form}index.html` : form;
      assert.equal(lookUp(map, uri), csp, uri);
      assert.equal(lookUp(map, uri.toUpperCase()), upperCaseCsp(uri), uri.toUpperCase());
    }
    assert.equal(map.fallback, manifest.assets.csp.inert);
  });

  test('map $uri $cryptpeer_cache_control makes the hashed prefix immutable and revalidates the rest', () => {
    const map = parseMapBlock(http(), /^map \$uri \$cryptpeer_cache_control \{$/);
    for (const path of SAMPLE_PATHS) {
      assert.equal(lookUp(map, path), resolveHeaders(manifest, path)['Cache-Control'], path);
    }
  });

  test('the headers include sets every common header, always, plus the two mapped ones, none twice on a 416', () => {
    const parsed = emitNginxHeaders(manifest)
      .split('\n')
      .filter((line) => line.startsWith('add_header '))
      .map((line) => {
        const match = /^add_header (\S+) (\$\w+) always;$/.exec(line);
        assert.ok(match, line);
        // Each value goes through a volatile map on $status: the value, but nothing on a 416.
        const map = parseMapBlock(http(), new RegExp(`^map \\$status \\$${(match[2] ?? '').slice(1)} \\{$`));
        assert.equal(map.volatile, true, line);
        assert.deepEqual(map.entries, [['416', '']], line);
        return [match[1] ?? '', map.fallback ?? ''] as const;
      });
    assert.deepEqual(
      parsed.filter(([name]) => name in manifest.common).sort(([a], [b]) => (a < b ? -1 : 1)),
      sortedEntries(manifest.common),
    );
    assert.deepEqual(
      parsed.filter(([name]) => !(name in manifest.common)),
      [
        ['Content-Security-Policy', '$cryptpeer_csp'],
        ['Cache-Control', '$cryptpeer_cache_control'],
      ],
    );
  });

  test('the headers are also included at server level (for errors answered before a location)', () => {
    const server = emitNginxServer(manifest);
    const beforeLocations = server.slice(0, server.indexOf('\nlocation '));
    assert.match(beforeLocations, /^include cryptpeer-headers\.conf;$/m);
  });

  test('the headers of each sample path, as nginx would compute them, equal resolveHeaders (but Content-Type)', () => {
    const csp = parseMapBlock(http(), /^map \$uri \$cryptpeer_csp \{$/);
    const cache = parseMapBlock(http(), /^map \$uri \$cryptpeer_cache_control \{$/);
    for (const path of SAMPLE_PATHS) {
      // $uri after index resolution: nginx serves /fr/ as /fr/index.html.
      const uri = path.endsWith('/') ? `${path}index.html` : path;
      const computed = {
        ...manifest.common,
        'Content-Security-Policy': lookUp(csp, uri) ?? '',
        'Cache-Control': lookUp(cache, uri) ?? '',
      };
      assert.deepEqual(
        sortedEntries(computed),
        sortedEntries(withoutContentType(resolveHeaders(manifest, path))),
        path,
      );
    }
  });

  test('the types block gives every extension the manifest Content-Type', () => {
    const server = emitNginxServer(manifest);
    const block = /\ntypes \{\n([\s\S]*?)\n\}/.exec(server)?.[1];
    assert.ok(block, 'no types block');
    const charsetTypes = new Set(/\ncharset_types ([^;]*);/.exec(server)?.[1]?.split(' ') ?? []);
    assert.match(server, /\ncharset utf-8;/);
    const byExtension = new Map<string, string>();
    for (const line of block.split('\n')) {
      const [mime = '', ...extensions] = line.trim().replace(/;$/, '').split(/\s+/);
      for (const ext of extensions) {
        assert.equal(byExtension.has(ext), false, `.${ext} listed twice`);
        byExtension.set(ext, charsetTypes.has(mime) ? `${mime}; charset=utf-8` : mime);
      }
    }
    for (const ext of Object.keys(manifest.assets.contentTypes)) {
      assert.equal(byExtension.get(ext.slice(1)), contentTypeOf(manifest, `/file${ext}`), ext);
    }
    assert.match(server, new RegExp(`\\ndefault_type ${manifest.assets.defaultContentType.replace('/', '\\/')};`));
  });

  test('refuses the host-only files and hides the version', () => {
    const server = emitNginxServer(manifest);
    assert.match(server, /^location = \/_headers \{ return 404; \}$/m);
    assert.match(server, /^server_tokens off;$/m);
    assert.match(server, /^error_page 404 \/404\.html;$/m);
  });
});

describe('Caddy', () => {
  const headersFile = () => emitCaddyHeaders(manifest);

  test('map {path} {cryptpeer_csp} gives every route form its CSP, case-sensitively, and assets the inert one', () => {
    const map = parseMapBlock(headersFile(), /^map \{path\} \{cryptpeer_csp\} \{$/);
    assert.ok(
      map.entries.every(([key]) => key.startsWith('~') && !key.startsWith('~(?i)')),
      'case-sensitive regexes',
    );
    for (const [form, csp] of expectedRouteCsps(manifest)) {
      assert.equal(lookUp(map, form), csp, form);
      assert.equal(lookUp(map, form.toUpperCase()), upperCaseCsp(form), form.toUpperCase());
    }
    for (const path of SAMPLE_PATHS) {
      assert.equal(lookUp(map, path), resolveHeaders(manifest, path)['Content-Security-Policy'], path);
    }
    assert.equal(map.fallback, manifest.assets.csp.inert);
  });

  test('the header block sets every common header, removes Server, and uses the three maps', () => {
    const block = /\nheader \{\n([\s\S]*?)\n\}/.exec(headersFile())?.[1];
    assert.ok(block);
    const lines = block.split('\n').map((line) => line.trim());
    assert.ok(lines.includes('-Server'));
    const set = new Map(
      lines
        .map((line) => /^([A-Za-z-]+) (?:"([^"]*)"|(\{\w+\}))$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? m[3] ?? '']),
    );
    for (const [name, value] of Object.entries(manifest.common)) assert.equal(set.get(name), value, name);
    assert.equal(set.get('Content-Security-Policy'), '{cryptpeer_csp}');
    assert.equal(set.get('Content-Type'), '{cryptpeer_type}');
    assert.equal(set.get('Cache-Control'), '{cryptpeer_cache}');
  });

  test('the type and cache maps give each sample path its resolveHeaders value', () => {
    const types = parseMapBlock(headersFile(), /^map \{path\} \{cryptpeer_type\} \{$/);
    const cache = parseMapBlock(headersFile(), /^map \{path\} \{cryptpeer_cache\} \{$/);
    for (const path of SAMPLE_PATHS) {
      const expected = resolveHeaders(manifest, path);
      assert.equal(lookUp(types, path), expected['Content-Type'], path);
      assert.equal(lookUp(cache, path), expected['Cache-Control'], path);
    }
  });

  test('the Caddyfile imports the headers in the site and in handle_errors, and refuses host-only files', () => {
    const caddyfile = emitCaddyfile(manifest);
    assert.equal([...caddyfile.matchAll(/import cryptpeer-headers\.caddy/g)].length, 2);
    assert.match(caddyfile, /@hostonly path \/_headers\n\terror @hostonly 404/);
    assert.match(caddyfile, /^cryptpeer\.com, https:\/\/ \{$/m);
  });

  test('every server refuses the methods the manifest does not list, and only those', () => {
    const getOnly = { ...manifest, methods: ['GET'] };
    assert.match(emitCaddyfile(getOnly), /^\t@methods not method GET\n\terror @methods 405$/m);
    assert.match(emitNginxHeaders(getOnly), /^if \(\$request_method !~ \^\(GET\)\$\) \{ return 405; \}$/m);
    assert.match(
      emitApache(getOnly),
      /^RewriteCond "%\{REQUEST_METHOD\}" "!\^\(GET\)\$"\nRewriteRule \^ - \[R=405,L\]$/m,
    );
    for (const config of [emitCaddyfile(manifest), emitNginxHeaders(manifest), emitApache(manifest)])
      assert.match(config, /GET.HEAD/);
  });

  test('plain HTTP on any Host redirects to the canonical origin, never to the Host sent', () => {
    const caddyfile = emitCaddyfile({ ...manifest, origin: 'https://docs.example.org' }, 'docs.example.org');
    assert.match(caddyfile, /^http:\/\/ \{\n\tredir https:\/\/docs\.example\.org\{uri\} 301\n\}$/m);
    assert.doesNotMatch(caddyfile, /\{host\}|\{hostport\}/);
  });
});

describe('Apache', () => {
  /** The CSP Apache ends with: the inert one set outside, replaced by each matching `<If =~ m#…#>` in order. */
  function apacheCsp(conf: string, path: string): string | undefined {
    let csp = /^Header always set Content-Security-Policy "([^"]*)"$/m.exec(
      conf.replace(/<If [\s\S]*?<\/If>/g, ''),
    )?.[1];
    for (const m of conf.matchAll(/<If "%\{REQUEST_URI\} =~ m#([^#]*)#">\n([\s\S]*?)\n<\/If>/g)) {
      const set = /^\s*Header always set Content-Security-Policy "([^"]*)"$/m.exec(m[2] ?? '')?.[1];
      if (set !== undefined && new RegExp(m[1] ?? '').test(path)) csp = set;
    }
    return csp;
  }

  test('every route form gets its CSP (later <If> wins), case-sensitively, and every other path the inert one', () => {
    const conf = emitApache(manifest);
    for (const [form, csp] of expectedRouteCsps(manifest)) {
      assert.equal(apacheCsp(conf, form), csp, form);
      assert.equal(apacheCsp(conf, form.toUpperCase()), upperCaseCsp(form), form.toUpperCase());
    }
    for (const path of SAMPLE_PATHS) {
      assert.equal(apacheCsp(conf, path), resolveHeaders(manifest, path)['Content-Security-Policy'], path);
    }
    assert.doesNotMatch(conf, /%\{REQUEST_URI\} in \{/, 'no list of routes');
  });

  test('sets every common header, the inert default CSP, and unsets X-Powered-By', () => {
    const conf = emitApache(manifest);
    const outside = conf.replace(/<If [\s\S]*?<\/If>/g, '');
    for (const [name, value] of Object.entries(manifest.common)) {
      assert.ok(outside.includes(`\nHeader always set ${name} "${value}"\n`), name);
    }
    assert.ok(outside.includes(`\nHeader always set Content-Security-Policy "${manifest.assets.csp.inert}"\n`));
    assert.match(outside, /^Header always unset X-Powered-By$/m);
    // No script has a policy of its own: the Pagefind worker file is an inert asset like any other.
    assert.doesNotMatch(conf, /pagefind-worker/);
  });
});

describe('configs by policy class', () => {
  // The server configs name each policy once, whatever the number of pages: from 500 to 5,000 routes
  // in the page class, not one byte changes (the benchmark prints the sizes at 10,000 pages).
  test('every server config is the same size with 500 and with 5,000 more pages', () => {
    const large = emitAll(withDefaultRoutes(manifest, 5000));
    for (const [file, text] of Object.entries(emitAll(withDefaultRoutes(manifest, 500)))) {
      assert.equal(large[file]?.length, text.length, file);
    }
  });

  test('an exception route whose path a server regex could misread is refused', () => {
    const odd = {
      ...manifest,
      routes: { ...manifest.routes, '/a b#c/': { file: 'x/index.html', csp: "default-src 'self'" } },
    };
    for (const emit of [emitNginxHttp, emitCaddyHeaders, emitApache]) {
      assert.throws(() => emit(odd), { message: /cannot match safely/ }, emit.name);
    }
  });
});

describe('emitters refuse values they cannot write safely', () => {
  const withCommon = (value: string): HeadersManifest => ({
    ...manifest,
    common: { ...manifest.common, 'X-Test': value },
  });
  const withRouteCsp = (csp: string): HeadersManifest => ({
    ...manifest,
    routes: { ...manifest.routes, '/bad/': { file: 'bad/index.html', csp } },
  });

  for (const [label, value] of [
    ['a double quote', 'a"b'],
    ['a newline', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['a backslash', 'a\\b'],
  ] as const) {
    test(`nginx, Caddy and Apache refuse a header value containing ${label}`, () => {
      for (const emit of [emitNginxHeaders, emitCaddyHeaders, emitApache]) {
        assert.throws(() => emit(withCommon(value)), { message: /cannot be quoted safely/ }, emit.name);
      }
      for (const emit of [emitNginxHttp, emitCaddyHeaders, emitApache]) {
        assert.throws(
          () => emit(withRouteCsp(`default-src 'none'; ${value}`)),
          { message: /cannot be quoted safely/ },
          emit.name,
        );
      }
      assert.throws(() => emitAll(withCommon(value)), { message: /cannot be quoted safely/ });
    });
  }

  test('_headers refuses a header value containing a newline (it would start a new rule)', () => {
    assert.throws(() => emitHeadersFile(withCommon('x\n/*\n  Content-Security-Policy: default-src *')));
  });

  test('vercel.json keeps such values intact through JSON escaping', () => {
    const value = 'a"b';
    const parsed = JSON.parse(emitVercel(withCommon(value))) as {
      headers: { headers: { key: string; value: string }[] }[];
    };
    assert.ok(parsed.headers[0]?.headers.some((h) => h.key === 'X-Test' && h.value === value));
  });
});
