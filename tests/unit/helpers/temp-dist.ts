import { createHash, randomBytes } from 'node:crypto';
import { sealDeclaration } from '../../../src/security/declaration-seal.ts';
import { ROUTE_DECLARATIONS, type RouteDeclaration } from '../../../src/security/route-declarations.ts';
import type { BuildTrust } from '../../../src/hardening/trust.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Relative path (POSIX) → contents. */
export type Files = Readonly<Record<string, string | Uint8Array>>;

export interface TempDist {
  /** The folder that plays dist/ (absolute, no trailing slash). */
  dir: string;
  /** The temp folder holding `dir`, for files that must sit outside dist/. */
  parent: string;
  read(path: string): string;
  write(path: string, contents: string | Uint8Array): void;
  remove(): void;
}

/** Writes `files` into a fresh `<tmp>/cryptpeer-<label>-XXXX/dist`. */
export function makeDist(label: string, files: Files): TempDist {
  const parent = mkdtempSync(join(tmpdir(), `cryptpeer-${label}-`));
  const dir = join(parent, 'dist');
  const write = (path: string, contents: string | Uint8Array) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  };
  mkdirSync(dir);
  for (const [path, contents] of Object.entries(files)) write(path, contents);
  return {
    dir,
    parent,
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    write,
    remove: () => {
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** `sha384-…` / `sha256-…` computed here with node:crypto, independently of src/standards/sri.ts. */
export function sri(algorithm: 'sha256' | 'sha384' | 'sha512', bytes: string | Uint8Array): string {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

/** A minimal HTML page: `head` goes after `<meta charset>`, `body` inside `<body>`. */
export function page(head: string, body = '<h1>Page</h1>', lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Page</title>${head}</head><body>${body}</body></html>\n`;
}

export const CSS = 'body { color: #123; }\n';
export const FONT_CSS = "@font-face { font-family: Inter; src: url('/_astro/inter.abc123.woff2') format('woff2'); }\n";
export const JS = 'document.documentElement.dataset.ready = "1";\n';
export const INLINE_SCRIPT = '\n  window.answer = 42;\n  ';
export const INLINE_STYLE = '\n    .hero { margin: 0 }\n  ';

/** The real registry plus `app`, a route whose test components declare an inline script and style. */
export const TEST_DECLARATIONS: Record<string, RouteDeclaration> = {
  ...ROUTE_DECLARATIONS,
  app: {
    reason: 'test route with a module, an inline script and an inline style',
    capabilities: [],
    modules: true,
    importMaps: [],
    inlineScripts: [INLINE_SCRIPT],
    inlineStyles: [INLINE_STYLE],
    forms: true,
    pagefindMeta: false,
  },
  runner: {
    reason: 'test route that runs WebAssembly in a worker and fetches',
    capabilities: ['wasm', 'worker'],
    modules: true,
    importMaps: [],
    inlineScripts: [],
    inlineStyles: [],
    forms: false,
    pagefindMeta: false,
  },
};

/** A build's trust context for tests: its own seal key, the test registry, the given public/ files. */
export function testTrust(publicFiles: readonly string[] = []): BuildTrust {
  return { sealKey: randomBytes(32), publicFiles: new Set(publicFiles), declarations: TEST_DECLARATIONS };
}

/** The shared trust of the fixture sites below. */
export const TEST_TRUST = testTrust(['/favicon.svg', '/robots.txt']);

/** The sealed marker a RouteDeclaration component renders, for `trust`'s key. */
export const declare = (name: string, trust: BuildTrust = TEST_TRUST) =>
  `<meta name="cryptpeer-route" content="${name}" data-seal="${sealDeclaration(name, Buffer.from(trust.sealKey))}">`;

/**
 * A small but complete built site: two locales, a 404 page, hashed assets under /_astro/, a
 * pagefind worker, a favicon, and on the home and search pages (declared routes) a module script
 * and, on the home page, an inline script and style.
 */
export function siteFiles(): Record<string, string | Uint8Array> {
  return {
    'index.html': page(
      `${declare('app')}<link rel="stylesheet" href="/_astro/site.abc123.css"><script type="module" src="/_astro/app.abc123.js"></script>`,
      `<h1>Home</h1><script>${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style>`,
    ),
    'fr/index.html': page('<link rel="stylesheet" href="/_astro/site.abc123.css">', '<h1>Accueil</h1>', 'fr'),
    'threat-model/index.html': page('<link rel="stylesheet" href="/_astro/fonts.abc123.css">', '<h1>Threat model</h1>'),
    'search/index.html': page(
      `${declare('runner')}<script type="module" src="/_astro/app.abc123.js"></script>`,
      '<h1>Search</h1>',
    ),
    '404.html': page('<link rel="stylesheet" href="/_astro/site.abc123.css">', '<h1>Not found</h1>'),
    '_astro/site.abc123.css': CSS,
    '_astro/fonts.abc123.css': FONT_CSS,
    '_astro/app.abc123.js': JS,
    '_astro/inter.abc123.woff2': new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 2, 3]),
    'pagefind/pagefind-worker.js': 'self.onmessage = () => {};\n',
    'pagefind/pagefind-entry.json': '{"version":"1.0.0"}\n',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'robots.txt': 'User-agent: *\nAllow: /\n',
    'data.xyz': 'opaque',
  };
}
