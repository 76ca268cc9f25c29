import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { main } from '../../../src/audit/cli/cli.ts';
import type { AuditReport } from '../../../src/audit/report/types.ts';

// A page sent without Content-Type: browsers sniff it and run its script, so the audit must judge
// that script as on any page (it used to skip every body that was not typed as HTML).
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    res.removeHeader('Date');
    res.writeHead(200, req.url === '/typed' ? { 'Content-Type': 'text/html; charset=utf-8' } : {});
    res.end('<!doctype html><html><head><script src="https://cdn.example/lib.js"></script></head><body></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

for (const path of ['/untyped', '/typed']) {
  test(`${path}: the script a browser would run without integrity is a finding`, async () => {
    let stdout = '';
    await main(['--no-crawl', '--format', 'json', `${base}${path}`], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    const report = JSON.parse(stdout) as AuditReport;
    const ids = report.pages.flatMap((p) => p.findings.map((f) => f.ruleId));
    assert.ok(ids.includes('sri-missing'), ids.join(', '));
  });
}
