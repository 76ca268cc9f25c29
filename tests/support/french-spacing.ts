// What the French typography tests count: a space a browser may break at (U+0020, tab, CR, LF)
// where French wants a no-break one. Shared by the unit tests (strings) and the build test (dist/).
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** Before : ; ? ! » and % (after a digit), after « and n°. */
const BREAKABLE_SPACE = /[ \t\r\n]+(?=[:;?!»])|(?<=\d)[ \t\r\n]+(?=%)|(?<=«)[ \t\r\n]+|(?<=\b[nN]°)[ \t\r\n]+(?=\S)/g;

/** Each breakable space of `text` where French wants a no-break one, with 20 characters around it. */
export function findBreakableSpaces(text: string): string[] {
  return [...text.matchAll(BREAKABLE_SPACE)].map((m) =>
    JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)),
  );
}

// Never typeset, so never counted: code and what is not prose.
const VERBATIM = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'template',
  'textarea',
  'svg',
  'math',
]);
const PHRASING = new Set(
  'a abbr b bdi bdo cite data del dfn em i ins mark q s small span strong sub sup time u'.split(' '),
);

/**
 * The text of an HTML document as a reader meets it: inline elements are transparent (so
 * `<a>lien</a> :` is seen whole), a block ends a stretch (U+0001), code stands as U+0002.
 * Attribute values are not text and are not included.
 */
export function readableText(html: string): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) out += node.value;
    if (!('tagName' in node) && !('childNodes' in node)) return;
    const tag = 'tagName' in node ? node.tagName : '';
    if (VERBATIM.has(tag)) {
      out += '\u0002';
      return;
    }
    const block = tag !== '' && !PHRASING.has(tag);
    if (block) out += '\u0001';
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node) walk(node.content);
    if (block) out += '\u0001';
  };
  walk(parse(html));
  return out;
}
