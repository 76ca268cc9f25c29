import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import { attr, linkRels, resolveUrl, stripUrl, type PlacedElement } from './base-url.ts';
import { quote } from './finding.ts';

/** Frames, embeds and resource hints that make the browser contact another origin. */
export const THIRD_PARTY_RULES = defineRules([
  {
    id: 'third-party-load',
    severity: 'medium',
    scope: 'page',
    title: 'Frame, embed or resource hint on another origin',
    help: 'An `<iframe src>`, `<frame src>`, `<portal src>`, `<object data>`, `<embed src>` or a `<link>` that fetches or connects (icon, manifest, preload, prefetch, prerender, preconnect, dns-prefetch…) must stay on the page’s origin: each makes the browser contact the other host on every visit, and Subresource Integrity cannot pin what a frame loads. `data:`, `blob:` and `javascript:` URLs count as another origin (an opaque one). Scripts and stylesheets are judged by the SRI rules instead. Host the resource on the site, or link to it instead of embedding it.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Same-origin_policy',
  },
] as const);

/**
 * `<link>` keywords that fetch or connect on their own. Hyperlink keywords (canonical, alternate,
 * next…) are left out: they only name a page, and ours point at the production origin. Stylesheet,
 * modulepreload and preload of scripts or styles are judged by the SRI rules.
 */
const FETCHING_RELS = new Set([
  'icon',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'prefetch',
  'prerender',
  'preconnect',
  'dns-prefetch',
  'compression-dictionary',
]);

/** The URL an element loads a document, plugin or hint from, with the words naming it in messages. */
function loadOf(placed: PlacedElement): { kind: string; href: string } | undefined {
  const { element } = placed;
  const url = (name: string) => {
    const value = attr(element, name);
    return value === undefined || stripUrl(value) === '' ? undefined : stripUrl(value);
  };
  const of = (kind: string, href: string | undefined) => (href === undefined ? undefined : { kind, href });
  switch (element.tag) {
    case 'iframe':
    case 'frame':
    case 'portal':
    case 'embed':
      return of(element.tag, url('src'));
    case 'object':
      return of('object', url('data'));
    case 'link': {
      const rels = linkRels(element);
      const as = (attr(element, 'as') ?? '').toLowerCase();
      if (rels.includes('stylesheet') || rels.includes('modulepreload')) return undefined;
      if (rels.includes('preload') && (as === 'script' || as === 'style')) return undefined;
      const rel = rels.find((r) => FETCHING_RELS.has(r));
      return rel === undefined ? undefined : of(`link rel=${rel}`, url('href'));
    }
    default:
      return undefined;
  }
}

/** `third-party-load` for each element that makes the browser contact another origin. */
export function checkThirdPartyLoads(pageUrl: string, placed: readonly PlacedElement[]): Finding[] {
  const origin = new URL(pageUrl).origin;
  const findings: Finding[] = [];
  for (const item of placed) {
    const load = loadOf(item);
    if (!load) continue;
    const target = resolveUrl(load.href, item.base);
    // A URL that does not parse is not fetched; about:blank and about:srcdoc are made in the browser.
    if (target === undefined || target.startsWith('about:')) continue;
    const targetOrigin = new URL(target).origin;
    if (targetOrigin === origin) continue;
    const line = item.element.line === undefined ? '' : ` (line ${item.element.line})`;
    const where = `${line}${item.via ? ` in ${item.via}` : ''}`;
    const other = targetOrigin === 'null' ? `an opaque origin (${new URL(target).protocol})` : targetOrigin;
    findings.push(
      THIRD_PARTY_RULES.finding(
        'third-party-load',
        pageUrl,
        `${load.kind} ${quote(load.href)}${where} loads from ${other}`,
      ),
    );
  }
  return findings;
}
