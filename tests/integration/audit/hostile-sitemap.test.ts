import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { auditAsCi } from '../../support/audit-cli.ts';

// A hostile sitemap: just under the 10 MiB the audit reads, all `<p>` (one element per 3 bytes,
// the worst markup for a tree) and one real entry at the end. The sitemap used to be parsed into a
// parse5 DOM, about 1.4 GB for this; the tokenizer keeps only the <url>/<sitemap> nesting and locs.
const FILLER = '<p>'.repeat(3_400_000);
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<urlset>${FILLER}<url><loc>${base}/only</loc></url></urlset>`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

test('a 10 MiB sitemap of millions of elements is read in bounded memory', { timeout: 120_000 }, async () => {
  const report = await auditAsCi([`${base}/`]);
  assert.deepEqual(
    report.pages.map((p) => p.url),
    [`${base}/only`],
  );
  assert.ok(report.peakRssBytes < RSS_LIMIT_BYTES, `peak RSS ${(report.peakRssBytes / 1e6).toFixed(0)} MB`);
});
