import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { precompressedEncodingsOf, type HeadersManifest } from '../manifest/index.ts';

export interface Representation {
  /** The file sent: the original or its precompressed sibling. */
  file: string;
  encoding: string | undefined;
  size: number;
  mtime: Date;
  /** Strong validator from the bytes sent (RFC 9110 §8.8.3): each encoding has its own. */
  etag: string;
  /** True when the file has precompressed siblings, so the answer varies with Accept-Encoding. */
  varies: boolean;
}

/** The codings the client accepts (`br;q=0` and `identity` aside), by RFC 9110 §12.5.3. */
export function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  let wildcard = false;
  const refused = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!name) continue;
    if (!(weight > 0)) refused.add(name);
    else if (name === '*') wildcard = true;
    else accepted.add(name);
  }
  if (wildcard) for (const coding of ['br', 'gzip']) if (!refused.has(coding)) accepted.add(coding);
  return accepted;
}

const cache = new Map<string, { size: number; mtimeMs: number; etag: string }>();

async function etagOf(file: string, size: number, mtimeMs: number): Promise<string> {
  const known = cache.get(file);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.etag;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const etag = `"${hash.digest('base64url').slice(0, 27)}"`;
  cache.set(file, { size, mtimeMs, etag });
  return etag;
}

/** The best representation of `file` for a client sending `acceptEncoding`, as the manifest allows. */
export async function chooseRepresentation(
  manifest: HeadersManifest,
  file: string,
  relativeFile: string,
  acceptEncoding: string | undefined,
): Promise<Representation> {
  const encodings = precompressedEncodingsOf(manifest, `/${relativeFile}`);
  const accepted = acceptedCodings(acceptEncoding);
  for (const { encoding, suffix } of encodings) {
    if (!accepted.has(encoding)) continue;
    const info = await stat(file + suffix).catch(() => undefined);
    if (!info?.isFile()) continue;
    const etag = await etagOf(file + suffix, info.size, info.mtimeMs);
    return { file: file + suffix, encoding, size: info.size, mtime: info.mtime, etag, varies: true };
  }
  const info = await stat(file);
  const etag = await etagOf(file, info.size, info.mtimeMs);
  return { file, encoding: undefined, size: info.size, mtime: info.mtime, etag, varies: encodings.length > 0 };
}
