import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import type { Attribute } from './attribute-names.ts';
import { toAttribute } from './schema.ts';

/** A start tag of raw HTML, its attributes mapped onto the schema's properties. */
export interface RawStartTag {
  tagName: string;
  attributes: Attribute[];
  /** 1-based line within the raw HTML. */
  line: number;
}

export interface RawHtmlScan {
  tags: RawStartTag[];
  /** False when the HTML ends inside a tag, an attribute value or a comment. */
  terminated: boolean;
}

/** Appended to every chunk: it can only be tokenized as a start tag if the chunk closed everything. */
const SENTINEL = '<content-gate-end>';

/**
 * Raw HTML in Markdown reaches the page verbatim, chunk by chunk, so it is read the way a browser
 * reads it: with parse5's spec tokenizer, every start tag, including those a tree builder would
 * ignore or merge (`<body onload>` adds its handler to the page's body). The tokenizer stays in the
 * data state: only refused elements (script, style, textarea, svg…) would switch it, and those fail
 * the build anyway. A chunk that ends inside a tag, attribute value or comment would swallow the
 * markup after it (`<div title="` here, `<!-- " onmouseover="…" -->` further down), so it is an error.
 */
export function scanRawHtml(raw: string): RawHtmlScan {
  // Browsers normalise newlines first; doing the same keeps offsets and lines in step.
  const html = raw.replace(/\r\n?/g, '\n');
  const scan: RawHtmlScan = { tags: [], terminated: false };
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onStartTag(token: Token.TagToken) {
      if (token.location?.startOffset === html.length) {
        scan.terminated = true;
        return;
      }
      const attributes = token.attrs.map(({ name, value }) => toAttribute(name, value));
      scan.tags.push({ tagName: token.tagName, attributes, line: token.location?.startLine ?? 1 });
    },
    onEndTag: ignore,
    onComment: ignore,
    onDoctype: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onEof: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html + SENTINEL, true);
  return scan;
}
