import { createHash } from 'node:crypto';
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '../../src/audit/net/http.ts';

// Loopback servers that attack the audit's memory, shared by tests/integration/audit/hostile-*.ts
// (which judge what the audit reports) and scripts/bench-audit.ts (which measures its peak RSS).

export interface HostileServer {
  base: string;
  close: () => Promise<void>;
}

async function listen(handler: (base: string) => RequestListener): Promise<HostileServer> {
  let base = '';
  const server = createServer((req, res) => handler(base)(req, res));
  // The audit parses while it reads: keep idle connections open longer than a parse takes.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Writes `chunk` to `res` until `bytes` are sent (the last one cut), then `tail`, respecting backpressure. */
function pump(res: ServerResponse, chunk: Buffer, bytes: number, tail = ''): void {
  let sent = 0;
  const next = () => {
    while (sent < bytes) {
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += part.length;
      if (!res.write(part)) return void res.once('drain', next);
    }
    res.end(tail);
  };
  next();
}

/** The script each huge page ends with, on its second line: found only if the whole page is scanned. */
export const LAST_SCRIPT = '/end.js';
const P = Buffer.from('<p>'.repeat(21_845));

/**
 * `<p>` (the worst markup for a DOM: one element per 3 bytes) up to `total` bytes, ending with a
 * script without integrity. Whole `<p>` only, so the script's tag is not glued to a cut one.
 */
function sendHugePage(res: ServerResponse, total: number): void {
  const tail = `\n<script src="${LAST_SCRIPT}"></script>`;
  const filler = Math.floor((total - tail.length) / 3) * 3;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  pump(res, P, filler, ' '.repeat(total - tail.length - filler) + tail);
}

/**
 * A sitemap of `pages` pages of exactly the MAX_BODY_BYTES the audit reads, and `/too-big`, one
 * byte more, whose last script lies past the limit.
 */
export function serveHugePages(pages: number): Promise<HostileServer> {
  return listen((base) => (req, res) => {
    if (req.url === '/sitemap.xml') {
      const locs = [...Array.from({ length: pages }, (_, i) => `/p/${i}`), '/too-big'];
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<urlset>${locs.map((l) => `<url><loc>${base}${l}</loc></url>`).join('')}</urlset>`);
      return;
    }
    sendHugePage(res, req.url === '/too-big' ? MAX_BODY_BYTES + 1 : MAX_BODY_BYTES);
  });
}

const JS = Buffer.alloc(64 * 1024, 'console.log(1);\n');
const JS_CHUNKS = (8 * 1024 * 1024) / JS.length;

function jsDigest(algorithm: string): string {
  const hash = createHash(algorithm);
  for (let i = 0; i < JS_CHUNKS; i++) hash.update(JS);
  return hash.digest('base64');
}

/**
 * One page (`/`) pinning `scripts` same-origin scripts of 8 MiB each with their right sha384, and
 * `/s/weak.js` (line `scripts + 2`) whose sha256 is right and sha512, the strongest, wrong.
 */
export function serveHugeScripts(scripts: number): Promise<HostileServer> {
  const sha384 = `sha384-${jsDigest('sha384')}`;
  const weakOnly = `sha256-${jsDigest('sha256')} sha512-${'A'.repeat(86)}==`;
  const page = `<!doctype html><html lang="en"><head><title>hostile</title></head><body>
${Array.from({ length: scripts }, (_, i) => `<script src="/s/${i}.js" integrity="${sha384}"></script>`).join('\n')}
<script src="/s/weak.js" integrity="${weakOnly}"></script>
</body></html>`;
  return listen(() => (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    if (!req.url?.startsWith('/s/')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    pump(res, JS, JS_CHUNKS * JS.length);
  });
}

/**
 * A sitemap just under the MAX_BODY_BYTES the audit reads, all `<p>` (one element per 3 bytes)
 * but for one real entry at the end, `/only`, a small page.
 */
export function serveHugeSitemap(): Promise<HostileServer> {
  const filler = '<p>'.repeat(Math.floor((MAX_BODY_BYTES - 200) / 3));
  return listen((base) => (req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<urlset>${filler}<url><loc>${base}/only</loc></url></urlset>`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html>');
  });
}

/** What each huge stylesheet ends with: found only if the whole file is scanned. */
export const LAST_IMPORT = '/css/last.css';
// 32-byte lines, each with a quote inside an unquoted url() that must not open a string.
const CSS_LINE = "a{background:url(x'y.png)}     \n";
const CSS = Buffer.from(CSS_LINE.repeat(2048));
const CSS_CHUNKS = (8 * 1024 * 1024) / CSS.length;
/** The line of LAST_IMPORT in each stylesheet. */
export const LAST_IMPORT_LINE = CSS_CHUNKS * 2048 + 1;
const CSS_TAIL = `@import "${LAST_IMPORT}";`;

/**
 * One page (`/`) pinning `sheets` same-origin stylesheets of 8 MiB each, sent without a charset
 * (so the audit reads each with every ambiguous encoding) and ending with an `@import`.
 */
export function serveHugeStylesheets(sheets: number): Promise<HostileServer> {
  const hash = createHash('sha384');
  for (let i = 0; i < CSS_CHUNKS; i++) hash.update(CSS);
  const sri = `sha384-${hash.update(CSS_TAIL).digest('base64')}`;
  const links = Array.from(
    { length: sheets },
    (_, i) => `<link rel="stylesheet" href="/s/${i}.css" integrity="${sri}">`,
  );
  const page = `<!doctype html><html lang="en"><head><title>hostile</title>\n${links.join('\n')}\n</head></html>`;
  return listen(() => (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    if (!req.url?.startsWith('/s/')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/css' });
    pump(res, CSS, CSS_CHUNKS * CSS.length, CSS_TAIL);
  });
}
