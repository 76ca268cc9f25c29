import { randomBytes } from 'node:crypto';
import { access, constants, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../net/errors.ts';

/** Checked before the audit runs, so a typo in `--output` does not cost a whole crawl. */
export async function assertWritableTarget(file: string): Promise<void> {
  const dir = dirname(resolve(file));
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `--output ${file}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (
    await stat(file).then(
      (s) => s.isDirectory(),
      () => false,
    )
  ) {
    throw new UsageError(`--output ${file}: is a directory`);
  }
}

/**
 * Writes the report next to its destination, then renames it into place: a CI step reading the
 * file never sees half a report, and a failed run leaves the previous file untouched.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new UsageError(
      `--output ${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}
