// Pagefind's browser runtime (dist/pagefind/pagefind.js), as the search page imports it through its
// import map: only the calls src/search/ui.ts makes.
declare module 'pagefind-runtime' {
  export interface PagefindResultData {
    url: string;
    excerpt: string;
    meta: { title?: string };
  }
  export function options(options: Record<string, unknown>): Promise<void>;
  export function init(): Promise<void>;
  /** Fetches the index chunks a query needs, without searching. */
  export function preload(query: string): Promise<void>;
  export function search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}
