export type ResourceKind = 'script' | 'style';

/** What the reference helpers read of an element: its name and attributes (a parse5 element of a page, or an SVG file's element). */
export interface TagLike {
  tag: string;
  attrs: ReadonlyMap<string, string>;
}

/** A script or stylesheet an element makes the browser fetch, and the attribute naming it. */
export interface Reference {
  kind: ResourceKind;
  url: string;
  element: TagLike;
}

const relTokens = (element: TagLike) => (element.attrs.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** Script and stylesheet references of an element: `<script src>`, stylesheets, (module)preloads. */
export function getReference(element: TagLike): Reference | undefined {
  if (element.tag === 'script') {
    // SVG scripts name their file in href / xlink:href.
    const src = element.attrs.get('src') ?? element.attrs.get('href') ?? element.attrs.get('xlink:href');
    return src === undefined ? undefined : { kind: 'script', url: src, element };
  }
  if (element.tag !== 'link') return undefined;
  const href = element.attrs.get('href');
  if (href === undefined) return undefined;
  const rel = relTokens(element);
  const as = (element.attrs.get('as') ?? '').toLowerCase();
  if (rel.includes('stylesheet')) return { kind: 'style', url: href, element };
  if (rel.includes('modulepreload')) return { kind: 'script', url: href, element };
  if (rel.includes('preload') && as === 'script') return { kind: 'script', url: href, element };
  if (rel.includes('preload') && as === 'style') return { kind: 'style', url: href, element };
  return undefined;
}

export type Resolved = { local: true; path: string } | { local: false; url: string; origin: string } | { other: true };

/** Resolves a reference against the page's URL: same-origin paths map into dist, the rest is external. */
export function resolveUrl(ref: string, pagePath: string, origin: string): Resolved {
  let url: URL;
  try {
    url = new URL(ref, origin + pagePath);
  } catch {
    return { other: true };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { other: true };
  if (url.origin === origin) return { local: true, path: url.pathname };
  return { local: false, url: url.href, origin: url.origin };
}

export const isIconLink = (element: TagLike) =>
  element.tag === 'link' &&
  relTokens(element).some((r) => r === 'icon' || r === 'apple-touch-icon' || r === 'mask-icon');
export const isManifestLink = (element: TagLike) => element.tag === 'link' && relTokens(element).includes('manifest');
export const isFontPreload = (element: TagLike) =>
  element.tag === 'link' && relTokens(element).includes('preload') && element.attrs.get('as') === 'font';
