import { readFileSync } from 'node:fs';
import { formatIssues } from '../schemas/issues.ts';
import { manifestSchema, type HeadersManifest } from './schema.ts';

/** A manifest file that cannot be used, with the file and, for a wrong shape, the field. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Parses manifest JSON text read from `file` (named in every error). Every consumer goes through
 * here rather than casting the JSON: a stale or hand-edited manifest is then an error naming the
 * field, not a server that sends `undefined` as a header value.
 */
export function parseManifest(text: string, file: string): HeadersManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    // The first problem is enough to know the file is stale or edited by hand.
    throw new ManifestError(formatIssues(`${file}: not a headers manifest`, result.error.issues.slice(0, 1)));
  }
  return result.data;
}

/** Reads and checks the manifest at `file`. */
export function readManifest(file: string): HeadersManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ManifestError(`${file}: cannot read it (${code})`, { cause: error });
  }
  return parseManifest(text, file);
}
