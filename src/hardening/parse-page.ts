import { parse, parseFragment, html as HTML, type DefaultTreeAdapterTypes as T } from 'parse5';

/** An element as a browser's tree builder produced it, flattened for the fail-closed checks. */
export interface PageElement {
  /** Lower-case local name (`script`, `svg`, `animate`). */
  tag: string;
  /** `html`, `svg` or `mathml`: the same name means different things in foreign content. */
  space: 'html' | 'svg' | 'mathml';
  /** Attribute name (with its `xlink:` prefix when it has one) → value, entities decoded. */
  attrs: ReadonlyMap<string, string>;
  /** Text of a script or style element, as the browser runs or applies it. */
  text?: string;
  /** Line of the start tag in the served file (0 when parsed without lines). */
  line: number;
  /** Inside `<noscript>`: what a browser without JavaScript parses. */
  inNoscript: boolean;
}

const SPACES: Record<string, PageElement['space']> = { [HTML.NS.SVG]: 'svg', [HTML.NS.MATHML]: 'mathml' };
const isElement = (node: T.Node): node is T.Element => 'tagName' in node;
const textOf = (node: T.ParentNode) =>
  node.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join('');

/**
 * Parses a page with parse5, the WHATWG parsing algorithm a browser runs, so the checks see the
 * elements and attributes a browser would build — `<noscript>`, `<iframe>`, `<noembed>` raw text,
 * comments ending in `--!>`, CDATA and `<style>` inside `<math>`/`<svg>` read exactly as Chromium
 * reads them. A tokeniser-level reading differs on those and lets handlers slip past.
 * Scripting is on (what visitors run); `<noscript>` text is then parsed again with scripting off,
 * because that is what a browser without JavaScript builds from it.
 */
export function parsePage(html: string, withLines = true): { document: T.Document; elements: PageElement[] } {
  const sourceCodeLocationInfo = withLines;
  const document = parse(html, { sourceCodeLocationInfo, scriptingEnabled: true });
  const elements: PageElement[] = [];
  const walk = (node: T.ParentNode, inNoscript: boolean, lineOffset: number) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const line = lineOffset + (child.sourceCodeLocation?.startLine ?? 1) - (lineOffset > 0 ? 1 : 0);
      const attrs = new Map(child.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]));
      const element: PageElement = {
        tag: child.tagName.toLowerCase(),
        space: SPACES[child.namespaceURI] ?? 'html',
        attrs,
        line,
        inNoscript,
      };
      if (element.tag === 'script' || element.tag === 'style') element.text = textOf(child);
      elements.push(element);
      if (element.tag === 'noscript' && element.space === 'html' && !inNoscript) {
        const inner = parseFragment(textOf(child), { sourceCodeLocationInfo, scriptingEnabled: false });
        walk(inner, true, line);
      }
      if (element.tag === 'template' && 'content' in child) walk(child.content, inNoscript, lineOffset);
      walk(child, inNoscript, lineOffset);
    }
  };
  walk(document, false, 0);
  return { document, elements };
}
