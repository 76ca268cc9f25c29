import { readFile } from 'node:fs/promises';
import { ManifestError, parseManifest, type HeadersManifest } from '../../manifest/index.ts';
import { UsageError } from '../net/errors.ts';

/** Reads `--expect <file>`: unreadable, not JSON or not a headers manifest are usage errors naming the file. */
export async function loadManifest(path: string): Promise<HeadersManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--expect ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  try {
    return parseManifest(text, `--expect ${path}`);
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
