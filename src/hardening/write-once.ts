import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file of dist/ once: a new dot file beside it, renamed over it. A reader never sees a
 * half-written page, nothing is truncated and rewritten, and `wx` refuses a temporary name that is
 * already taken (it could be a link planted to redirect the write). If the write fails the build
 * fails with it; the dot name keeps a leftover unserved.
 */
export function writeOnce(path: string, bytes: Buffer | string): void {
  const temporary = join(dirname(path), `.${basename(path)}.writing`);
  writeFileSync(temporary, bytes, { flag: 'wx' });
  renameSync(temporary, path);
}
