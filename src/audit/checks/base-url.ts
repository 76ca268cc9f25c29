import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import type { ScannedElement } from './html-scan.ts';
import { quote } from './finding.ts';

/** `<base href>` that sends the page's relative URLs elsewhere, or that a browser may apply differently. */
export const BASE_RULES = defineRules([
  {
    id: 'base-off-origin',
    severity: 'high',
    scope: 'page',
    title: '`<base href>` points to another origin',
    help: "A `<base href>` on another origin makes every relative URL after it (scripts, stylesheets, frames, links, form targets) resolve to that host: the page then loads or sends data off the site. Remove it, or keep it on the page's origin (and restrict it with CSP `base-uri`).",
    reference: 'https://html.spec.whatwg.org/multipage/semantics.html#the-base-element',
  },
  {
    id: 'base-ambiguous',
    severity: 'high',
    scope: 'page',
    title: 'More than one `<base href>`',
    help: 'Browsers use the first `<base href>` in tree order, which the parser can make differ from source order (a `<base>` inside a table is moved before it), so the audit cannot be sure which base later URLs resolve against. A page has at most one, in `<head>` before any URL.',
    reference: 'https://html.spec.whatwg.org/multipage/semantics.html#the-base-element',
  },
] as const);

/** An element with the base URL in force when the parser inserted it, i.e. when a browser fetches it. */
export interface PlacedElement {
  element: ScannedElement;
  base: string;
  /** `iframe srcdoc (line 3)` for an element of a srcdoc document, for messages. */
  via?: string;
}

export function attr(element: ScannedElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && !a.prefix)?.value;
}

/**
 * A URL attribute as the URL parser reads it: only C0 controls and spaces are stripped (a
 * no-break space is part of the URL, where `String.prototype.trim` would remove it).
 */
export function stripUrl(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** A `<link>`'s rel keywords (split on ASCII whitespace, as HTML does), lowercased. */
export function linkRels(element: ScannedElement): string[] {
  return (attr(element, 'rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
}

/** `href` resolved against `base`, or undefined when it does not parse. */
export function resolveUrl(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Each element with the base URL it is resolved against (HTML, the base element's "frozen base
 * URL"): a fetch starts when the parser inserts the element, against the document base URL of that
 * moment, so an element before the first `<base href>` uses the page URL and a later `<base>` never
 * reaches back to it. Resolving every URL against the one `<base>` let a page make the audit judge
 * other files than a browser loads. A base's own href resolves against the page URL (not itself,
 * not another base) and one that does not parse leaves the page URL in force. Not modelled: CSP
 * `base-uri`, which makes a browser ignore a blocked base (the audit then resolves against a base
 * the browser does not use; an off-origin base is a finding anyway).
 */
export function placeElements(
  elements: readonly ScannedElement[],
  pageUrl: string,
): { placed: PlacedElement[]; findings: Finding[] } {
  const result = { placed: [] as PlacedElement[], findings: [] as Finding[] };
  placeIn(elements, { pageUrl, fallback: pageUrl, origin: new URL(pageUrl).origin }, result);
  return result;
}

interface Context {
  /** The audited page, named by every finding. */
  pageUrl: string;
  /** The document's URL or, for a srcdoc document, its parent's base URL (HTML "fallback base URL"). */
  fallback: string;
  /** The document's origin (a srcdoc document has its parent's). */
  origin: string;
  via?: string;
}

const at = (element: ScannedElement) => (element.line === undefined ? '' : ` (line ${element.line})`);

function placeIn(
  elements: readonly ScannedElement[],
  context: Context,
  result: { placed: PlacedElement[]; findings: Finding[] },
): void {
  const { pageUrl, via } = context;
  const within = via === undefined ? '' : ` in ${via}`;
  let base = context.fallback;
  let first: ScannedElement | undefined;
  for (const element of elements) {
    if (element.tag !== 'base') {
      result.placed.push(via === undefined ? { element, base } : { element, base, via });
      if (element.srcdoc) {
        const nested = `iframe srcdoc${at(element)}${within}`;
        placeIn(element.srcdoc, { pageUrl, fallback: base, origin: context.origin, via: nested }, result);
      }
      continue;
    }
    const href = attr(element, 'href');
    if (href === undefined) continue;
    const subject = `<base href=${quote(href)}>${at(element)}${within}`;
    if (first) {
      const after = `after the one of line ${first.line ?? '?'}`;
      result.findings.push(BASE_RULES.finding('base-ambiguous', pageUrl, `${subject} ${after}`));
      continue;
    }
    first = element;
    const frozen = resolveUrl(href, context.fallback);
    if (frozen === undefined) continue;
    base = frozen;
    if (new URL(frozen).origin !== context.origin) {
      const message = `${subject} resolves the URLs after it against ${frozen}, another origin`;
      result.findings.push(BASE_RULES.finding('base-off-origin', pageUrl, message));
    }
  }
}
