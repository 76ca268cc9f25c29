import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeadersManifest } from '../manifest/index.ts';
import type { SecurityOptions } from '../security/options.ts';
import { DistFiles } from './dist-files.ts';
import type { BuildTrust } from './trust.ts';
import { verifyPage } from './verify-page.ts';

// One share of the verify step's page checks, apart from verify.ts for the same reason as
// harden-share.ts: no import cycle through the worker.

/** Page-level checks for the given HTML files (one worker's share, or all of them). */
export function verifyFiles(
  dir: string,
  htmlFiles: readonly string[],
  manifest: HeadersManifest,
  options: SecurityOptions,
  trust: BuildTrust,
  dist: DistFiles = new DistFiles(dir),
): string[] {
  return htmlFiles.flatMap((file) =>
    verifyPage({ file, html: readFileSync(join(dir, file), 'utf8'), manifest, options, trust, dist }),
  );
}
