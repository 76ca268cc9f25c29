import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import { attr, resolveUrl, type PlacedElement } from './base-url.ts';
import { quote } from './finding.ts';

/** A declarative refresh (the `Refresh` header, `<meta http-equiv=refresh>`) is a redirect too. */
export const REFRESH_RULES = defineRules([
  {
    id: 'refresh-off-origin',
    severity: 'high',
    scope: 'page',
    title: 'Page refreshes to another origin',
    help: 'A `Refresh` response header or a `<meta http-equiv="refresh">` with a URL takes the visitor to that URL, as a redirect does, but after the page has been judged: a page could pass the audit and still send every visitor elsewhere. The target must stay on the page’s origin (`data:`, `blob:` and `javascript:` are another, opaque origin). Use an HTTP redirect on the same origin, or a link.',
    reference: 'https://html.spec.whatwg.org/multipage/document-lifecycle.html#shared-declarative-refresh-steps',
  },
] as const);

const WHITESPACE = new Set(['\t', '\n', '\f', '\r', ' ']);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * The URL of a declarative refresh, as HTML's "shared declarative refresh steps" read it:
 * `undefined` when the value is not a refresh at all, `''` when it reloads the same document,
 * else the URL text (unresolved). Followed step by step because browsers accept much more than
 * `0; url=…` (`5,u r l = 'x'` is not a refresh; `.5;URL = "x"` is), and a pattern that reads
 * less than they do would let a refresh pass unseen.
 */
export function refreshTarget(value: string): string | undefined {
  let i = 0;
  const skipWhitespace = () => {
    while (i < value.length && WHITESPACE.has(value[i] ?? '')) i++;
  };
  skipWhitespace();
  const start = i;
  while (isDigit(value[i])) i++;
  if (i === start && value[i] !== '.') return undefined;
  while (isDigit(value[i]) || value[i] === '.') i++;
  if (i >= value.length) return '';
  const next = value[i] ?? '';
  if (next !== ';' && next !== ',' && !WHITESPACE.has(next)) return undefined;
  skipWhitespace();
  if (value[i] === ';' || value[i] === ',') i++;
  skipWhitespace();
  if (i >= value.length) return '';
  // urlString is the rest; an optional `url =` before it is dropped only when complete, else
  // the rest is the URL as is (`u r l` and `urlx` are part of it, as in browsers).
  const rest = value.slice(i);
  if (value[i]?.toLowerCase() !== 'u') return skipQuotes(rest);
  if (value[i + 1]?.toLowerCase() !== 'r' || value[i + 2]?.toLowerCase() !== 'l') return rest;
  i += 3;
  skipWhitespace();
  if (value[i] !== '=') return rest;
  i++;
  skipWhitespace();
  return skipQuotes(value.slice(i));
}

/** The spec's "skip quotes" step: a leading quote ends the URL at the matching one. */
function skipQuotes(url: string): string {
  const quote = url[0];
  if (quote !== '"' && quote !== "'") return url;
  const end = url.indexOf(quote, 1);
  return end === -1 ? url.slice(1) : url.slice(1, end);
}

function offOrigin(target: string | undefined, base: string, origin: string): string | undefined {
  if (target === undefined || target === '') return undefined;
  const resolved = resolveUrl(target, base);
  // A URL that does not parse refreshes nothing.
  if (resolved === undefined) return undefined;
  const other = new URL(resolved).origin;
  if (other === origin) return undefined;
  return other === 'null' ? `an opaque origin (${new URL(resolved).protocol})` : other;
}

/** `refresh-off-origin` for a `Refresh` header that takes the visitor to another origin. */
export function checkRefreshHeader(pageUrl: string, finalUrl: string, headers: Headers): Finding[] {
  const value = headers.get('refresh');
  if (value === null) return [];
  const other = offOrigin(refreshTarget(value), finalUrl, new URL(finalUrl).origin);
  if (other === undefined) return [];
  const message = `the Refresh header ${quote(value)} sends the visitor to ${other}`;
  return [REFRESH_RULES.finding('refresh-off-origin', pageUrl, message)];
}

/** `refresh-off-origin` for each `<meta http-equiv=refresh>` that takes the visitor to another origin. */
export function checkMetaRefresh(pageUrl: string, placed: readonly PlacedElement[]): Finding[] {
  const origin = new URL(pageUrl).origin;
  const findings: Finding[] = [];
  for (const { element, base, via } of placed) {
    if (element.tag !== 'meta') continue;
    const content = attr(element, 'content') ?? '';
    const other = offOrigin(refreshTarget(content), base, origin);
    if (other === undefined) continue;
    const line = element.line === undefined ? '' : ` (line ${element.line})`;
    const where = `${line}${via ? ` in ${via}` : ''}`;
    const message = `<meta http-equiv="refresh" content=${quote(content)}>${where} sends the visitor to ${other}`;
    findings.push(REFRESH_RULES.finding('refresh-off-origin', pageUrl, message));
  }
  return findings;
}
