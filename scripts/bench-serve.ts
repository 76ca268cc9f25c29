// `npm run bench:serve`: builds the site (and a synthetic ~10,000-page one) in temp projects, serves
// each with npm start, nginx, Caddy (and Apache when installed) on 127.0.0.1 and prints requests/s
// and latency per kind of path, start times, config sizes, the home page's transfer by encoding and
// the search page's time to first result in Chromium. Figures only: it passes or fails nothing.
// Usage: node scripts/bench-serve.ts [--sizes 0,5000] [--requests 2000] [--concurrency 16]
//        [--search-runs 5] [--out bench-serve-results.json] [--keep]
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readManifest, type HeadersManifest } from '../src/manifest/index.ts';
import {
  hasApache,
  startApache,
  startCaddy,
  startNginx,
  startNodeServer,
  type RunningServer,
} from '../tests/e2e/support/servers.ts';
import { createTempProject } from '../tests/support/temp-project.ts';
import { configSizes } from './bench/config-sizes.ts';
import { runLoad, type LoadResult } from './bench/load.ts';
import { searchTiming, type SearchTiming } from './bench/search-timing.ts';
import { writeSyntheticReleases } from './bench/synthetic.ts';
import { homeTransfer, type Encoding, type PageTransfer } from './bench/transfer.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,5000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    'search-runs': { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench-serve-results.json' },
    keep: { type: 'boolean', default: false },
  },
});
const usage = (message: string): never => {
  console.error(`bench:serve: ${message}`);
  process.exit(2);
};
const positive = (name: string, text: string) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : usage(`--${name} must be a positive integer, got ${text}`);
};
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0)) usage(`--sizes must be integers ≥ 0, got ${values.sizes}`);
const requests = positive('requests', values.requests);
const concurrency = positive('concurrency', values.concurrency);
const searchRuns = positive('search-runs', values['search-runs']);

/** Each server is started this many times; the median start time is printed, the last one is measured. */
const STARTS = 3;
/** Polling for the first answer every 5 ms instead of the e2e suite's 100 ms, so start times are not rounded up. */
const POLL_MS = 5;
/** As a browser asks: the bench measures what visitors get, precompressed siblings included. */
const BROWSER_HEADERS = { 'Accept-Encoding': 'br' };
const ENCODINGS: Encoding[] = ['identity', 'br', 'gzip'];

type Starter = (dist: string, deploy: string) => Promise<RunningServer>;
const STARTERS: [string, Starter][] = [
  ['npm start', (dist, deploy) => startNodeServer(dist, join(deploy, 'headers-manifest.json'), POLL_MS)],
  ['nginx', (dist, deploy) => startNginx(dist, deploy, POLL_MS)],
  ['caddy', (dist, deploy) => startCaddy(dist, deploy, POLL_MS)],
  ...(hasApache() ? [['apache', (dist, deploy) => startApache(dist, deploy, POLL_MS)] as [string, Starter]] : []),
];

interface ServerResult {
  name: string;
  startMs: number[];
  startMedianMs: number;
  load: Record<string, LoadResult>;
  transfer: PageTransfer[];
  search: SearchTiming;
}

interface SizeResult {
  releases: number;
  pages: number;
  buildSeconds: number;
  /** Case name → URL path. */
  cases: Record<string, string>;
  largeAssetBytes: number;
  configBytes: Record<string, number>;
  /** 1-minute load average before and after serving: the machine is shared, this says how much. */
  loadAverage: [number, number];
  servers: ServerResult[];
}

/**
 * The largest file a server sends that is not a page: dot folders (`.well-known/`), precompressed
 * siblings and the manifest's forbidden files (`_headers`) are skipped, since no server serves them
 * as such.
 */
function largestAsset(dist: string, manifest: HeadersManifest): { path: string; bytes: number } {
  let best = { path: '', bytes: -1 };
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (!/\.(html|br|gz)$/.test(entry.name) && !manifest.forbidden.includes(path)) {
        const { size } = statSync(join(dir, entry.name));
        if (size > best.bytes) best = { path, bytes: size };
      }
    }
  };
  walk(dist, '');
  return best;
}

/** The paths to load, named: early and late are the ends of the manifest's sorted routes. */
function cases(dist: string, manifest: HeadersManifest) {
  // `/` sorts first and is already the home case: the early route is the next one.
  const routes = Object.keys(manifest.routes)
    .sort()
    .filter((r) => r !== '/');
  const large = largestAsset(dist, manifest);
  return {
    paths: {
      home: '/',
      'large asset': large.path,
      // Not `404`: an integer-like key would come first in the object's order.
      'not found': '/no-such-page/',
      'early route': routes[0] ?? '/',
      'late route': routes.at(-1) ?? '/',
    },
    largeAssetBytes: large.bytes,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Starts one server STARTS times; returns the last one running, with every start time. */
async function startTimed(start: Starter, dist: string, deploy: string) {
  const times: number[] = [];
  for (let i = 1; ; i++) {
    const server = await start(dist, deploy);
    times.push(server.startMs);
    if (i === STARTS) return { server, times };
    await server.stop();
  }
}

async function benchServer(name: string, start: Starter, root: string, paths: Record<string, string>) {
  const dist = join(root, 'dist');
  const deploy = join(root, 'deploy');
  console.error(`bench:serve:   ${name}: ${STARTS} starts …`);
  let started: Awaited<ReturnType<typeof startTimed>>;
  try {
    started = await startTimed(start, dist, deploy);
  } catch (error) {
    throw new Error(`${name} did not start: ${(error as Error).message}`, { cause: error });
  }
  const { server, times } = started;
  try {
    const load: Record<string, LoadResult> = {};
    for (const [label, path] of Object.entries(paths)) {
      console.error(`bench:serve:   ${name}: ${requests} × ${label} (${path}) …`);
      load[label] = await runLoad(server.url + path, { requests, concurrency, headers: BROWSER_HEADERS });
    }
    const transfer: PageTransfer[] = [];
    for (const encoding of ENCODINGS) transfer.push(await homeTransfer(server.url, encoding));
    console.error(`bench:serve:   ${name}: search in Chromium, ${searchRuns} runs of each kind …`);
    const search = await searchTiming(server.url, searchRuns);
    return { name, startMs: times, startMedianMs: median(times), load, transfer, search };
  } finally {
    await server.stop();
  }
}

async function benchSize(releases: number): Promise<SizeResult> {
  const project = createTempProject();
  try {
    // mkdtemp makes the project 0700: Apache, which drops root to www-data, would answer 403 to
    // everything (nginx's wrapper keeps `user root`). The e2e suite serves the real checkout instead.
    chmodSync(project.root, 0o755);
    if (releases > 0) writeSyntheticReleases(project.root, releases);
    console.error(`bench:serve: building ${releases} synthetic release notes × 2 locales in ${project.root} …`);
    const built = performance.now();
    const result = project.build({ timeoutMs: 3_600_000, env: { SOURCE_DATE_EPOCH: '1795651200' } });
    const buildSeconds = (performance.now() - built) / 1000;
    if (result.status !== 0) throw new Error(`build failed for ${releases}:\n${result.output.slice(-3000)}`);
    const manifest = readManifest(join(project.root, 'deploy', 'headers-manifest.json'));
    const { paths, largeAssetBytes } = cases(join(project.root, 'dist'), manifest);
    const before = loadavg()[0] ?? 0;
    const servers: ServerResult[] = [];
    for (const [name, start] of STARTERS) servers.push(await benchServer(name, start, project.root, paths));
    return {
      releases,
      pages: Object.keys(manifest.routes).length,
      buildSeconds,
      cases: paths,
      largeAssetBytes,
      configBytes: configSizes(project.root),
      loadAverage: [before, loadavg()[0] ?? 0],
      servers,
    };
  } finally {
    if (values.keep) console.error(`bench:serve: kept ${project.root}`);
    else project.remove();
  }
}

function table(header: string[], rows: string[][], leftColumns = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const siteName = (r: SizeResult) => `${r.releases}×2 (${r.pages} p)`;

function print(results: SizeResult[]): void {
  console.log(`\nload: ${requests} requests per case, ${concurrency} concurrent, keep-alive, Accept-Encoding: br`);
  for (const r of results) {
    console.log(
      `  ${siteName(r)}: ${Object.entries(r.cases)
        .map(([label, path]) => `${label} ${path}`)
        .join(', ')} (${r.largeAssetBytes} B); load average ${fmt(r.loadAverage[0], 2)} → ${fmt(r.loadAverage[1], 2)}`,
    );
  }
  table(
    ['site', 'server', 'case', 'req/s', 'p50 ms', 'p99 ms', 'B/resp', 'statuses'],
    results.flatMap((r) =>
      r.servers.flatMap((s) =>
        Object.entries(s.load).map(([label, l]) => [
          siteName(r),
          s.name,
          label,
          fmt(l.requestsPerSecond, 0),
          fmt(l.p50Ms, 2),
          fmt(l.p99Ms, 2),
          fmt(l.bodyBytes / l.requests, 0),
          Object.entries(l.statuses)
            .map(([status, n]) => `${status}×${n}`)
            .join(' '),
        ]),
      ),
    ),
    3,
  );

  console.log(`\nstart: ms from spawn until / first answered (median of ${STARTS}, then each start)`);
  table(
    ['site', 'server', 'median ms', 'starts ms'],
    results.flatMap((r) =>
      r.servers.map((s) => [siteName(r), s.name, fmt(s.startMedianMs), s.startMs.map((t) => fmt(t)).join(' ')]),
    ),
    2,
  );

  console.log('\nconfig bytes by file');
  const files = [...new Set(results.flatMap((r) => Object.keys(r.configBytes)))].sort();
  table(
    ['file', ...results.map(siteName)],
    files.map((f) => [f, ...results.map((r) => String(r.configBytes[f] ?? '-'))]),
  );

  console.log('\nhome page transfer: bytes as sent (body + status line and headers), HTML + the files it references');
  table(
    ['site', 'server', 'files', ...ENCODINGS.flatMap((e) => [`${e} body`, `${e} hdr`, `${e} total`])],
    results.flatMap((r) =>
      r.servers.map((s) => [
        siteName(r),
        s.name,
        String(s.transfer[0]?.files.length ?? 0),
        ...s.transfer.flatMap((t) => [String(t.bodyBytes), String(t.headerBytes), String(t.bodyBytes + t.headerBytes)]),
      ]),
    ),
    2,
  );
  const sample = results[0]?.servers[0]?.transfer.find((t) => t.encoding === 'br');
  if (sample) {
    console.log(
      `  files (${results[0]?.servers[0]?.name}, br): ${sample.files.map((f) => `${f.path} ${f.status} ${f.contentEncoding} ${f.bodyBytes}+${f.headerBytes}`).join(', ')}`,
    );
  }

  console.log(
    `\nsearch "HKDF" in headless Chromium: ms from navigation start to the first result (median of ${searchRuns})`,
  );
  table(
    ['site', 'server', '?q= URL', 'typed', 'typed, from key', 'runs (?q= URL)', 'errors'],
    results.flatMap((r) =>
      r.servers.map((s) => [
        siteName(r),
        s.name,
        fmt(s.search.sharedUrlMedianMs, 0),
        fmt(s.search.typedMedianMs, 0),
        fmt(s.search.typedFromKeyMedianMs, 0),
        s.search.sharedUrlMs.map((t) => fmt(t, 0)).join(' '),
        String(s.search.errors.length),
      ]),
    ),
    2,
  );
  for (const s of results.flatMap((r) => r.servers)) {
    for (const error of s.search.errors) console.log(`  ${s.name}: ${error}`);
  }
}

const results: SizeResult[] = [];
try {
  for (const releases of sizes) results.push(await benchSize(releases));
} catch (error) {
  console.error(`bench:serve: ${(error as Error).message}`);
  process.exit(1);
}
print(results);
writeFileSync(
  values.out,
  `${JSON.stringify({ options: { requests, concurrency, searchRuns, starts: STARTS }, results }, null, 2)}\n`,
);
console.log(`\n${values.out} written`);
