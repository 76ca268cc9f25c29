import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { main } from '../../../src/audit/cli/cli.ts';
import type { AuditReport } from '../../../src/audit/report/types.ts';

// Two real loopback servers: the audited site on 127.0.0.1 and "another host" on 127.0.0.2 (same
// machine, another origin). The other host serves perfect headers, so judging it would pass.
const GOOD_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'none'; style-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

function listen(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

async function audit(url: string): Promise<{ code: number; report: AuditReport }> {
  let stdout = '';
  const code = await main(['--no-crawl', '--format', 'json', url], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
  });
  return { code, report: JSON.parse(stdout) as AuditReport };
}

describe('the audit never leaves the origin it was given', () => {
  let site: Server;
  let other: Server;
  let otherHits = 0;
  let base = '';
  let otherBase = '';

  before(async () => {
    other = await listen('127.0.0.2', (_req, res) => {
      otherHits++;
      res.writeHead(200, GOOD_HEADERS).end('<!doctype html><title>elsewhere</title>');
    });
    otherBase = `http://127.0.0.2:${portOf(other)}`;
    site = await listen('127.0.0.1', (req, res) => {
      const redirects: Record<string, [number, string]> = {
        '/away': [302, `${otherBase}/`],
        '/scheme': [301, 'javascript:alert(1)'],
        '/old': [301, '/new'],
        '/loop': [302, '/loop'],
      };
      const redirect = redirects[req.url ?? ''];
      if (redirect) res.writeHead(redirect[0], { Location: redirect[1] }).end();
      else res.writeHead(200, GOOD_HEADERS).end('<!doctype html><title>here</title>');
    });
    base = `http://127.0.0.1:${portOf(site)}`;
  });
  after(() => {
    site.close();
    other.close();
  });

  test('a redirect to another host is a finding naming the target, and that host is never contacted', async () => {
    const { code, report } = await audit(`${base}/away`);
    const [page] = report.pages;
    assert.ok(page);
    assert.equal(code, 1);
    assert.equal(page.status, 302);
    const found = page.findings.find((f) => f.ruleId === 'redirect-off-origin');
    assert.match(found?.message ?? '', new RegExp(`redirecting to ${otherBase}/, another origin`));
    assert.equal(otherHits, 0);
  });

  test('a redirect to a non-HTTP scheme is refused the same way', async () => {
    const { report } = await audit(`${base}/scheme`);
    assert.match(report.pages[0]?.findings.map((f) => f.message).join('\n') ?? '', /javascript:alert\(1\)/);
  });

  test('a redirect within the origin is followed and the final page judged', async () => {
    const { report } = await audit(`${base}/old`);
    const [page] = report.pages;
    assert.ok(page);
    assert.equal(page.status, 200);
    assert.equal(page.finalUrl, `${base}/new`);
    assert.ok(!page.findings.some((f) => f.ruleId === 'redirect-off-origin' || f.ruleId === 'page-status'));
  });

  test('a redirect loop ends with a network error (exit 2), not a hang', async () => {
    let stderr = '';
    const code = await main(['--no-crawl', `${base}/loop`], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    assert.equal(code, 2);
    assert.match(stderr, /more than 10 redirects/);
  });
});
