import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export type Encoding = 'identity' | 'br' | 'gzip';

export interface FileTransfer {
  path: string;
  status: number;
  contentEncoding: string;
  /** Body bytes as sent: compressed when the server compressed, never decoded. */
  bodyBytes: number;
  /** Everything else the socket received: status line, headers (and chunk framing, if any). */
  headerBytes: number;
}

export interface PageTransfer {
  encoding: Encoding;
  files: FileTransfer[];
  bodyBytes: number;
  headerBytes: number;
}

/**
 * One GET on its own connection (`agent: false`, `Connection: close`), so that the socket's
 * `bytesRead` is exactly this response: headers as the server wrote them, not a reconstruction
 * from Node's parsed header list.
 */
function fetchRaw(
  url: string,
  encoding: Encoding,
): Promise<{ status: number; contentEncoding: string; body: Buffer; wire: number }> {
  return new Promise((done, fail) => {
    const req = request(url, { agent: false, headers: { 'Accept-Encoding': encoding, Connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { socket } = res;
        const finish = () =>
          done({
            status: res.statusCode ?? 0,
            contentEncoding: res.headers['content-encoding'] ?? 'identity',
            body: Buffer.concat(chunks),
            wire: socket.bytesRead,
          });
        if (socket.closed) finish();
        else socket.once('close', finish);
      });
    });
    req.on('error', fail);
    req.end();
  });
}

function decode(body: Buffer, contentEncoding: string): string {
  if (contentEncoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (contentEncoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node;
const attr = (element: T.Element, name: string) => element.attrs.find((a) => a.name === name && !a.prefix)?.value;

/** `<link>` rel values a browser fetches on load (not canonical, alternate…, which are only links). */
const FETCHED_RELS = new Set(['stylesheet', 'icon', 'preload', 'modulepreload', 'apple-touch-icon', 'manifest']);

/**
 * Same-origin files the HTML itself makes the browser fetch: stylesheets, scripts, preloads
 * (the font), icons, images. Fonts reached only through a stylesheet's `@font-face` are left out:
 * which of those a browser fetches depends on the characters on the page (`unicode-range`).
 */
export function referencedFiles(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const found = new Set<string>();
  const stack: T.Node[] = [...parse(html).childNodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    let href: string | undefined;
    if (node.tagName === 'link') {
      const rels = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rels.some((r) => FETCHED_RELS.has(r))) href = attr(node, 'href');
    } else if (node.tagName === 'script' || node.tagName === 'img') {
      href = attr(node, 'src');
    }
    if (href?.trim()) {
      const url = new URL(href.trim(), pageUrl);
      if (url.origin === origin) found.add(url.pathname + url.search);
    }
    // Template contents are not loaded by the browser, so they are not walked.
    if (node.tagName !== 'template') stack.push(...node.childNodes);
  }
  return [...found].sort();
}

/** The home page and what it references, fetched with one `Accept-Encoding`. */
export async function homeTransfer(base: string, encoding: Encoding): Promise<PageTransfer> {
  const home = await fetchRaw(`${base}/`, encoding);
  const files: FileTransfer[] = [];
  const add = (path: string, r: Awaited<ReturnType<typeof fetchRaw>>) =>
    files.push({
      path,
      status: r.status,
      contentEncoding: r.contentEncoding,
      bodyBytes: r.body.length,
      headerBytes: r.wire - r.body.length,
    });
  add('/', home);
  for (const path of referencedFiles(decode(home.body, home.contentEncoding), `${base}/`)) {
    add(path, await fetchRaw(`${base}${path}`, encoding));
  }
  return {
    encoding,
    files,
    bodyBytes: files.reduce((sum, f) => sum + f.bodyBytes, 0),
    headerBytes: files.reduce((sum, f) => sum + f.headerBytes, 0),
  };
}
