import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { HeadersManifest } from '../hardening/manifest.ts';
import { UsageError } from './errors.ts';

const headerMap = z.record(z.string(), z.string());

// The shape resolveHeaders() relies on; checked once so a wrong file is a usage error, not a crash mid-audit.
const manifestSchema = z.object({
  version: z.literal(1),
  origin: z.string(),
  common: headerMap,
  routes: z.record(z.string(), z.object({ file: z.string(), csp: z.string(), declaration: z.string().optional() })),
  notFound: z.string(),
  assets: z.object({
    csp: z.object({ inert: z.string(), 'wasm-worker': z.string() }),
    wasmWorkers: z.array(z.string()),
    contentTypes: headerMap,
    contentTypesByName: headerMap,
    defaultContentType: z.string(),
  }),
  cacheControl: z.object({ immutablePrefixes: z.array(z.string()), immutable: z.string(), revalidate: z.string() }),
  forbidden: z.array(z.string()),
}) satisfies z.ZodType<HeadersManifest>;

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--expect ${path}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(root)';
    throw new UsageError(`--expect ${path}: not a headers manifest: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
