import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { HeadersManifest } from '../manifest/index.ts';
import { brotliQualityFor } from '../security/headers/content-encoding.ts';

type Encoding = HeadersManifest['precompressed']['encodings'][number]['encoding'];

/** Brotli at the policy's quality for the file (src/security/headers/content-encoding.ts), gzip at 9. Deterministic. */
function compress(encoding: Encoding, bytes: Buffer, brotliQuality: number): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  // zlib writes a gzip header with mtime 0 and no file name: the same bytes on every build.
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
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

/** A precompressed sibling, in memory: `index.html.br` and its bytes. */
export interface Sibling {
  file: string;
  encoding: Encoding;
  bytes: Buffer;
}

/** What the step tallies for its log line. */
export interface PrecompressResult {
  /** Every sibling written, relative to dist/. */
  written: string[];
  inputBytes: number;
  /** Bytes of the compressible files as each encoding would send them (a file without a smaller sibling counts as is). */
  encodedBytes: Record<Encoding, number>;
}

export const emptyPrecompressResult = (): PrecompressResult => ({
  written: [],
  inputBytes: 0,
  encodedBytes: { br: 0, gzip: 0 },
});

/**
 * The siblings of `file` (relative to dist/) encoded in memory from its final bytes: one per
 * encoding, only when smaller than the file. Counted into `result`.
 */
export function encodeSiblings(
  file: string,
  bytes: Buffer,
  manifest: HeadersManifest,
  result: PrecompressResult,
): Sibling[] {
  const quality = brotliQualityFor(`/${file}`, manifest.cacheControl.immutablePrefixes);
  const siblings: Sibling[] = [];
  result.inputBytes += bytes.length;
  for (const { encoding, suffix } of manifest.precompressed.encodings) {
    const encoded = compress(encoding, bytes, quality);
    if (encoded.length < bytes.length) {
      siblings.push({ file: file + suffix, encoding, bytes: encoded });
      result.encodedBytes[encoding] += encoded.length;
    } else {
      result.encodedBytes[encoding] += bytes.length;
    }
  }
  return siblings;
}

/**
 * Part of verify: a sibling must decode to exactly the bytes of the file it stands for, so a server
 * sending it sends what was verified. Judged on the sibling's own bytes, decoded, never assumed.
 */
function siblingProblem(sibling: Sibling, original: Buffer, suffix: string): string | undefined {
  let decoded: Buffer;
  try {
    decoded = decompress(sibling.encoding, sibling.bytes);
  } catch {
    return `dist/${sibling.file}: not valid ${sibling.encoding} data`;
  }
  return decoded.equals(original)
    ? undefined
    : `dist/${sibling.file}: does not decode to dist/${sibling.file.slice(0, -suffix.length)}`;
}

const suffixOf = (file: string) => file.slice(file.lastIndexOf('.'));

/** Verify's check of the siblings just encoded from `original`, decoded in memory from their own bytes. */
export function siblingProblems(siblings: readonly Sibling[], original: Buffer): string[] {
  return siblings.flatMap((sibling) => siblingProblem(sibling, original, suffixOf(sibling.file)) ?? []);
}

/**
 * Writes the siblings and lists them in `result.written`. Each is a new file, written once: `wx`
 * fails rather than replace or follow anything already at that name (the tree check found none).
 */
export function writeSiblings(dir: string, siblings: readonly Sibling[], result: PrecompressResult): void {
  for (const sibling of siblings) {
    writeFileSync(join(dir, sibling.file), sibling.bytes, { flag: 'wx' });
    result.written.push(sibling.file);
  }
}

/**
 * Refuses (throws, naming them) siblings already in dist/, which could only come from public/: a
 * server would send one in place of the file the build hardened and verified.
 */
export function refuseStraySiblings(files: readonly string[], manifest: HeadersManifest): void {
  const strays = siblingFiles(files, manifest);
  if (strays.length > 0) {
    throw new Error(
      `[precompress] ${strays.map((f) => `dist/${f}`).join(', ')}: precompressed files are written by the build, never taken from public/; remove them`,
    );
  }
}

/**
 * Writes `.br` and `.gz` beside every compressible file of a dist/ on disk, only when smaller than
 * the file. The build does the same inside its one pass (post-pass.ts), from the bytes in memory.
 */
export function precompressDist(dir: string, files: readonly string[], manifest: HeadersManifest): PrecompressResult {
  refuseStraySiblings(files, manifest);
  const result = emptyPrecompressResult();
  for (const file of compressibleFiles(files, manifest)) {
    writeSiblings(dir, encodeSiblings(file, readFileSync(join(dir, file)), manifest, result), result);
  }
  result.written.sort();
  return result;
}

/** Every sibling among `files` is one the step wrote (`written`): a check on the lists alone. */
export function unwrittenSiblings(
  files: readonly string[],
  manifest: HeadersManifest,
  written: readonly string[],
): string[] {
  const ours = new Set(written);
  return siblingFiles(files, manifest)
    .filter((file) => !ours.has(file))
    .map((file) => `dist/${file}: a precompressed file the build did not write`);
}

/**
 * The siblings of a dist/ on disk, re-read: every one was written by the step and decodes to the
 * file beside it. For a tree checked after the fact (tests, tools); the build checks in memory.
 */
export function verifyPrecompressed(
  dir: string,
  files: readonly string[],
  manifest: HeadersManifest,
  written: readonly string[],
): string[] {
  const problems = unwrittenSiblings(files, manifest, written);
  const present = new Set(files);
  for (const file of written) {
    const { encoding, suffix } = manifest.precompressed.encodings.find((e) => file.endsWith(e.suffix)) ?? {};
    if (!encoding || !suffix || !present.has(file)) {
      problems.push(`dist/${file}: precompressed file missing`);
      continue;
    }
    const original = readFileSync(join(dir, file.slice(0, -suffix.length)));
    const problem = siblingProblem({ file, encoding, bytes: readFileSync(join(dir, file)) }, original, suffix);
    if (problem) problems.push(problem);
  }
  return problems;
}
