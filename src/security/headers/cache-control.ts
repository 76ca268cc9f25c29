/** `Cache-Control` for a file whose name carries its content hash: never changes, cache a year. */
export const getImmutableCacheControl = (): string => 'public, max-age=31536000, immutable';

/**
 * `Cache-Control` for everything else (HTML, security.txt, documents): caches must revalidate,
 * so a fixed advisory or a new CSP reaches readers at once.
 */
export const getRevalidateCacheControl = (): string => 'no-cache';
