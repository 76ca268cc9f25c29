import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditAsCi } from '../../support/audit-cli.ts';
import { LAST_SCRIPT, serveHugePages, type HostileServer } from '../../support/hostile-servers.ts';

// A hostile server: a sitemap of 8 pages of 10 MiB of `<p>` each (the worst markup for a DOM: one
// element per 3 bytes) ending with a script, plus one page a byte over the 10 MiB the audit reads.
// Building each page's tree took 1.4 GB for a single page; the streaming scan keeps only
// script/link/base. Sixteen pages parsed at once on two cores take longer than the default 10 s
// deadline each, hence --timeout.
const PAGES = 8;
// Peak RSS measured 118–178 MB on the loaded 2-core machine at every concurrency (`npm run
// bench:audit` prints it per case; the goal is 200 MB). Before pages were parsed in small pieces it
// was 185–330 MB, and the DOM-building audit went past 1.3 GB at concurrency 1.
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

let server: HostileServer;

before(async () => {
  server = await serveHugePages(PAGES);
});

after(() => server.close());

describe('the audit against a server of huge pages', () => {
  test(
    `scans ${PAGES} × 10 MiB pages to their last script while streaming, and a larger one is page-unjudged`,
    { timeout: 300_000 },
    async () => {
      const { base } = server;
      const report = await auditAsCi(['--concurrency', '16', '--timeout', '120000', `${base}/`]);
      assert.equal(report.pages.length, PAGES + 1);
      const byRule = (id: string) => report.pages.flatMap((p) => p.findings.filter((f) => f.ruleId === id));
      // The script after 10 MiB of markup is found on every page read whole, none is missed.
      assert.deepEqual(
        byRule('sri-missing').map((f) => [f.url, f.message]),
        Array.from({ length: PAGES }, (_, i) => [
          `${base}/p/${i}`,
          `script ${LAST_SCRIPT} (line 2) has no integrity attribute (same-origin)`,
        ]),
      );
      const unjudged = byRule('page-unjudged');
      assert.deepEqual(
        unjudged.map((f) => f.url),
        [`${base}/too-big`],
      );
      assert.match(unjudged[0]?.message ?? '', /larger than the 10 MiB/);
      assert.ok(report.peakRssBytes < RSS_LIMIT_BYTES, `peak RSS ${(report.peakRssBytes / 1e6).toFixed(0)} MB`);
    },
  );
});
