import { getReference, resolveUrl } from './references.ts';

/** The parts of an element the rules read (a parse5 element of a page, or one of an SVG file). */
export interface ElementView {
  tag: string;
  space: 'html' | 'svg' | 'mathml';
  attrs: ReadonlyMap<string, string>;
}

export interface RuleContext {
  origin: string;
  /** URL path of the page, to resolve relative URLs. */
  pagePath: string;
  /** The Referrer-Policy value: a `<meta name="referrer">` or `referrerpolicy=` may only repeat it. */
  referrerPolicy: string;
}

/** Elements that embed another document or plug-in, or rebase every URL of the page. */
const EMBEDDING = new Set([
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'fencedframe',
]);
/** Attributes whose value is a URL the browser may navigate to or fetch. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'codebase',
  'manifest',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'icon',
  'ping',
  'srcset',
  'imagesrcset',
]);
/** Elements whose URL attribute is a load (not a navigation): it must stay on this origin. */
const LOADING_ELEMENTS = new Set([
  'img',
  'image',
  'video',
  'audio',
  'source',
  'track',
  'input',
  'use',
  'feimage',
  'link',
]);
/** `<link>` relations that only describe a page and fetch nothing; any other relation is a load. */
const DESCRIPTIVE_RELS = new Set([
  'canonical',
  'alternate',
  'author',
  'license',
  'help',
  'me',
  'bookmark',
  'next',
  'prev',
  'search',
]);
const isLoad = (element: ElementView) =>
  element.tag !== 'link' ||
  (element.attrs.get('rel') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .some((r) => !DESCRIPTIVE_RELS.has(r));

/** SVG animation elements, which can write any attribute (an `href` to `javascript:`) at run time. */
const ANIMATION = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'discard']);

/** A scheme that runs code or inlines a document, as a browser reads it (case, controls and spaces ignored). */
export function dangerousScheme(value: string): string | undefined {
  // Every scheme ends in a colon, which the clean-up below never removes: without one there is none.
  if (!value.includes(':')) return undefined;
  for (const part of value.split(/[;,]/)) {
    const compact = part.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
    const scheme = /^(javascript|vbscript|data|blob|filesystem):/.exec(compact)?.[1];
    if (scheme) return scheme;
  }
  return undefined;
}

/** The URLs an attribute names: one, or each candidate of a srcset. */
const urlsOf = (name: string, value: string) =>
  name.endsWith('srcset') ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value.trim()];

/**
 * Markup no page may carry, whatever route it is on: handlers, style attributes, code-running URL
 * schemes, embedded documents, resource loads from other origins, and head metadata that would
 * override the header policy. Route-dependent rules (scripts, styles, forms) live in verify.ts.
 */
export function markupProblems(element: ElementView, context: RuleContext): string[] {
  const problems: string[] = [];
  const { tag } = element;
  // Scripts and stylesheets are checked as references (SRI, pinned origins) by the verify step.
  const checkLoads = LOADING_ELEMENTS.has(tag) && isLoad(element) && !getReference(element);
  if (EMBEDDING.has(tag) && element.space === 'html') problems.push(`<${tag}> embeds or rebases content`);
  if (ANIMATION.has(tag) && element.space === 'svg') problems.push(`SVG <${tag}> can rewrite attributes at run time`);
  for (const [name, value] of element.attrs) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) problems.push(`inline event handler ${name}= on <${tag}>`);
    if (lower === 'style') problems.push(`style= attribute on <${tag}>`);
    if (lower === 'srcdoc') problems.push(`srcdoc= on <${tag}>`);
    if (lower === 'ping') problems.push(`ping= on <${tag}> (a request to another address on every click)`);
    if (lower === 'referrerpolicy' && value !== context.referrerPolicy)
      problems.push(`referrerpolicy="${value}" on <${tag}> overrides the Referrer-Policy (${context.referrerPolicy})`);
    const scheme = dangerousScheme(value);
    if (scheme && (URL_ATTRIBUTES.has(lower) || scheme !== 'data'))
      problems.push(`${scheme}: URL in ${name}= on <${tag}>`);
    // `background=` (body, table, td…) is a legacy image load on whatever element carries it.
    if (URL_ATTRIBUTES.has(lower) && (checkLoads || lower === 'background')) {
      for (const url of urlsOf(lower, value)) {
        const target = resolveUrl(url, context.pagePath, context.origin);
        if ('local' in target && !target.local)
          problems.push(`<${tag} ${name}> loads ${target.url} from another origin`);
      }
    }
  }
  if (tag === 'meta' && element.space === 'html') problems.push(...metaProblems(element, context));
  return problems;
}

/** Only our own CSP may be an http-equiv; a referrer meta may only repeat the header. */
function metaProblems(element: ElementView, context: RuleContext): string[] {
  const equiv = element.attrs.get('http-equiv')?.toLowerCase();
  const name = element.attrs.get('name')?.toLowerCase();
  if (equiv !== undefined && equiv !== 'content-security-policy')
    return [`<meta http-equiv="${equiv}"> (only the build's own CSP may be set this way)`];
  if (name === 'referrer' && element.attrs.get('content') !== context.referrerPolicy)
    return [`<meta name="referrer"> overrides the Referrer-Policy (${context.referrerPolicy})`];
  if (name === 'csp-capabilities')
    return [
      '<meta name="csp-capabilities"> is not how a route asks for more: declare it in src/security/route-declarations.ts',
    ];
  return [];
}
