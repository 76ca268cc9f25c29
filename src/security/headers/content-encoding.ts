/**
 * Precompressed siblings: which encodings the build writes next to a file (`index.html.br`,
 * `index.html.gz`), in the order a server prefers them, and which files get them. Decided here like
 * every other serving value, so the build, `npm start` and each server config agree.
 */
export const PRECOMPRESSED_ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Text formats only: images, fonts, PDFs and Pagefind's fragments are already compressed, and a
 * second pass would only cost CPU.
 */
export const COMPRESSIBLE_EXTENSIONS = [
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.txt',
  '.csv',
  '.svg',
  '.wasm',
  '.webmanifest',
] as const;

/**
 * Brotli effort by file. On this site's 1.5 MB of text files quality 11 took 3.4 s and quality 5
 * 0.05 s, for 12 % fewer bytes: worth it for the files most visits load (the hashed assets under
 * the immutable prefixes, and Pagefind's runtime), not for each page's own HTML, which one visit
 * loads once and which, at 10,000 pages, would make compression alone outlast the rest of the build.
 */
export const BROTLI_QUALITY = { shared: 11, perPage: 5 } as const;

/** Files outside the immutable prefixes that every search loads. */
const SHARED_FILES = ['/pagefind/pagefind.js'];

/** The brotli quality for `urlPath` (`/_astro/site.css`, `/fr/index.html`). */
export function brotliQualityFor(urlPath: string, immutablePrefixes: readonly string[]): number {
  const shared = SHARED_FILES.includes(urlPath) || immutablePrefixes.some((prefix) => urlPath.startsWith(prefix));
  return shared ? BROTLI_QUALITY.shared : BROTLI_QUALITY.perPage;
}
