import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeOfFile } from '../manifest/index.ts';
import type { SecurityOptions } from '../security/options.ts';
import { DistFiles } from './dist-files.ts';
import { hardenPage } from './harden-page.ts';
import type { BuildTrust } from './trust.ts';
import { writeOnce } from './write-once.ts';

// One share of the harden step, kept apart from harden.ts so that the worker (worker-task.ts) and
// the orchestrator (harden.ts → parallel.ts) do not import each other.

/** What hardening one page produced. */
export interface PageOutcome {
  file: string;
  csp: string;
  declaration?: string;
  inlineHashes: number;
  htmlBytes: number;
}

/** Hardens the given HTML files in place (one worker's share, or all of them). */
export function hardenFiles(
  dir: string,
  files: readonly string[],
  options: SecurityOptions,
  trust: BuildTrust,
  dist: DistFiles = new DistFiles(dir),
): { pages: PageOutcome[]; hashedBytes: number } {
  const hashedBefore = dist.hashedBytes;
  const pages = files.map((file) => {
    const path = join(dir, file);
    const html = readFileSync(path, 'utf8');
    const result = hardenPage(html, routeOfFile(file), file, dist, options, trust);
    writeOnce(path, result.html);
    const declared = result.declaration === undefined ? {} : { declaration: result.declaration };
    return {
      file,
      csp: result.csp,
      ...declared,
      inlineHashes: result.inlineHashes,
      htmlBytes: Buffer.byteLength(html),
    };
  });
  return { pages, hashedBytes: dist.hashedBytes - hashedBefore };
}
