// A bare specifier resolved by the page's import map, which carries the file's SRI hash. Static, so
// the browser fetches it together with this module, before running it.
import * as pagefind from 'pagefind-runtime';
import type { PagefindResultData } from 'pagefind-runtime';
import { parseExcerpt } from './excerpt.ts';
import { PAGEFIND_CACHE_TAG } from './import-map.ts';

const MAX_RESULTS = 10;

function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** Builds one result with DOM APIs only: a link and an excerpt of text nodes and <mark> elements. */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const heading = document.createElement('h2');
  heading.append(link);
  const excerpt = document.createElement('p');
  for (const part of parseExcerpt(data.excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(part.text));
    }
  }
  item.append(heading, excerpt);
  return item;
}

/**
 * The search page's UI over Pagefind's JS API. It never writes HTML from strings (no innerHTML,
 * no insertAdjacentHTML), so the page runs under `require-trusted-types-for 'script'` with
 * `trusted-types 'none'`. Pagefind runs without its worker: `new Worker(url)` with a string is a
 * Trusted Types sink, and the main thread is fast enough for this index.
 */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  const messages = form.dataset;
  let latest = 0;

  // Index metadata and WebAssembly now, not on the first query (the page preloaded both).
  const ready = pagefind
    .options({ noWorker: true, excerptLength: 24, metaCacheTag: PAGEFIND_CACHE_TAG })
    .then(() => pagefind.init());

  const run = async (query: string) => {
    const ticket = ++latest;
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (query.trim().length < 2) {
      list.replaceChildren();
      status.textContent = messages['idle'] ?? '';
      return;
    }
    status.textContent = messages['loading'] ?? '';
    try {
      await ready;
      const search = await pagefind.search(query);
      const results = await Promise.all((search?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
      if (ticket !== latest) return; // a newer query is on its way
      list.replaceChildren(...results.map(renderResult));
      const count = search?.results.length ?? 0;
      const template = count === 0 ? messages['none'] : count === 1 ? messages['one'] : messages['many'];
      status.textContent = format(template ?? '', { q: query, n: String(count) });
    } catch (error) {
      console.warn('search failed', error);
      status.textContent = messages['error'] ?? '';
    }
  };

  let timer: number | undefined;
  input.addEventListener('input', () => {
    // The index chunks are fetched while the debounce waits, so the search then finds them loaded.
    if (input.value.trim().length >= 2) void ready.then(() => pagefind.preload(input.value)).catch(() => undefined);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(input.value), 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener('keydown', (event) => {
    // Arrow down moves from the box to the first result; Tab keeps working as usual.
    if (event.key === 'ArrowDown') {
      const first = list.querySelector('a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  const initial = new URL(window.location.href).searchParams.get('q') ?? '';
  input.value = initial;
  ready.catch((error: unknown) => {
    console.warn('search failed to load', error);
  });
  void run(initial);
}
