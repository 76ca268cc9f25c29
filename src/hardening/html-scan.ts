import {
  defaultTreeAdapter,
  parse,
  parseFragment,
  html as HTML,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes as T,
  type TreeAdapter,
} from 'parse5';

/** An element of a built page, with the offsets needed to edit it without re-serialising. */
export interface ScannedElement {
  tag: string;
  attrs: ReadonlyMap<string, string>;
  /** Offset just before the `>` (or `/>`) closing the start tag: where a new attribute goes. */
  insertAt: number;
  /** Offset right after the start tag. */
  startTagEnd: number;
  /** Text of a script or style element as the browser runs or applies it (CRLF read as LF). */
  rawText?: string;
  /** Source offsets of that text in the page (start tag end, end tag start). */
  rawStart?: number;
  rawEnd?: number;
  /** Offset of the start tag's `<`. */
  start: number;
  /** Line of the start tag, for error messages. */
  line: number;
}

/** Elements whose attributes or bodies matter to the CSP, SRI and the unsafe-markup checks. */
export interface ScannedPage {
  elements: ScannedElement[];
  /** Offset right after `<meta charset>` (or after `<head>`): where the CSP `<meta>` is inserted. */
  headInsertAt: number;
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node;

/**
 * parse5's own tree builder, except that text nodes get no source location: harden edits at element
 * offsets only, and keeping each text run's end offset up to date was an eighth of the parse. The
 * tree (elements, attributes, text) is the one the default adapter builds.
 */
const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation(node, location) {
    if (node.nodeName !== '#text') defaultTreeAdapter.setNodeSourceCodeLocation(node, location);
  },
};
const textOf = (node: T.ParentNode) =>
  node.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join('');

/** The offset where a new attribute goes: before `/>`, unless that `/` ends an unquoted value (`href=a/>`). */
function insertionPoint(html: string, element: T.Element, base: number, end: number): number {
  if (html[end - 2] !== '/') return end - 1;
  const attrs = element.sourceCodeLocation?.attrs ?? {};
  const lastValueEnd = Math.max(-1, ...Object.values(attrs).map((a) => base + a.endOffset));
  return lastValueEnd === end - 1 ? end - 1 : end - 2;
}

/**
 * Reads a built page with parse5, the WHATWG algorithm browsers run and the parser verify and the
 * audit use, so harden edits exactly the elements a browser builds: what it reads as text
 * (`<noscript>` with scripting on, `<textarea>`, `<iframe>`, double-escaped script data) is never
 * taken for a tag, and a script's text is the text the browser hashes. `<noscript>` is read again
 * with scripting off, as a browser without JavaScript reads it (a stylesheet there gets SRI too).
 * Offsets are the source's own (parse5 counts the CRs it drops), so edits never re-serialise.
 */
export function scanHtml(html: string, file: string): ScannedPage {
  const elements: ScannedElement[] = [];
  const seen = new Set<number>();
  const walk = (node: T.ParentNode, base: number, lineBase: number, inNoscript: boolean) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const loc = child.sourceCodeLocation;
      const startTag = loc?.startTag;
      // No start tag in the source (an implied <head>, a clone made by the adoption agency): nothing to edit.
      if (startTag && !seen.has(base + startTag.startOffset)) {
        seen.add(base + startTag.startOffset);
        const tag = child.tagName.toLowerCase();
        const end = base + startTag.endOffset;
        const element: ScannedElement = {
          tag,
          attrs: new Map(child.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value])),
          insertAt: insertionPoint(html, child, base, end),
          startTagEnd: end,
          start: base + startTag.startOffset,
          line: lineBase + startTag.startLine - 1,
        };
        if ((tag === 'script' || tag === 'style') && loc.endTag) {
          element.rawText = textOf(child);
          element.rawStart = end;
          element.rawEnd = base + loc.endTag.startOffset;
        }
        elements.push(element);
        if (tag === 'noscript' && !inNoscript && loc.endTag && child.namespaceURI === HTML.NS.HTML) {
          const inner = parseFragment(html.slice(end, base + loc.endTag.startOffset), {
            sourceCodeLocationInfo: true,
            scriptingEnabled: false,
            treeAdapter,
          });
          walk(inner, end, element.line, true);
        }
      }
      if ('content' in child) walk(child.content, base, lineBase, inNoscript);
      walk(child, base, lineBase, inNoscript);
    }
  };
  walk(parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: true, treeAdapter }), 0, 1, false);
  elements.sort((a, b) => a.start - b.start);
  let headInsertAt = -1;
  for (const element of elements) {
    if (element.tag === 'head' && headInsertAt < 0) headInsertAt = element.startTagEnd;
    if (element.tag === 'meta' && element.attrs.has('charset')) headInsertAt = element.startTagEnd;
  }
  if (headInsertAt < 0) throw new Error(`${file}: no <head> start tag to receive the CSP <meta>`);
  // The policy must precede anything it governs: never insert it after a script, style or link.
  const firstGoverned = elements.find((e) => ['script', 'style', 'link'].includes(e.tag) && e.start < headInsertAt);
  if (firstGoverned) headInsertAt = firstGoverned.start;
  return { elements, headInsertAt };
}
