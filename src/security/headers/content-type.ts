/**
 * `Content-Type` by file extension, with a charset on every text type so no browser guesses one.
 * Anything unknown is served as opaque bytes (and nosniff stops the browser from guessing).
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.asc': 'text/plain; charset=utf-8',
  '.sha256': 'text/plain; charset=utf-8',
  '.sha512': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Files without an extension that we serve on purpose, by name. */
export const CONTENT_TYPES_BY_NAME: Readonly<Record<string, string>> = {
  SHA256SUMS: 'text/plain; charset=utf-8',
  SHA512SUMS: 'text/plain; charset=utf-8',
};

export function getContentType(fileName: string): string {
  const byName = CONTENT_TYPES_BY_NAME[fileName.slice(fileName.lastIndexOf('/') + 1)];
  if (byName) return byName;
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? DEFAULT_CONTENT_TYPE;
}
