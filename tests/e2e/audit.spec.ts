import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { resolveHeaders } from '../../src/manifest/index.ts';
import type { AuditReport } from '../../src/audit/report/types.ts';
import { parseXmlStrict } from '../unit/audit/helpers/xml-wellformed.ts';
import { manifest, servers, sitemapPaths } from './support/env.ts';
import { freePort } from './support/ports.ts';

const MANIFEST = 'deploy/headers-manifest.json';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as CI runs it: a subprocess of this Node, killed if it outlives `timeoutMs`. */
function audit(args: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/audit.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

const ruleIds = (report: AuditReport) =>
  [...new Set([...report.site.findings, ...report.pages.flatMap((p) => p.findings)].map((f) => f.ruleId))].sort();

const tempDir = () => mkdtempSync(join(tmpdir(), 'cryptpeer-audit-'));

test.describe('header audit CLI on the real servers', () => {
  for (const server of servers()) {
    test(`${server.name}: every sitemap page audits clean against the manifest, in every format`, async () => {
      const base = [`${server.url}/`, '--expect', MANIFEST];
      const json = await audit([...base, '--format', 'json']);
      expect(json.stderr).toBe('');
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as AuditReport;
      expect(report.mode).toBe('sitemap');
      expect(report.pages.map((p) => new URL(p.url).pathname).sort()).toEqual([...sitemapPaths()].sort());
      expect(report.summary.subresources).toBeGreaterThan(0);
      expect(ruleIds(report)).toEqual([]);
      for (const page of report.pages) {
        expect(page.status, page.url).toBe(200);
        expect(page.rulesChecked, page.url).toEqual(
          expect.arrayContaining(['manifest-drift', 'sri-mismatch', 'csp-missing']),
        );
      }
      expect(report.site).toMatchObject({ score: 100, grade: 'A+' });
      expect(report.notes.join('\n')).toContain('127.0.0.1 is a loopback host');

      const text = await audit(base);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^site grade A\+ \(100\/100\): 0 findings; PASS/m);

      const dir = tempDir();
      const sarifRun = await audit([...base, '--format', 'sarif', '--output', join(dir, 'audit.sarif')]);
      const junitRun = await audit([...base, '--format', 'junit', '--output', join(dir, 'audit.xml')]);
      expect([sarifRun.code, junitRun.code]).toEqual([0, 0]);
      expect(sarifRun.stdout).toMatch(/sarif report written to .*audit\.sarif: \d+ pages, site grade A\+/);
      expect(readdirSync(dir).sort()).toEqual(['audit.sarif', 'audit.xml']);

      const sarif = JSON.parse(readFileSync(join(dir, 'audit.sarif'), 'utf8')) as {
        version: string;
        $schema: string;
        runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } }; results: unknown[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
      expect(sarif.runs).toHaveLength(1);
      expect(sarif.runs[0]?.tool.driver.name).toBe('cryptpeer-audit');
      expect(sarif.runs[0]?.tool.driver.rules.length).toBeGreaterThan(30);
      expect(sarif.runs[0]?.results).toEqual([]);

      const junit = parseXmlStrict(readFileSync(join(dir, 'audit.xml'), 'utf8'));
      expect(junit.name).toBe('testsuites');
      expect(junit.attrs['failures']).toBe('0');
      expect(junit.children.filter((c) => c.name === 'testsuite')).toHaveLength(report.pages.length + 1);
    });
  }
});

type Mode = 'bare' | 'leaky' | 'tampered';

/**
 * A deliberately weakened server for dist/ (loopback, port 0): `bare` sends no security header at
 * all, `leaky` sends the manifest's headers but `'unsafe-inline'` in the CSP and its software
 * versions, `tampered` sends the manifest's headers but a stylesheet whose bytes changed.
 */
function weakServer(mode: Mode): Promise<{ url: string; server: Server }> {
  const dist = resolve('dist');
  const m = manifest();
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.xml': 'application/xml; charset=utf-8',
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist + sep) || !existsSync(file)) file = join(dist, '404.html');
    let body = readFileSync(file);
    const contentType = types[extname(file)] ?? 'application/octet-stream';
    let headers: Record<string, string> = { 'Content-Type': contentType };
    if (mode !== 'bare') headers = { ...resolveHeaders(m, path), 'Content-Type': contentType };
    if (mode === 'leaky' && contentType.startsWith('text/html')) {
      headers['Content-Security-Policy'] =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";
      headers['Server'] = 'nginx/1.22.1';
      headers['X-Powered-By'] = 'Express';
    }
    if (mode === 'tampered' && file.endsWith('.css')) body = Buffer.concat([body, Buffer.from('\n/* changed */\n')]);
    res.writeHead(file.endsWith('404.html') ? 404 : 200, headers);
    res.end(body);
  };
  return new Promise((done) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server });
    });
  });
}

test.describe('header audit CLI on weakened servers', () => {
  const sites = new Map<Mode, { url: string; server: Server }>();

  test.beforeAll(async () => {
    for (const mode of ['bare', 'leaky', 'tampered'] as const) sites.set(mode, await weakServer(mode));
  });

  test.afterAll(async () => {
    await Promise.all([...sites.values()].map(({ server }) => new Promise<void>((done) => server.close(() => done()))));
  });

  const urlOf = (mode: Mode) => sites.get(mode)?.url ?? '';

  test('no security headers at all: exit 1 with exactly the presence rules on every page', async () => {
    const run = await audit([`${urlOf('bare')}/`, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as AuditReport;
    const expected = [
      'coop-missing',
      'corp-missing',
      'csp-missing',
      'framing-unprotected',
      'hsts-missing',
      'nosniff-missing',
      'permissions-policy-missing',
      'referrer-policy-missing',
    ];
    expect(ruleIds(report)).toEqual(expected);
    for (const page of report.pages) expect([...new Set(page.findings.map((f) => f.ruleId))].sort()).toEqual(expected);
    expect(report.pages.length).toBe(sitemapPaths().length);
    expect(report.site.grade).toBe('F');
  });

  test("'unsafe-inline' and version headers: exit 1 with exactly those rules, exit 0 with --fail-on critical", async () => {
    const run = await audit([`${urlOf('leaky')}/`, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(ruleIds(report)).toEqual(['csp-unsafe-inline', 'info-leak-header', 'server-version']);
    expect(report.pages[0]?.findings.map((f) => f.message)).toEqual([
      "style-src allows 'unsafe-inline'",
      'X-Powered-By: "Express" is sent',
      'Server "nginx/1.22.1" discloses a version',
    ]);
    const lenient = await audit([`${urlOf('leaky')}/`, '--fail-on', 'critical']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/PASS \(nothing at or above critical\)/);
  });

  test('drift from the manifest names the header, expected and actual values', async () => {
    const run = await audit([`${urlOf('leaky')}/fr/`, '--no-crawl', '--expect', MANIFEST, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(report.mode).toBe('urls');
    const drift = report.pages[0]?.findings.filter((f) => f.ruleId === 'manifest-drift') ?? [];
    expect(drift.map((f) => f.header)).toEqual(['Content-Security-Policy']);
    expect(drift[0]?.expected).toBe(resolveHeaders(manifest(), '/fr/')['Content-Security-Policy']);
    expect(drift[0]?.actual).toContain("'unsafe-inline'");
  });

  test('a stylesheet changed after the build: sri-mismatch on every page, reported in SARIF and JUnit files', async () => {
    const dir = tempDir();
    const sarifRun = await audit([`${urlOf('tampered')}/`, '--format', 'sarif', '--output', join(dir, 'a.sarif')]);
    const junitRun = await audit([`${urlOf('tampered')}/`, '--format', 'junit', '--output', join(dir, 'a.xml')]);
    expect([sarifRun.code, junitRun.code]).toEqual([1, 1]);
    const sarif = JSON.parse(readFileSync(join(dir, 'a.sarif'), 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(new Set(results.map((r) => `${r.ruleId} ${r.level}`))).toEqual(new Set(['sri-mismatch error']));
    expect(results).toHaveLength(sitemapPaths().length);
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const junit = parseXmlStrict(readFileSync(join(dir, 'a.xml'), 'utf8'));
    expect(junit.attrs['failures']).toBe(String(sitemapPaths().length));
  });
});

test.describe('header audit CLI errors (exit 2, one line naming the argument or URL)', () => {
  test('a server that is down', async () => {
    const port = await freePort();
    const crawl = await audit([`http://127.0.0.1:${port}/`]);
    expect(crawl.code).toBe(2);
    expect(crawl.stdout).toBe('');
    expect(crawl.stderr).toBe(`audit: http://127.0.0.1:${port}/sitemap.xml: connection refused (ECONNREFUSED)\n`);
    const dir = tempDir();
    const page = await audit([`http://127.0.0.1:${port}/fr/`, '--no-crawl', '--output', join(dir, 'r.json')]);
    expect(page.code).toBe(2);
    expect(page.stderr).toBe(`audit: http://127.0.0.1:${port}/fr/: connection refused (ECONNREFUSED)\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a server that never answers, and one without a sitemap', async () => {
    const silent = createServer(() => undefined);
    const empty = createServer((_req, res) => res.writeHead(404).end());
    await Promise.all([silent, empty].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))));
    try {
      const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      const slow = await audit([silentUrl, '--no-crawl', '--timeout', '300']);
      expect(slow.code).toBe(2);
      expect(slow.stderr).toBe(`audit: ${silentUrl}: no answer within 300 ms (--timeout)\n`);
      const emptyUrl = `http://127.0.0.1:${(empty.address() as AddressInfo).port}/`;
      const missing = await audit([emptyUrl]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^audit: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml: HTTP 404; no sitemap to crawl/);
    } finally {
      silent.closeAllConnections();
      await Promise.all([silent, empty].map((s) => new Promise<void>((done) => s.close(() => done()))));
    }
  });

  test('usage errors', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-manifest.json'), '{"version": 1}');
    const url = 'http://127.0.0.1:9/';
    const cases: [string[], RegExp][] = [
      [[], /^audit: no URL to audit/],
      [[url, '--frobnicate'], /^audit: unknown option --frobnicate/],
      [['localhost:4321'], /^audit: URL "localhost:4321" is not an http\(s\) URL/],
      [['not a url'], /^audit: URL "not a url" is not a URL/],
      [[url, '--fail-on', 'severe'], /^audit: --fail-on "severe": expected one of info, low, medium, high, critical/],
      [[url, '--format', 'html'], /^audit: --format "html"/],
      [[url, '--max-pages', '-1'], /--max-pages/],
      [[url, '--expect', join(dir, 'missing.json')], /^audit: --expect .*missing\.json: cannot read it \(ENOENT\)/],
      [
        [url, '--expect', join(dir, 'not-a-manifest.json')],
        /^audit: --expect .*not-a-manifest\.json: not a headers manifest/,
      ],
      [[url, '--output', join(dir, 'no', 'such', 'dir', 'r.xml')], /^audit: --output .*r\.xml: cannot write in/],
    ];
    for (const [args, message] of cases) {
      const run = await audit(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
