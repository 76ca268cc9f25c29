import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditAsCi, auditNodeFlags } from '../../support/audit-cli.ts';

// A hostile server: one page pinning 40 same-origin scripts of 8 MiB each (320 MiB in all). The
// audit must verify every hash while the bytes stream in, never holding the files: its peak RSS
// stays far below what keeping them would take (it was 472 MB when it buffered them).
const SCRIPTS = 40;
const CHUNK = Buffer.alloc(64 * 1024, 'console.log(1);\n');
const CHUNKS = (8 * 1024 * 1024) / CHUNK.length;
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

const digest = (algorithm: string) => {
  const hash = createHash(algorithm);
  for (let i = 0; i < CHUNKS; i++) hash.update(CHUNK);
  return hash.digest('base64');
};

let server: Server;
let base = '';

before(async () => {
  const sha384 = `sha384-${digest('sha384')}`;
  // Right for sha256, wrong for sha512: browsers check only the strongest algorithm, so this fails.
  const weakOnly = `sha256-${digest('sha256')} sha512-${'A'.repeat(86)}==`;
  const page = `<!doctype html><html lang="en"><head><title>hostile</title></head><body>
${Array.from({ length: SCRIPTS }, (_, i) => `<script src="/s/${i}.js" integrity="${sha384}"></script>`).join('\n')}
<script src="/s/weak.js" integrity="${weakOnly}"></script>
</body></html>`;
  server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (!req.url?.startsWith('/s/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    let sent = 0;
    const pump = () => {
      while (sent < CHUNKS) {
        sent++;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

describe('the audit against a server of huge subresources', () => {
  test(
    `hashes ${SCRIPTS} × 8 MiB scripts while streaming: every hash checked, peak RSS under 200 MB`,
    { timeout: 300_000 },
    async () => {
      const report = await auditAsCi(['--no-crawl', `${base}/`]);
      const [page] = report.pages;
      assert.ok(page, 'one page audited');
      const sri = page.findings.filter((f) => f.ruleId.startsWith('sri-'));
      // The 40 right hashes pass; only the script whose strongest hash is wrong is flagged.
      assert.deepEqual(
        sri.map((f) => [f.ruleId, f.message]),
        [['sri-mismatch', 'script /s/weak.js (line 42): the bytes served do not match its integrity']],
      );
      assert.equal(report.summary.subresources, SCRIPTS + 1);
      assert.ok(report.peakRssBytes < RSS_LIMIT_BYTES, `peak RSS ${(report.peakRssBytes / 1e6).toFixed(0)} MB`);
    },
  );

  test('the cryptpeer-audit bin runs the CLI with the same Node flags as npm run audit', () => {
    const bin = readFileSync(resolve('bin/cryptpeer-audit.mjs'), 'utf8');
    assert.ok(auditNodeFlags().length > 0);
    for (const flag of auditNodeFlags()) assert.ok(bin.includes(`'${flag}'`), flag);
  });
});
