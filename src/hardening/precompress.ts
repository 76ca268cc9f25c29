import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync, gzip } from 'node:zlib';
import type { HeadersManifest } from '../manifest/index.ts';
import { brotliQualityFor } from '../security/headers/content-encoding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = HeadersManifest['precompressed']['encodings'][number]['encoding'];

/** Brotli at the policy's quality for the file (src/security/headers/content-encoding.ts), gzip at 9. Deterministic. */
function compress(encoding: Encoding, bytes: Buffer, brotliQuality: number): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  // zlib writes a gzip header with mtime 0 and no file name: the same bytes on every build.
  return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
}

const decompress = (encoding: Encoding, bytes: Buffer): Buffer =>
  encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);

/**
 * The files of `files` (POSIX paths relative to dist/) that may have precompressed siblings. Dot
 * folders (`.well-known/`) are left alone: tree hygiene allows there only the files the project
 * generates by name, and those are a few small documents.
 */
export function compressibleFiles(files: readonly string[], manifest: HeadersManifest): string[] {
  const extensions = new Set(manifest.precompressed.extensions);
  const forbidden = new Set(manifest.forbidden);
  return files.filter((file) => {
    const dot = file.lastIndexOf('.');
    if (file.split('/').some((segment) => segment.startsWith('.'))) return false;
    return dot > file.lastIndexOf('/') && extensions.has(file.slice(dot).toLowerCase()) && !forbidden.has(`/${file}`);
  });
}

/**
 * Sibling files a server would send in place of a compressible file (`x.html.br` for `x.html`),
 * found among `files`. Before the precompress step there must be none: one coming from public/
 * would be served instead of the page the build hardened and verified.
 */
export function siblingFiles(files: readonly string[], manifest: HeadersManifest): string[] {
  const suffixes = manifest.precompressed.encodings.map((e) => e.suffix);
  return files.filter((file) => {
    const suffix = suffixes.find((s) => file.endsWith(s));
    return suffix !== undefined && compressibleFiles([file.slice(0, -suffix.length)], manifest).length > 0;
  });
}

export interface PrecompressResult {
  /** Every sibling written, relative to dist/. */
  written: string[];
  inputBytes: number;
  /** Bytes of the compressible files as each encoding would send them (a file without a smaller sibling counts as is). */
  encodedBytes: Record<Encoding, number>;
}

/**
 * Writes `.br` and `.gz` beside every compressible file, only when smaller than the file. Refuses
 * (throws, naming them) siblings already in dist/, which could only come from public/.
 */
export async function precompressDist(
  dir: string,
  files: readonly string[],
  manifest: HeadersManifest,
): Promise<PrecompressResult> {
  const strays = siblingFiles(files, manifest);
  if (strays.length > 0) {
    throw new Error(
      `[precompress] ${strays.map((f) => `dist/${f}`).join(', ')}: precompressed files are written by the build, never taken from public/; remove them`,
    );
  }
  const targets = compressibleFiles(files, manifest);
  const result: PrecompressResult = { written: [], inputBytes: 0, encodedBytes: { br: 0, gzip: 0 } };
  // A few files at a time: zlib runs on libuv's thread pool, so both cores work.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < targets.length; i = next++) {
      const file = targets[i] ?? '';
      const bytes = await readFile(join(dir, file));
      const quality = brotliQualityFor(`/${file}`, manifest.cacheControl.immutablePrefixes);
      result.inputBytes += bytes.length;
      for (const { encoding, suffix } of manifest.precompressed.encodings) {
        const encoded = await compress(encoding, bytes, quality);
        if (encoded.length < bytes.length) {
          await writeFile(join(dir, file + suffix), encoded, { flag: 'wx' });
          result.written.push(file + suffix);
          result.encodedBytes[encoding] += encoded.length;
        } else {
          result.encodedBytes[encoding] += bytes.length;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  result.written.sort();
  return result;
}

/**
 * Part of verify: every sibling in dist/ is one the step wrote, and decodes to exactly the bytes of
 * the file verify checked, so a server sending it sends what was verified.
 */
export async function verifyPrecompressed(
  dir: string,
  files: readonly string[],
  manifest: HeadersManifest,
  written: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  const ours = new Set(written);
  for (const file of siblingFiles(files, manifest)) {
    if (!ours.has(file)) problems.push(`dist/${file}: a precompressed file the build did not write`);
  }
  for (const file of written) {
    const { encoding, suffix } = manifest.precompressed.encodings.find((e) => file.endsWith(e.suffix)) ?? {};
    if (!encoding || !suffix || !existsSync(join(dir, file))) {
      problems.push(`dist/${file}: precompressed file missing`);
      continue;
    }
    const original = await readFile(join(dir, file.slice(0, -suffix.length)));
    let decoded: Buffer;
    try {
      decoded = decompress(encoding, await readFile(join(dir, file)));
    } catch {
      problems.push(`dist/${file}: not valid ${encoding} data`);
      continue;
    }
    if (!decoded.equals(original))
      problems.push(`dist/${file}: does not decode to dist/${file.slice(0, -suffix.length)}`);
  }
  return problems;
}
