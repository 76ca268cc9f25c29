import { html, Parser, type DefaultTreeAdapterTypes, type Token, type TreeAdapter } from 'parse5';
import { keepLittleParsedText } from './streamed-text.ts';

/**
 * The elements that load something (or, `<base>`, change what later URLs resolve to), and
 * `<meta http-equiv=refresh>`, a redirect written in the page.
 */
const TAGS = ['script', 'link', 'base', 'iframe', 'frame', 'object', 'embed', 'portal', 'meta'] as const;
const TRACKED: ReadonlySet<string> = new Set(TAGS);

/** An element of TAGS as the WHATWG tree builder inserted it into the document, in insertion order. */
export interface ScannedElement {
  tag: (typeof TAGS)[number];
  /** The element's namespace: an SVG `<script>` loads its `href`, not a `src`. */
  svg: boolean;
  attrs: readonly Token.Attribute[];
  line: number | undefined;
  /** An `<iframe srcdoc>`'s document, scanned too: its scripts run on the page's origin. */
  srcdoc?: ScannedElement[];
}

/** Elements found and documents open, shared by a page's scanner and its srcdoc scanners. */
interface ScanBudget {
  elements: number;
  depth: number;
}

/**
 * `<iframe srcdoc>` nested in a srcdoc, at most: each level is parsed again from its attribute,
 * and entity-escaped nesting costs only a few bytes a level, so an unbounded depth would let a
 * 10 MiB page cost hours of parsing. Deeper nesting is refused (PageTooComplexError).
 */
export const MAX_SRCDOC_DEPTH = 3;

/** Tracked elements kept per page (srcdoc documents included), at most: a bound on memory. */
export const MAX_PAGE_ELEMENTS = 1000;

/**
 * The nodes this scan keeps: a tag, a parent link and the attributes. No child lists and no text,
 * so an element the parser is done with is garbage at once, and memory follows the open elements
 * (the parser's stack), not the page size. `inert` marks template contents, which are never loaded.
 */
interface Node {
  tag: string;
  ns: html.NS;
  attrs: Token.Attribute[];
  parent: Node | null;
  inert: boolean;
  content?: Node;
  line?: number;
  recorded?: boolean;
  mode?: html.DOCUMENT_MODE;
}

/**
 * The parser's stack is the one part of the scan that grows with the page (10 MiB of `<div>` opens
 * two million elements). Chrome stops nesting at 512; markup this deep is refused, not judged.
 */
export const MAX_OPEN_ELEMENTS = 10_000;

export class PageTooComplexError extends Error {
  override name = 'PageTooComplexError';
}

/** `http-equiv` is an enumerated attribute: its keyword matches ASCII case-insensitively. */
function isRefresh(attrs: readonly Token.Attribute[]): boolean {
  const value = attrs.find((a) => a.name === 'http-equiv' && !a.prefix)?.value;
  return value !== undefined && value.replace(/[A-Z]/g, (c) => c.toLowerCase()) === 'refresh';
}

type Map = DefaultTreeAdapterTypes.DefaultTreeAdapterMap;
// parse5's Parser is typed for its default node shapes; this adapter keeps its own smaller ones.
type Lean = { [K in keyof Map]: Node };

function leanAdapter(found: ScannedElement[], budget: ScanBudget): TreeAdapter<Lean> {
  let depth = 0;
  const node = (tag: string, ns: html.NS, attrs: Token.Attribute[], inert = false): Node => ({
    tag,
    ns,
    attrs,
    parent: null,
    inert,
  });
  const attach = (parent: Node, child: Node) => {
    // Recorded once, when the parser first inserts it (that is when a browser fetches it), not
    // again when the adoption agency algorithm moves it.
    const first = !child.recorded;
    child.recorded = true;
    child.parent = parent;
    child.inert = parent.inert;
    if (first && !child.inert && TRACKED.has(child.tag) && (child.ns === html.NS.HTML || child.ns === html.NS.SVG)) {
      const tag = child.tag as ScannedElement['tag'];
      // Only HTML elements load (an `<iframe>` in MathML is inert), but for SVG's own `<script>`;
      // of the `<meta>`s, only a refresh is kept (the others do nothing the audit judges).
      if ((tag === 'script' || child.ns === html.NS.HTML) && (tag !== 'meta' || isRefresh(child.attrs))) {
        const element: ScannedElement = { tag, svg: child.ns === html.NS.SVG, attrs: child.attrs, line: child.line };
        // Checked here, not per piece of text: one srcdoc attribute can hold a whole page of them.
        if (++budget.elements > MAX_PAGE_ELEMENTS) {
          throw new PageTooComplexError(
            `more than ${MAX_PAGE_ELEMENTS} script, link, base, frame, embed and refresh elements`,
          );
        }
        const srcdoc = tag === 'iframe' ? child.attrs.find((a) => a.name === 'srcdoc' && !a.prefix) : undefined;
        if (srcdoc) element.srcdoc = scanSrcdoc(srcdoc.value, budget);
        found.push(element);
      }
    }
  };
  return {
    createDocument: () => node('#document', html.NS.HTML, []),
    createDocumentFragment: () => node('#fragment', html.NS.HTML, [], true),
    createElement: (tag, ns, attrs) => node(tag, ns, attrs),
    createCommentNode: () => node('#comment', html.NS.HTML, []),
    createTextNode: () => node('#text', html.NS.HTML, []),
    appendChild: attach,
    insertBefore: (parent, child) => attach(parent, child),
    setTemplateContent: (template, content) => {
      template.content = content;
    },
    getTemplateContent: (template) => template.content ?? node('#fragment', html.NS.HTML, [], true),
    setDocumentType: () => undefined,
    setDocumentMode: (document, mode) => {
      document.mode = mode;
    },
    getDocumentMode: (document) => document.mode ?? html.DOCUMENT_MODE.NO_QUIRKS,
    detachNode: (child) => {
      child.parent = null;
    },
    insertText: () => undefined,
    insertTextBefore: () => undefined,
    adoptAttributes: (recipient, attrs) => {
      const names = new Set(recipient.attrs.map((a) => a.name));
      recipient.attrs.push(...attrs.filter((a) => !names.has(a.name)));
    },
    getFirstChild: () => null,
    getChildNodes: () => [],
    getParentNode: (child) => child.parent,
    getAttrList: (element) => element.attrs,
    getTagName: (element) => element.tag,
    getNamespaceURI: (element) => element.ns,
    getTextNodeContent: () => '',
    getCommentNodeContent: () => '',
    getDocumentTypeNodeName: () => '',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (n): n is Node => n.tag === '#text',
    isCommentNode: (n): n is Node => n.tag === '#comment',
    isDocumentTypeNode: (n): n is Node => n.tag === '#doctype',
    isElementNode: (n): n is Node => !n.tag.startsWith('#'),
    // Only the start line of the tracked elements is kept (text and end-tag locations are not).
    setNodeSourceCodeLocation: (n: Node | undefined, location) => {
      if (n && location && TRACKED.has(n.tag)) n.line = location.startLine;
    },
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
    onItemPush: () => {
      if (++depth > MAX_OPEN_ELEMENTS) {
        throw new PageTooComplexError(`more than ${MAX_OPEN_ELEMENTS} elements open at once`);
      }
    },
    onItemPop: () => {
      depth--;
    },
  };
}

/**
 * Finds the scripts, stylesheets, frames, embeds and `<base>` of a page while its bytes stream in, with parse5's
 * WHATWG tree builder (the algorithm browsers use, so markup in comments, attributes, `<template>`
 * or foreign content is seen as a browser sees it) but without building the DOM: a hostile page of
 * 10 MiB of `<p>` costs a few MB instead of the 1.4 GB its full tree took.
 */
export class HtmlScanner {
  readonly found: ScannedElement[] = [];
  readonly #parser: Parser<Lean>;

  constructor(budget: ScanBudget = { elements: 0, depth: 0 }) {
    // parse5-parser-stream feeds the same internal tokenizer; the Parser class is exported for it.
    this.#parser = new Parser<Lean>({ treeAdapter: leanAdapter(this.found, budget), sourceCodeLocationInfo: true });
    keepLittleParsedText(this.#parser.tokenizer);
  }

  /** Throws PageTooComplexError on absurdly deep markup. */
  write(text: string): void {
    this.#parser.tokenizer.write(text, false);
  }

  end(): void {
    this.#parser.tokenizer.write('', true);
  }
}

/** The elements of an `<iframe srcdoc>` document (always HTML), parsed from the attribute value. */
function scanSrcdoc(text: string, budget: ScanBudget): ScannedElement[] {
  if (budget.depth >= MAX_SRCDOC_DEPTH) {
    throw new PageTooComplexError(`iframe srcdoc documents nested more than ${MAX_SRCDOC_DEPTH} deep`);
  }
  budget.depth++;
  try {
    const scanner = new HtmlScanner(budget);
    scanner.write(text);
    scanner.end();
    return scanner.found;
  } finally {
    budget.depth--;
  }
}
