import { readFile } from 'node:fs/promises';
import type { HeadersManifest } from '../../manifest/index.ts';
import type { ExpectedHeaders } from '../checks/drift.ts';
import { UsageError } from '../net/errors.ts';

// The manifest contract, and zod which validates it, is loaded only for --expect: about 15 MB of
// resident code and heap that an audit without it would carry into its peak against a hostile server.
const contract = () => import('../../manifest/index.ts');

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
  const { ManifestError, parseManifest } = await contract();
  try {
    return parseManifest(text, `--expect ${path}`);
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/** `--expect <file>` as the audit compares with it: the manifest's headers for each path. */
export async function loadExpectedHeaders(path: string): Promise<ExpectedHeaders> {
  const manifest = await loadManifest(path);
  const { resolveHeaders } = await contract();
  return { notFound: manifest.notFound, headersFor: (urlPath) => resolveHeaders(manifest, urlPath) };
}
