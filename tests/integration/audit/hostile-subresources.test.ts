import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditAsCi, auditNodeFlags } from '../../support/audit-cli.ts';
import {
  LAST_IMPORT,
  LAST_IMPORT_LINE,
  serveHugeScripts,
  serveHugeStylesheets,
  type HostileServer,
} from '../../support/hostile-servers.ts';

// A hostile server: one page pinning 40 same-origin scripts of 8 MiB each (320 MiB in all). The
// audit must verify every hash while the bytes stream in, never holding the files: its peak RSS
// stays far below what keeping them would take (it was 472 MB when it buffered them; now 135–160 MB,
// `npm run bench:audit`).
const SCRIPTS = 40;
const RSS_LIMIT_BYTES = 200 * 1024 * 1024;

// Stylesheets are also scanned for @import while they are hashed, with every ambiguous encoding
// when they name none: the import at the end of each is found. Peak RSS 123–129 MiB for 4 of them
// (`npm run bench:audit`, loaded 2-core machine): they are read one after another.
const SHEETS = 2;

let server: HostileServer;
let sheets: HostileServer;

before(async () => {
  server = await serveHugeScripts(SCRIPTS);
  sheets = await serveHugeStylesheets(SHEETS);
});

after(() => Promise.all([server.close(), sheets.close()]));

describe('the audit against a server of huge subresources', () => {
  test(
    `hashes ${SCRIPTS} × 8 MiB scripts while streaming: every hash checked, peak RSS under 200 MB`,
    { timeout: 300_000 },
    async () => {
      const report = await auditAsCi(['--no-crawl', `${server.base}/`]);
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

  test(
    `scans ${SHEETS} × 8 MiB stylesheets without charset for @import while hashing them, under 200 MB`,
    { timeout: 300_000 },
    async () => {
      const report = await auditAsCi(['--no-crawl', '--timeout', '120000', `${sheets.base}/`]);
      const findings = report.pages.flatMap((p) => p.findings);
      assert.deepEqual(
        findings.filter((f) => f.ruleId.startsWith('sri-')),
        [],
      );
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'css-import').map((f) => f.message),
        Array.from(
          { length: SHEETS },
          (_, i) =>
            `stylesheet /s/${i}.css (line ${i + 2}) imports "${LAST_IMPORT}" (line ${LAST_IMPORT_LINE}), not pinned by integrity`,
        ),
      );
      assert.ok(report.peakRssBytes < RSS_LIMIT_BYTES, `peak RSS ${(report.peakRssBytes / 1e6).toFixed(0)} MB`);
    },
  );

  test('the cryptpeer-audit bin runs the CLI with the same Node flags as npm run audit', () => {
    const bin = readFileSync(resolve('bin/cryptpeer-audit.mjs'), 'utf8');
    assert.ok(auditNodeFlags().length > 0);
    for (const flag of auditNodeFlags()) assert.ok(bin.includes(`'${flag}'`), flag);
  });
});
