import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import { decodeInPieces, keepLittleParsedText } from '../checks/streamed-text.ts';
import { NetworkError } from './errors.ts';
import { MAX_BODY_BYTES, request } from './http.ts';

/** At most this many child sitemaps of a sitemap index are read (one level, no recursion). */
export const MAX_CHILD_SITEMAPS = 50;

/** A `<loc>` longer than this is cut (and then not a URL of the site): a bound on memory. */
const MAX_LOC_CHARS = 8192;

/**
 * A sitemap nesting more `<url>` and `<sitemap>` elements than this is refused (a real one nests
 * one): the elements still open are the one part of the reader that grows with the text (two
 * million of them in 10 MiB of `<url>`).
 */
export const MAX_OPEN_SITEMAP_ELEMENTS = 1000;

/** `<base>/sitemap.xml`, relative to the base URL's directory (`http://h/preview/` → `/preview/sitemap.xml`). */
export function sitemapUrlFor(base: URL): URL {
  const dir = new URL(base.href);
  dir.search = '';
  dir.hash = '';
  if (!dir.pathname.endsWith('/')) dir.pathname = `${dir.pathname}/`;
  return new URL('sitemap.xml', dir);
}

export interface ParsedSitemap {
  /** `<url><loc>` entries (pages). */
  pages: string[];
  /** `<sitemap><loc>` entries (a sitemap index). */
  sitemaps: string[];
}

/** Markup no sitemap has; the crawl refuses the sitemap (and says why) rather than read on. */
export class SitemapError extends Error {
  override name = 'SitemapError';
}

/** The locs of a whole sitemap text (see SitemapReader). */
export function parseSitemap(xml: string): ParsedSitemap {
  const reader = new SitemapReader();
  reader.write(xml);
  return reader.end();
}

/**
 * The `<loc>` of each `<url>` and `<sitemap>`, read with parse5's tokenizer alone as the text streams
 * in: no tree is built and the text is not kept, so a hostile sitemap of millions of elements costs
 * its locs only (a parse5 DOM of 10 MiB of `<p>` took 1.4 GB). Tag names are kept as written,
 * lower-cased (prefixed ones such as `<xhtml:link>` or `<image:loc>` stay distinct), entities are
 * decoded, and a `<loc>` belongs to the innermost `<url>` or `<sitemap>` still open.
 */
export class SitemapReader {
  readonly #tokenizer: Tokenizer;
  readonly #result: ParsedSitemap = { pages: [], sitemaps: [] };
  #refused: SitemapError | undefined;

  constructor() {
    this.#tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, sitemapHandler(this.#result));
    keepLittleParsedText(this.#tokenizer);
  }

  /** Feeds some text; false once the sitemap is refused (the rest need not be read). */
  write(text: string, last = false): boolean {
    if (this.#refused) return false;
    try {
      this.#tokenizer.write(text, last);
    } catch (error) {
      if (!(error instanceof SitemapError)) throw error;
      this.#refused = error;
    }
    return !this.#refused;
  }

  /** The locs read; throws the SitemapError that refused the sitemap, if one did. */
  end(): ParsedSitemap {
    this.write('', true);
    if (this.#refused) throw this.#refused;
    return this.#result;
  }
}

function sitemapHandler(result: ParsedSitemap): TokenHandler {
  const open: string[] = []; // the <url> and <sitemap> elements open, innermost last
  let loc: string | undefined; // the text of the open <loc>
  const text = (token: Token.CharacterToken) => {
    if (loc !== undefined && loc.length < MAX_LOC_CHARS) loc += token.chars;
  };
  return {
    onStartTag(token) {
      if (token.selfClosing) return;
      if (token.tagName === 'url' || token.tagName === 'sitemap') {
        if (open.length >= MAX_OPEN_SITEMAP_ELEMENTS) {
          throw new SitemapError(`more than ${MAX_OPEN_SITEMAP_ELEMENTS} <url> and <sitemap> elements open at once`);
        }
        open.push(token.tagName);
      } else if (token.tagName === 'loc') loc ??= '';
    },
    onEndTag(token) {
      if (token.tagName === 'loc' && loc !== undefined) {
        const value = loc.trim();
        const parent = open.at(-1);
        if (value && parent === 'url') result.pages.push(value);
        if (value && parent === 'sitemap') result.sitemaps.push(value);
        loc = undefined;
      } else if (token.tagName === 'url' || token.tagName === 'sitemap') {
        const at = open.lastIndexOf(token.tagName);
        if (at >= 0) open.length = at;
      }
    },
    onCharacter: text,
    onWhitespaceCharacter: text,
    onNullCharacter: () => undefined,
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => undefined,
  };
}

/**
 * Our sitemap lists production URLs (https://cryptpeer.com/…): each entry keeps its path and query
 * and takes the audited origin, so a staging or loopback server is audited page for page.
 */
export function mapOntoOrigin(loc: string, origin: string): string | undefined {
  try {
    const listed = new URL(loc);
    if (listed.protocol !== 'http:' && listed.protocol !== 'https:') return undefined;
    return new URL(`${listed.pathname}${listed.search}`, origin).href;
  } catch {
    return undefined;
  }
}

export interface Discovered {
  sitemap: string;
  pages: string[];
  notes: string[];
}

const isOk = (status: number) => status >= 200 && status <= 299;

/** A sitemap, parsed as it streams in (UTF-8, as sitemaps must be); one over MAX_BODY_BYTES is refused. */
async function fetchSitemap(url: string, timeoutMs: number): Promise<ParsedSitemap> {
  const reader = new SitemapReader();
  const decoder = new TextDecoder();
  const write = (text: string) => reader.write(text);
  const response = await request(url, {
    timeoutMs,
    sink: (fetched) => (isOk(fetched.status) ? { write: (chunk) => decodeInPieces(decoder, chunk, write) } : undefined),
  });
  if (response.offOrigin !== undefined) {
    throw new NetworkError(`${url}: the sitemap redirects to ${response.offOrigin}, another origin; not followed`);
  }
  if (!isOk(response.status)) {
    throw new NetworkError(`${url}: HTTP ${response.status}; no sitemap to crawl (give page URLs with --no-crawl)`);
  }
  try {
    reader.write(decoder.decode());
    const parsed = reader.end();
    if (response.streamed?.complete === false) {
      throw new NetworkError(`${url}: response larger than ${MAX_BODY_BYTES} bytes; refusing to read it`);
    }
    return parsed;
  } catch (error) {
    if (!(error instanceof SitemapError)) throw error;
    throw new NetworkError(`${url}: not read as a sitemap: ${error.message}`, { cause: error });
  }
}

/** The pages of a site from its sitemap (or sitemap index), de-duplicated, at most `maxPages`. */
export async function discoverPages(
  sitemap: URL,
  origin: string,
  options: { maxPages: number; timeoutMs: number },
): Promise<Discovered> {
  const notes: string[] = [];
  const root = await fetchSitemap(sitemap.href, options.timeoutMs);
  const listed = [...root.pages];
  const children = root.sitemaps.map((loc) => mapOntoOrigin(loc, origin)).filter((u) => u !== undefined);
  if (children.length > MAX_CHILD_SITEMAPS) {
    notes.push(`sitemap index lists ${children.length} sitemaps; read the first ${MAX_CHILD_SITEMAPS}`);
  }
  for (const child of children.slice(0, MAX_CHILD_SITEMAPS)) {
    if (listed.length > options.maxPages) break;
    listed.push(...(await fetchSitemap(child, options.timeoutMs)).pages);
  }
  const mapped = listed.map((loc) => mapOntoOrigin(loc, origin));
  const skipped = mapped.filter((u) => u === undefined).length;
  if (skipped > 0) notes.push(`${skipped} sitemap entries are not absolute http(s) URLs; skipped`);
  const unique = [...new Set(mapped.filter((u) => u !== undefined))];
  if (unique.length === 0) throw new NetworkError(`${sitemap.href}: the sitemap lists no page`);
  if (unique.length > options.maxPages) {
    notes.push(`the sitemap lists ${unique.length} pages; audited the first ${options.maxPages} (--max-pages)`);
  }
  return { sitemap: sitemap.href, pages: unique.slice(0, options.maxPages), notes };
}

/** Maps `items` with at most `concurrency` calls in flight; results keep the input order. */
export async function mapPool<I, O>(
  items: readonly I[],
  concurrency: number,
  fn: (item: I) => Promise<O>,
): Promise<O[]> {
  const results: O[] = new Array<O>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure no worker takes new items: the error is reported, not raced by more requests.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as I);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
