import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

/** An element of a built page, with the offsets needed to edit it without re-serialising. */
export interface ScannedElement {
  tag: string;
  attrs: ReadonlyMap<string, string>;
  /** Offset just before the `>` (or `/>`) closing the start tag: where a new attribute goes. */
  insertAt: number;
  /** Offset right after the start tag. */
  startTagEnd: number;
  /** Raw text between the start and end tags, exactly as served (inline scripts and styles). */
  rawText?: string;
  /** Offsets of rawText in the page. */
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
 * Parses a built page with a real HTML parser (parse5, the WHATWG algorithm browsers use) so that
 * a `<script>` inside a comment, an attribute or a template is seen exactly as a browser sees it.
 */
export function scanHtml(html: string, file: string): ScannedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: ScannedElement[] = [];
  let headInsertAt = -1;
  const visit = (node: T.ParentNode): void => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const loc = child.sourceCodeLocation;
      const start = loc?.startTag;
      if (loc && start) {
        const selfClosing = html.slice(start.endOffset - 2, start.endOffset) === '/>';
        const element: ScannedElement = {
          tag: child.tagName,
          attrs: new Map(child.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value])),
          insertAt: start.endOffset - (selfClosing ? 2 : 1),
          startTagEnd: start.endOffset,
          start: start.startOffset,
          line: start.startLine,
        };
        if ((child.tagName === 'script' || child.tagName === 'style') && loc.endTag) {
          // Hash the bytes as served: a re-serialised script would hash differently and be blocked.
          // The HTML parser turns CRLF and CR into LF before the browser hashes the text.
          element.rawText = html.slice(start.endOffset, loc.endTag.startOffset).replace(/\r\n?/g, '\n');
          element.rawStart = start.endOffset;
          element.rawEnd = loc.endTag.startOffset;
        }
        elements.push(element);
        if (child.tagName === 'head' && headInsertAt < 0) headInsertAt = start.endOffset;
        if (child.tagName === 'meta' && child.attrs.some((a) => a.name === 'charset')) headInsertAt = start.endOffset;
      } else if (child.tagName === 'head' || child.tagName === 'html' || child.tagName === 'body') {
        // Implied by the parser (no tag in the source): nothing to edit, but children still count.
      }
      visit(child);
      if (child.tagName === 'template') visit((child as T.Template).content);
    }
  };
  visit(document);
  if (headInsertAt < 0) throw new Error(`${file}: no <head> start tag to receive the CSP <meta>`);
  // The policy must precede anything it governs: never insert it after a script, style or link.
  const firstGoverned = elements.find((e) => ['script', 'style', 'link'].includes(e.tag) && e.start < headInsertAt);
  if (firstGoverned) headInsertAt = firstGoverned.start;
  return { elements, headInsertAt };
}
