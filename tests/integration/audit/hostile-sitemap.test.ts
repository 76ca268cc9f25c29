import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditAsCi } from '../../support/audit-cli.ts';
import { serveHugeSitemap, type HostileServer } from '../../support/hostile-servers.ts';

// A hostile sitemap: just under the 10 MiB the audit reads, all `<p>` (one element per 3 bytes,
// the worst markup for a tree) and one real entry at the end. The sitemap used to be parsed into a
// parse5 DOM, about 1.4 GB for this; the tokenizer, fed as the body streams in, keeps only the
// <url>/<sitemap> nesting and the locs (peak RSS measured 120–155 MB; `npm run bench:audit`).
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

let server: HostileServer;

before(async () => {
  server = await serveHugeSitemap();
});

after(() => server.close());

test('a 10 MiB sitemap of millions of elements is read in bounded memory', { timeout: 120_000 }, async () => {
  const report = await auditAsCi([`${server.base}/`]);
  assert.deepEqual(
    report.pages.map((p) => p.url),
    [`${server.base}/only`],
  );
  assert.ok(report.peakRssBytes < RSS_LIMIT_BYTES, `peak RSS ${(report.peakRssBytes / 1e6).toFixed(0)} MB`);
});
