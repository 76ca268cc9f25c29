import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { resolveHeaders, type HeadersManifest } from '../manifest/index.ts';

export interface StaticServerOptions {
  /** Absolute path of the built site. */
  root: string;
  manifest: HeadersManifest;
}

type Target =
  { kind: 'file'; file: string; urlPath: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/**
 * Maps a request path to a file inside root. Returns missing for anything that could escape root
 * (encoded dot segments, NUL bytes, backslashes) and for files reserved to static hosts.
 */
async function locate(root: string, manifest: HeadersManifest, rawPath: string): Promise<Target> {
  // A path starting with // (or an encoded one) could become a protocol-relative redirect elsewhere.
  if (rawPath.startsWith('//') || /^\/%2f/i.test(rawPath)) return { kind: 'missing' };
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'missing' };
  }
  if (urlPath.includes('\0') || urlPath.includes('\\') || urlPath.split('/').includes('..')) return { kind: 'missing' };
  if (manifest.forbidden.includes(urlPath)) return { kind: 'missing' };
  const file = normalize(join(root, urlPath));
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'missing' };
  try {
    const info = await stat(file);
    if (info.isFile()) return { kind: 'file', file, urlPath };
    if (info.isDirectory()) {
      // Redirect with the path as received (still encoded), always same-origin.
      if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `/${rawPath.replace(/^\/+/, '')}/` };
      const index = join(file, 'index.html');
      if ((await stat(index)).isFile()) return { kind: 'file', file: index, urlPath };
    }
  } catch {
    // not found: fall through
  }
  return { kind: 'missing' };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * `npm start`: serves dist/ with exactly the manifest's headers (the same source as every emitted
 * server config), GET and HEAD only, the 404 page with its own headers, no directory listing.
 */
export function createStaticServer({ root, manifest }: StaticServerOptions): Server {
  const normalisedRoot = normalize(root).replace(/[\\/]+$/, '');
  return createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, { ...resolveHeaders(manifest, manifest.notFound), Allow: 'GET, HEAD' }, Buffer.alloc(0));
        return;
      }
      const target = await locate(normalisedRoot, manifest, path);
      if (target.kind === 'redirect') {
        send(
          req,
          res,
          301,
          { ...manifest.common, Location: target.location, 'Cache-Control': manifest.cacheControl.revalidate },
          Buffer.alloc(0),
        );
        return;
      }
      if (target.kind === 'file') {
        send(req, res, 200, resolveHeaders(manifest, target.urlPath), await readFile(target.file));
        return;
      }
      const notFound = await readFile(join(normalisedRoot, manifest.notFound)).catch(() => Buffer.from('Not found\n'));
      send(req, res, 404, resolveHeaders(manifest, manifest.notFound), notFound);
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, manifest.common);
      res.end();
    });
  });
}
