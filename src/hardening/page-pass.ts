import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeOfFile, type HeadersManifest } from '../manifest/index.ts';
import type { SecurityOptions } from '../security/options.ts';
import { DistFiles } from './dist-files.ts';
import type { PageOutcome } from './harden-share.ts';
import { hardenPage } from './harden-page.ts';
import {
  compressibleFiles,
  emptyPrecompressResult,
  encodeSiblings,
  siblingProblems,
  writeSiblings,
  type PrecompressResult,
} from './precompress.ts';
import type { BuildTrust } from './trust.ts';
import { verifyPage } from './verify-page.ts';
import { writeOnce } from './write-once.ts';

/**
 * CPU milliseconds spent in each part of the pass, summed over threads: where the pass goes, read
 * the same on a loaded machine as on an idle one (a wall clock would count other processes' turns).
 */
export interface PassTimes {
  read: number;
  harden: number;
  verify: number;
  precompress: number;
  write: number;
}

/** This thread's CPU time (user + system), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export const emptyPassTimes = (): PassTimes => ({ read: 0, harden: 0, verify: 0, precompress: 0, write: 0 });

/** What one share of the pass produced: the pages' manifest entries, verify's findings, the siblings. */
export interface PageShare {
  pages: PageOutcome[];
  hashedBytes: number;
  problems: string[];
  compressed: PrecompressResult;
  times: PassTimes;
}

/**
 * One share of the post-build pass over HTML pages: each page is read once, hardened in memory,
 * verified on the very bytes that will be served (decoded and parsed by parse5 as a browser would,
 * never judged from harden's own model of its edits), compressed from those bytes, each sibling
 * decoded again in memory and compared with them, and only then written, once (new file + rename).
 * `base` is the manifest without routes: each page is verified against it plus its own route.
 */
export function passPages(
  dir: string,
  files: readonly string[],
  base: HeadersManifest,
  options: SecurityOptions,
  trust: BuildTrust,
  dist: DistFiles = new DistFiles(dir),
): PageShare {
  const hashedBefore = dist.hashedBytes;
  const share: PageShare = {
    pages: [],
    hashedBytes: 0,
    problems: [],
    compressed: emptyPrecompressResult(),
    times: emptyPassTimes(),
  };
  const { times } = share;
  let t = cpuMs();
  const lap = (part: keyof PassTimes) => {
    const now = cpuMs();
    times[part] += now - t;
    t = now;
  };
  for (const file of files) {
    const path = join(dir, file);
    const html = readFileSync(path, 'utf8');
    lap('read');
    const route = routeOfFile(file);
    const result = hardenPage(html, route, file, dist, options, trust);
    const declared = result.declaration === undefined ? {} : { declaration: result.declaration };
    const entry = { file, csp: result.csp, ...declared };
    const bytes = Buffer.from(result.html);
    lap('harden');
    // The page's route as the manifest will hold it (post-pass.ts checks that the assembled one does).
    const manifest = { ...base, routes: { [route]: entry } };
    // Verify reads the bytes that will be written, decoded again: never the string harden built.
    const served = bytes.toString('utf8');
    share.problems.push(...verifyPage({ file, html: served, manifest, options, trust, dist }));
    lap('verify');
    const compressible = compressibleFiles([file], base).length > 0;
    const siblings = compressible ? encodeSiblings(file, bytes, base, share.compressed) : [];
    lap('precompress');
    share.problems.push(...siblingProblems(siblings, bytes));
    lap('verify');
    writeOnce(path, bytes);
    writeSiblings(dir, siblings, share.compressed);
    lap('write');
    share.pages.push({ ...entry, inlineHashes: result.inlineHashes, htmlBytes: Buffer.byteLength(html) });
  }
  share.hashedBytes = dist.hashedBytes - hashedBefore;
  return share;
}
