/**
 * The search page's import map, as its layout renders it: Pagefind's runtime is written after the
 * Astro build, so the page imports it by this bare name and the harden step adds its SRI to the map.
 * The route declaration holds the same text: an import map is allowed only when it is exactly this.
 */
export const SEARCH_IMPORT_MAP = JSON.stringify({ imports: { 'pagefind-runtime': '/pagefind/pagefind.js' } });
