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
