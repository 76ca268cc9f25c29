import { realpath, stat } from 'node:fs/promises';
import { join, normalize, relative, sep } from 'node:path';
import { isPrecompressedSibling, type HeadersManifest } from '../manifest/index.ts';

export type Target =
  | { kind: 'file'; file: string; relativeFile: string; urlPath: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

/**
 * Maps a request path to a file inside root, or to missing for anything that could escape root or
 * reach what must not be served: encoded or plain dot segments (`/.%2f_headers`), NUL bytes,
 * backslashes, dot files and folders other than `.well-known`, files reserved to static hosts, and
 * precompressed siblings asked for by name, and symlinks (resolved, the file must still be inside root). Paths are matched exactly, case included.
 */
export async function locate(root: string, manifest: HeadersManifest, rawPath: string): Promise<Target> {
  // A path starting with // (or an encoded one) could become a protocol-relative redirect elsewhere.
  if (rawPath.startsWith('//') || /^\/%2f/i.test(rawPath)) return { kind: 'missing' };
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'missing' };
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return { kind: 'missing' };
  const segments = urlPath.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s.startsWith('.') && !(i === 0 && s === '.well-known'))))
    return { kind: 'missing' };
  if (manifest.forbidden.includes(urlPath) || isPrecompressedSibling(manifest, urlPath)) return { kind: 'missing' };
  const file = normalize(join(root, urlPath));
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'missing' };
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      // Redirect with the path as received (still encoded), always same-origin.
      if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `/${rawPath.replace(/^\/+/, '')}/` };
      return await fileTarget(root, join(file, 'index.html'), urlPath);
    }
    if (info.isFile()) return await fileTarget(root, file, urlPath);
  } catch {
    // not found: fall through
  }
  return { kind: 'missing' };
}

async function fileTarget(root: string, file: string, urlPath: string): Promise<Target> {
  const real = await realpath(file);
  if (real !== file || !(await stat(real)).isFile()) return { kind: 'missing' };
  return { kind: 'file', file, relativeFile: relative(root, file).split(sep).join('/'), urlPath };
}
