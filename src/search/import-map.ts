/**
 * The search page's import map, as its layout renders it: Pagefind's runtime is written after the
 * Astro build, so the page imports it by this bare name and the harden step adds its SRI to the map.
 * The route declaration holds the same text: an import map is allowed only when it is exactly this.
 */
export const SEARCH_IMPORT_MAP = JSON.stringify({ imports: { 'pagefind-runtime': '/pagefind/pagefind.js' } });

/**
 * Pagefind asks for `pagefind-entry.json?ts=<tag>`, with the time as the tag unless one is given.
 * A fixed tag makes that URL known when the page is written, so the page can preload it; caching is
 * unaffected (every Pagefind file is sent with `no-cache` and revalidated).
 */
export const PAGEFIND_CACHE_TAG = 'site';

/** What Pagefind fetches before it can answer, in the page's language: preloaded by the search page. */
export function pagefindPreloads(language: string): string[] {
  return [`/pagefind/pagefind-entry.json?ts=${PAGEFIND_CACHE_TAG}`, `/pagefind/wasm.${language}.pagefind`];
}
