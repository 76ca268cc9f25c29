import type { Element, Text } from 'hast';
import type { HastNode } from 'satteri';

/** Kept verbatim and not entered: code and what a browser does not show as prose. */
const VERBATIM = new Set([
  'code',
  'kbd',
  'samp',
  'var',
  'pre',
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'template',
]);
/** Verbatim elements that sit inside a sentence: the run goes on around them. */
const VERBATIM_INLINE = new Set(['code', 'kbd', 'samp', 'var']);
/** Phrasing elements a sentence runs through (`<a>lien</a> :` is one run). */
const INLINE = new Set([
  ...['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q'],
  ...['s', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u'],
]);
const RAW_TAG = /<(\/?)([a-z][a-z0-9-]*)\b[^>]*>/gi;

/** Text nodes of one stretch of inline text, in order; `null` for a verbatim inline element. */
export type Run = (Readonly<Text> | null)[];

export interface TextRuns {
  runs: Run[];
  /** Headings in document order (their ids are fixed before the text changes). */
  headings: Readonly<Element>[];
}

/**
 * Splits a hast tree into runs of text a reader sees as one piece of prose. Only text nodes are
 * returned, never one inside a verbatim element, whether it is hast, MDX JSX (`<kbd>` in .mdx) or
 * raw HTML in Markdown (`<kbd>`, text, `</kbd>` as three nodes). Attributes, and so URLs, raw
 * HTML and MDX expressions are never looked at.
 */
export function collectTextRuns(root: Readonly<HastNode>): TextRuns {
  const runs: Run[] = [];
  const headings: Readonly<Element>[] = [];
  let run: Run = [];
  let rawVerbatim = 0; // depth of verbatim elements opened by raw HTML
  const end = () => {
    if (run.some((piece) => piece !== null)) runs.push(run);
    run = [];
  };
  const block = (children: readonly Readonly<HastNode>[]) => {
    end();
    children.forEach(walk);
    end();
  };
  const element = (name: string, children: readonly Readonly<HastNode>[], inline: boolean) => {
    if (VERBATIM.has(name)) {
      if (VERBATIM_INLINE.has(name)) run.push(null);
      else end();
    } else if (inline) children.forEach(walk);
    else block(children);
  };
  const raw = (html: string) => {
    const inside = rawVerbatim > 0;
    const names = [...html.matchAll(RAW_TAG)].map(([, closing, tag = '']) => ({ closing, name: tag.toLowerCase() }));
    for (const { closing, name } of names) {
      if (VERBATIM.has(name)) rawVerbatim = Math.max(0, rawVerbatim + (closing ? -1 : 1));
    }
    if (inside) return; // its closing tag is here or further on
    if (names.some(({ name }) => VERBATIM_INLINE.has(name))) run.push(null);
    // `<abbr …>` or `</a>` alone: the sentence goes on; anything else is markup that ends it.
    else if (names.some(({ name }) => !INLINE.has(name)) || html.replace(RAW_TAG, '').trim() !== '') end();
  };
  const walk = (node: Readonly<HastNode>): void => {
    if (node.type === 'raw') return raw(node.value);
    if (rawVerbatim > 0) return; // inside `<kbd>…</kbd>` written as raw HTML
    switch (node.type) {
      case 'text':
        run.push(node);
        return;
      case 'element':
        if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
        return element(node.tagName, node.children, INLINE.has(node.tagName));
      case 'mdxJsxTextElement':
        // A component renders markup of its own: opaque in the sentence, its children a block.
        if (node.name && /^[a-z]/.test(node.name)) return element(node.name, node.children, INLINE.has(node.name));
        if (node.children.length === 0) run.push(null);
        else block(node.children);
        return;
      case 'mdxJsxFlowElement':
        if (node.name && VERBATIM.has(node.name)) return end();
        return block(node.children);
      case 'root':
        return block(node.children);
      default:
        return; // comments, MDX expressions and ESM, doctype: show nothing, the sentence goes on
    }
  };
  walk(root);
  end();
  return { runs, headings };
}
