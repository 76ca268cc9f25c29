import { createReadStream, realpathSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import fresh from 'fresh';
import parseRange from 'range-parser';
import { bodilessHeaders, refusesCrossSite, resolveHeaders, type HeadersManifest } from '../manifest/index.ts';
import { locate } from './locate.ts';
import { chooseRepresentation, type Representation } from './representation.ts';

export interface StaticServerOptions {
  /** Absolute path of the built site. */
  root: string;
  manifest: HeadersManifest;
}

function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Length': '0' });
  res.end();
}

/** Headers of the representation chosen: validators, ranges, and the encoding it was sent in. */
function entityHeaders(rep: Representation): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: rep.etag,
    'Last-Modified': rep.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  if (rep.encoding) headers['Content-Encoding'] = rep.encoding;
  if (rep.varies) headers['Vary'] = 'Accept-Encoding';
  return headers;
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  status: 200 | 404,
  headers: Record<string, string>,
  rep: Representation,
): Promise<void> {
  const all = { ...headers, ...entityHeaders(rep) };
  if (status === 200 && fresh(req.headers, { etag: rep.etag, 'last-modified': all['Last-Modified'] })) {
    const { 'Content-Type': _type, ...rest } = all;
    res.writeHead(304, rest);
    res.end();
    return;
  }
  let start = 0;
  let end = rep.size - 1;
  let code: number = status;
  const range = req.headers.range;
  // If-Range with another validator: the client's copy is stale, so it gets the whole file.
  const ifRange = req.headers['if-range'];
  if (status === 200 && range !== undefined && (ifRange === undefined || ifRange === rep.etag)) {
    const ranges = parseRange(rep.size, range, { combine: true });
    if (ranges === -1) {
      sendEmpty(res, 416, { ...headers, ...entityHeaders(rep), 'Content-Range': `bytes */${rep.size}` });
      return;
    }
    // One range is served; a malformed header (-2) or several ranges get the whole file, as RFC 9110 allows.
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1 && ranges[0]) {
      ({ start, end } = ranges[0]);
      code = 206;
      all['Content-Range'] = `bytes ${start}-${end}/${rep.size}`;
    }
  }
  res.writeHead(code, { ...all, 'Content-Length': String(rep.size === 0 ? 0 : end - start + 1) });
  if (req.method === 'HEAD' || rep.size === 0) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(rep.file, { start, end });
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/** A raw HTTP/1.1 answer for requests Node's parser refused, with the same headers as every other. */
function rawResponse(status: number, headers: Record<string, string>): string {
  const lines = Object.entries({ ...headers, 'Content-Length': '0', Connection: 'close' }).map(
    ([k, v]) => `${k}: ${v}`,
  );
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * `npm start`: serves dist/ with exactly the manifest's headers (the same source as every emitted
 * server config) on every answer, errors and redirects included. GET and HEAD only (405 with
 * `Allow` otherwise), precompressed siblings by Accept-Encoding, strong ETags from the bytes sent
 * (304 on If-None-Match), single byte ranges (206/416), the 404 page with its own headers, no
 * directory listing, no dot files, no symlinks, and cross-site requests other than navigations
 * refused (403) by the manifest's Fetch Metadata rule.
 */
export function createStaticServer({ root, manifest }: StaticServerOptions): Server {
  const realRoot = realpathSync(root);
  // Node's own missing-Host 400 would carry none of the site's headers: refused here instead.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    void (async () => {
      if (req.httpVersion === '1.1' && req.headers.host === undefined) {
        sendEmpty(res, 400, bodilessHeaders(manifest));
        return;
      }
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(',') : value;
      };
      const metadata = {
        method: req.method ?? '',
        site: header('sec-fetch-site'),
        mode: header('sec-fetch-mode'),
        dest: header('sec-fetch-dest'),
      };
      if (refusesCrossSite(manifest, metadata)) {
        sendEmpty(res, 403, bodilessHeaders(manifest));
        return;
      }
      if (!manifest.methods.includes(req.method ?? '')) {
        sendEmpty(res, 405, { ...bodilessHeaders(manifest), Allow: manifest.methods.join(', ') });
        return;
      }
      const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
      if (!rawPath.startsWith('/')) {
        sendEmpty(res, 400, bodilessHeaders(manifest));
        return;
      }
      const target = await locate(realRoot, manifest, rawPath);
      const accept = req.headers['accept-encoding'];
      if (target.kind === 'redirect') {
        sendEmpty(res, 301, { ...bodilessHeaders(manifest), Location: target.location });
        return;
      }
      if (target.kind === 'file') {
        const rep = await chooseRepresentation(manifest, target.file, target.relativeFile, accept);
        await sendFile(req, res, 200, resolveHeaders(manifest, target.urlPath), rep);
        return;
      }
      const page = join(realRoot, manifest.notFound);
      // One stat inside chooseRepresentation, not a whole read just to learn that the page exists.
      const rep = await chooseRepresentation(manifest, page, manifest.notFound.slice(1), accept).catch(() => undefined);
      if (!rep) {
        sendEmpty(res, 404, bodilessHeaders(manifest));
        return;
      }
      await sendFile(req, res, 404, resolveHeaders(manifest, manifest.notFound), rep);
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendEmpty(res, 500, bodilessHeaders(manifest));
      else res.destroy();
    });
  });
  // Requests Node's parser refuses (bad syntax, headers too large) still get the site's headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(rawResponse(status, bodilessHeaders(manifest)));
  });
  return server;
}
