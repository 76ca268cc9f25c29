import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { main } from '../../../src/audit/cli/cli.ts';
import type { AuditReport } from '../../../src/audit/report/types.ts';

// Pages that tried to make the audit judge something else than a browser loads: XHTML parsed as
// HTML, a Content-Type sent twice.
const FILES: Record<string, [string, string]> = {};
const PAGES: Record<string, [string[], string]> = {
  '/xhtml': [
    ['application/xhtml+xml'],
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><script/><script src="https://cdn.example/x.js"></script></head></html>',
  ],
  '/xml': [['text/xml'], '<html xmlns="http://www.w3.org/1999/xhtml"><script src="https://cdn.example/x.js"/></html>'],
  '/typed-twice': [['text/html', 'text/html'], '<!doctype html><script src="https://cdn.example/lib.js"></script>'],
};

let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    const file = FILES[req.url ?? ''];
    if (page) res.setHeader('Content-Type', page[0]).end(page[1]);
    else if (file) res.setHeader('Content-Type', file[0]).end(file[1]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

/** The findings of the audit of one page, as [rule, message] pairs, other than the header rules. */
async function audit(path: string): Promise<[string, string][]> {
  let stdout = '';
  await main(['--no-crawl', '--format', 'json', `${base}${path}`], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
  });
  const report = JSON.parse(stdout) as AuditReport;
  const ids = /^(sri|base|third|css|page)-/;
  return report.pages.flatMap((p) =>
    p.findings.filter((f) => ids.test(f.ruleId)).map((f): [string, string] => [f.ruleId, f.message]),
  );
}

describe('the audit judges what a browser loads', () => {
  for (const path of ['/xhtml', '/xml']) {
    test(`${path}: a page browsers parse as XML is page-xml, not a pass`, async () => {
      assert.deepEqual(
        (await audit(path)).map(([id]) => id),
        ['page-xml'],
      );
    });
  }

  test('a page typed text/html twice is still scanned', async () => {
    assert.deepEqual(
      (await audit('/typed-twice')).map(([id]) => id),
      ['sri-missing'],
    );
  });
});
