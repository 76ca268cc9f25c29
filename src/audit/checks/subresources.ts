import type { Finding } from '../report/types.ts';
import { matchesDigests, type Digests } from '../../standards/sri.ts';
import { defineRules } from '../rules/rule.ts';
import { attr, linkRels, placeElements, resolveUrl, stripUrl, type PlacedElement } from './base-url.ts';
import { HtmlScanner, type ScannedElement } from './html-scan.ts';

/** Subresource Integrity on every script and stylesheet, and the bytes served matching it. */
export const SRI_RULES = defineRules([
  {
    id: 'sri-missing',
    severity: 'high',
    scope: 'page',
    title: 'Script or stylesheet without Subresource Integrity',
    help: 'Every `<script src>`, `<link rel="stylesheet">`, `<link rel="modulepreload">` and script or style `<link rel="preload">` of an HTML page must carry an `integrity` attribute (sha384 or sha512 of the file as served), same-origin ones included.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-mismatch',
    severity: 'critical',
    scope: 'page',
    title: 'Subresource does not match its integrity',
    help: 'Each same-origin script and stylesheet is fetched once; its bytes must match one of the hashes of its `integrity` attribute (and it must answer 2xx). A mismatch means browsers refuse the file: the page is broken or the file was changed after the build.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-unverified',
    severity: 'info',
    scope: 'page',
    title: 'Cross-origin subresource integrity not verified',
    help: 'A cross-origin script or stylesheet carries `integrity`, but the audit only fetches same-origin files, so its hash was not checked. Nothing to fix; verify the pinned file by other means.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-insecure-load',
    severity: 'critical',
    scope: 'page',
    title: 'Script or stylesheet loaded over plain HTTP',
    help: 'An `https://` page must not reference a script or stylesheet with an `http://` URL (mixed content): a network attacker could replace it.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content',
  },
] as const);

/** A script or stylesheet an HTML page asks the browser to load. */
export interface Subresource {
  /** `script`, `stylesheet`, `modulepreload`, `preload as=script`… for messages. */
  kind: string;
  /** The attribute value as written. */
  href: string;
  /** Resolved against the base URL in force where the element stands, or undefined when it does not parse. */
  url: string | undefined;
  integrity: string | undefined;
  line: number | undefined;
  /** Set for a file of an `<iframe srcdoc>` document: `iframe srcdoc (line 3)`. */
  via?: string;
}

/** The `<link>` rel values that fetch code or styles (and so need `integrity`). */
function linkKind(element: ScannedElement): string | undefined {
  const rel = linkRels(element);
  if (rel.includes('stylesheet')) return 'stylesheet';
  if (rel.includes('modulepreload')) return 'modulepreload';
  const as = (attr(element, 'as') ?? '').toLowerCase();
  if (rel.includes('preload') && (as === 'script' || as === 'style')) return `preload as=${as}`;
  return undefined;
}

/** The scripts and stylesheets among the elements a scan found, each resolved against its base. */
export function subresourcesOf(elements: readonly ScannedElement[], pageUrl: string): Subresource[] {
  return placeElements(elements, pageUrl).placed.flatMap((placed) => {
    const sub = subresourceOf(placed);
    return sub ? [sub] : [];
  });
}

/** The script or stylesheet an element loads, if any, resolved against the base in force where it stands. */
export function subresourceOf({ element, base, via }: PlacedElement): Subresource | undefined {
  // An SVG <script> loads its href (or xlink:href), and has no integrity attribute at all.
  const href =
    element.tag === 'link'
      ? attr(element, 'href')
      : element.svg
        ? (attr(element, 'href') ?? element.attrs.find((a) => a.name === 'href' && a.prefix === 'xlink')?.value)
        : element.tag === 'script'
          ? attr(element, 'src')
          : undefined;
  const kind = element.tag === 'script' ? (element.svg ? 'svg script' : 'script') : linkKind(element);
  if (!kind || href === undefined || stripUrl(href) === '') return undefined;
  const sub: Subresource = {
    kind,
    href: stripUrl(href),
    url: resolveUrl(href, base),
    integrity: element.svg ? undefined : attr(element, 'integrity')?.trim() || undefined,
    line: element.line,
  };
  if (via !== undefined) sub.via = via;
  return sub;
}

/** Scripts and stylesheets of a whole page given as text (the audit streams pages through HtmlScanner). */
export function findSubresources(html: string, pageUrl: string): Subresource[] {
  const scanner = new HtmlScanner();
  scanner.write(html);
  scanner.end();
  return subresourcesOf(scanner.found, pageUrl);
}

export interface Classified {
  findings: Finding[];
  /** Same-origin files with an integrity to verify against their bytes (stylesheets: and their imports). */
  verify: { url: string; integrity: string; subject: string; stylesheet: boolean }[];
}

/** The SRI rules that need no network: missing integrity, mixed content, cross-origin hashes not verifiable. */
export function classifySubresources(pageUrl: string, subresources: readonly Subresource[]): Classified {
  const { finding } = SRI_RULES;
  const page = new URL(pageUrl);
  const result: Classified = { findings: [], verify: [] };
  for (const sub of subresources) {
    const where = `${sub.line === undefined ? '' : ` (line ${sub.line})`}${sub.via ? ` in ${sub.via}` : ''}`;
    const subject = `${sub.kind} ${sub.href}${where}`;
    const target = sub.url ? new URL(sub.url) : undefined;
    const sameOrigin = target?.origin === page.origin;
    if (page.protocol === 'https:' && target?.protocol === 'http:') {
      result.findings.push(finding('sri-insecure-load', pageUrl, `${subject} is loaded over plain HTTP`));
    }
    if (!sub.integrity) {
      const origin = sameOrigin ? 'same-origin' : 'cross-origin';
      result.findings.push(finding('sri-missing', pageUrl, `${subject} has no integrity attribute (${origin})`));
    } else if (sameOrigin && sub.url) {
      // Only an applied stylesheet loads its @imports (a preload as=style does not).
      const stylesheet = sub.kind === 'stylesheet';
      result.verify.push({ url: sub.url, integrity: sub.integrity, subject, stylesheet });
    } else {
      result.findings.push(
        finding('sri-unverified', pageUrl, `${subject}: cross-origin integrity not fetched or verified`),
      );
    }
  }
  return result;
}

/** `sri-mismatch` for a same-origin file fetched once: it must answer 2xx with bytes matching `integrity`. */
export function judgeFetched(
  pageUrl: string,
  item: { integrity: string; subject: string },
  response: { status: number; digests?: Digests | undefined },
): Finding[] {
  if (response.status < 200 || response.status > 299) {
    return [SRI_RULES.finding('sri-mismatch', pageUrl, `${item.subject} answered HTTP ${response.status}`)];
  }
  if (!response.digests || !matchesDigests(response.digests, item.integrity)) {
    return [SRI_RULES.finding('sri-mismatch', pageUrl, `${item.subject}: the bytes served do not match its integrity`)];
  }
  return [];
}
