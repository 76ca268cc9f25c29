import type { SecurityOptions } from '../security/options.ts';
import { routeOfFile, type HeadersManifest } from '../manifest/index.ts';
import { createManifest } from './create-manifest.ts';
import { DistFiles } from './dist-files.ts';
import { assembleHardening, HOST_ONLY_FILES, type HardenResult } from './harden.ts';
import { cpuMs, emptyPassTimes, type PageShare, type PassTimes } from './page-pass.ts';
import { runShared } from './parallel.ts';
import {
  compressibleFiles,
  emptyPrecompressResult,
  encodeSiblings,
  refuseStraySiblings,
  siblingProblems,
  unwrittenSiblings,
  writeSiblings,
  type PrecompressResult,
} from './precompress.ts';
import type { BuildTrust } from './trust.ts';
import { verifyManifest } from './verify.ts';
import { verifyModules } from './verify-modules.ts';
import { verifySvg } from './verify-svg.ts';

export interface PassResult extends HardenResult {
  /** Every gap verify found; the build is refused when there is one. */
  problems: string[];
  compressed: PrecompressResult;
  /** CPU milliseconds spent in each part, summed over the threads that ran it. */
  times: PassTimes;
}

/** The assembled manifest holds, for each page, the very entry the page was verified against. */
export function sameAsVerified(
  manifest: HeadersManifest,
  base: HeadersManifest,
  shares: readonly PageShare[],
): string[] {
  const problems: string[] = [];
  if (JSON.stringify({ ...manifest, routes: {} }) !== JSON.stringify(base))
    problems.push('headers manifest: its common part differs from the one the pages were verified against');
  for (const page of shares.flatMap((s) => s.pages)) {
    const route = routeOfFile(page.file);
    const entry = manifest.routes[route];
    if (entry?.file !== page.file || entry.csp !== page.csp || entry.declaration !== page.declaration)
      problems.push(`headers manifest: route ${route} is not the entry dist/${page.file} was verified against`);
  }
  return problems;
}

/**
 * The files that are not pages, in this thread while the workers take the pages: each compressible
 * file read once, its siblings encoded, decoded again in memory and written; SVG documents and
 * JavaScript modules checked from the same bytes.
 */
async function passAssets(
  dir: string,
  files: readonly string[],
  base: HeadersManifest,
  options: SecurityOptions,
  trust: BuildTrust,
  times: PassTimes,
  compressed: PrecompressResult,
): Promise<string[]> {
  const dist = new DistFiles(dir);
  const problems: string[] = [];
  let t = cpuMs();
  for (const file of compressibleFiles(files, base)) {
    if (file.endsWith('.html')) continue;
    const bytes = dist.readListed(file);
    const siblings = encodeSiblings(file, bytes, base, compressed);
    problems.push(...siblingProblems(siblings, bytes));
    writeSiblings(dir, siblings, compressed);
  }
  times.precompress += cpuMs() - t;
  t = cpuMs();
  problems.push(...files.filter((f) => f.endsWith('.svg')).flatMap((f) => verifySvg(f, dist, options, trust)));
  problems.push(...(await verifyModules(files, dist, trust)));
  times.verify += cpuMs() - t;
  return problems;
}

/**
 * Harden, verify and precompress as one pass over dist/ (`files`, from the tree check's walk):
 * every file is read once and written once, every check judges the bytes as written, and the
 * headers manifest is assembled from the pages' entries. Pages are shared among worker threads on
 * large sites (page-pass.ts); the other files are handled here meanwhile. Throws before writing
 * anything when dist/ already holds a precompressed sibling.
 */
export async function passDist(
  dir: string,
  files: readonly string[],
  options: SecurityOptions,
  trust: BuildTrust,
): Promise<PassResult> {
  const base = createManifest(options, {}, { forbidden: HOST_ONLY_FILES });
  refuseStraySiblings(files, base);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const pending = runShared('pass', dir, htmlFiles, { options, trust, manifest: base });
  const times = emptyPassTimes();
  const compressed = emptyPrecompressResult();
  // Both awaited together: a failure on either side fails the pass, none is left unhandled.
  const [assetProblems, shares] = await Promise.all([
    passAssets(dir, files, base, options, trust, times, compressed),
    pending as Promise<PageShare[]>,
  ]);

  const hardened = assembleHardening(shares, options);
  const t = cpuMs();
  for (const share of shares) {
    for (const part of Object.keys(times) as (keyof PassTimes)[]) times[part] += share.times[part];
    compressed.written.push(...share.compressed.written);
    compressed.inputBytes += share.compressed.inputBytes;
    for (const encoding of ['br', 'gzip'] as const)
      compressed.encodedBytes[encoding] += share.compressed.encodedBytes[encoding];
  }
  compressed.written.sort();
  const problems = [
    ...shares.flatMap((s) => s.problems),
    ...assetProblems,
    ...sameAsVerified(hardened.manifest, base, shares),
    ...verifyManifest(htmlFiles, hardened.manifest, options),
    ...unwrittenSiblings([...files, ...compressed.written], hardened.manifest, compressed.written),
  ];
  times.verify += cpuMs() - t;
  return { ...hardened, problems, compressed, times };
}
