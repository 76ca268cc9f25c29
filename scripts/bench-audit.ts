// `npm run bench:audit`: runs the audit CLI, with npm run audit's Node flags, against the hostile
// loopback servers of tests/integration/audit/ (8 pages of 10 MiB of `<p>`, 40 scripts of 8 MiB, a
// 10 MiB sitemap of `<p>`) and prints its peak RSS per case and concurrency, median and worst of
// --runs, against the 200 MiB goal. Figures only: it passes or fails nothing (the tests assert what
// the audit reports). Usage: node scripts/bench-audit.ts [--runs 5] [--out bench-audit-results.json]
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { auditAsCi, auditNodeFlags } from '../tests/support/audit-cli.ts';
import {
  serveHugePages,
  serveHugeScripts,
  serveHugeStylesheets,
  serveHugeSitemap,
  type HostileServer,
} from '../tests/support/hostile-servers.ts';

/** The tests' bound, as they write it: 200 × 1024 × 1024 bytes. */
const GOAL_MIB = 200;
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench-audit-results.json' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench:audit: --runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}

interface Case {
  name: string;
  serve: () => Promise<HostileServer>;
  /** The CLI arguments before the URL; the default concurrency (4) unless given. */
  args: string[];
}

// As the tests run them: a generous deadline, as 16 pages parsed at once on 2 cores take long.
const timeout = ['--timeout', '120000'];
const CASES: Case[] = [
  ...['1', '4', '16'].map((c) => ({
    name: `8 × 10 MiB pages, concurrency ${c}`,
    serve: () => serveHugePages(8),
    args: [...timeout, '--concurrency', c],
  })),
  { name: '40 × 8 MiB scripts', serve: () => serveHugeScripts(40), args: [...timeout, '--no-crawl'] },
  { name: '4 × 8 MiB stylesheets', serve: () => serveHugeStylesheets(4), args: [...timeout, '--no-crawl'] },
  { name: '10 MiB sitemap', serve: serveHugeSitemap, args: timeout },
];

interface Row {
  case: string;
  peakRssMB: number[];
  durationMs: number[];
  medianMB: number;
  worstMB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(`node ${process.version}, audit flags ${auditNodeFlags().join(' ')}, ${cpus().length} CPUs`);
console.log(`load average before: ${load()}`);
const rows: Row[] = [];
for (const c of CASES) {
  const server = await c.serve();
  const row: Row = { case: c.name, peakRssMB: [], durationMs: [], medianMB: 0, worstMB: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const report = await auditAsCi([...c.args, `${server.base}/`]);
      row.peakRssMB.push(Math.round(report.peakRssBytes / 1024 / 1024));
      row.durationMs.push(report.durationMs);
    }
  } finally {
    await server.close();
  }
  row.medianMB = median(row.peakRssMB);
  row.worstMB = Math.max(...row.peakRssMB);
  rows.push(row);
  console.log(
    `${c.name.padEnd(34)} peak RSS median ${String(row.medianMB).padStart(4)} MiB, worst ${String(row.worstMB).padStart(4)} MiB` +
      ` (${row.peakRssMB.join(', ')}); ${(median(row.durationMs) / 1000).toFixed(1)} s median`,
  );
}
const worst = Math.max(...rows.map((r) => r.worstMB));
console.log(`load average after: ${load()}`);
console.log(
  `goal: peak RSS < ${GOAL_MIB} MiB in every case: ${worst < GOAL_MIB ? 'met' : 'missed'} (worst ${worst} MiB)`,
);
writeFileSync(values.out, `${JSON.stringify({ node: process.version, flags: auditNodeFlags(), rows }, null, 2)}\n`);
console.log(`${values.out} written`);
