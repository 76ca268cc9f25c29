import type { Schema } from 'hast-util-sanitize';
import { createPropertyNames, type Attribute } from './attribute-names.ts';
import { SameOriginReference } from './same-origin.ts';

/**
 * The strict allow-list content is checked against (hast-util-sanitize's format). Whatever it does
 * not name is refused: every other element (script, style, iframe, form, svg, math…), every event
 * handler, `style`, `srcset`, `srcdoc`… Prose, tables, footnotes and Prism's class names only.
 */

/** Images and media load from a path on this site: a third-party URL would track readers. */
const sameOrigin = new SameOriginReference();
/** DOM clobbering: content may only use the ids the pipeline writes for footnotes. */
const footnoteId: [string, RegExp, string] = ['id', /^user-content-fn(?:ref)?-[\w-]+$/, 'footnote-label'];
const language = /^language-[\w+#-]+$/;
/** Prism token classes (`token`, `keyword`, `attr-name`…): lowercase words, never markup. */
const prismToken = /^[a-z][a-z\d]*(?:-[a-z\d]+)*$/;
const preload: [string, ...string[]] = ['preload', 'none', 'metadata', 'auto'];

const tagNames = [
  ...['a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'cite', 'code', 'data', 'dd', 'del', 'details'],
  ...['dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i'],
  ...['img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section'],
  ...['small', 'span', 'strong', 'sub', 'summary', 'sup', 'time', 'u', 'ul', 'var', 'wbr'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['audio', 'video', 'source', 'track'],
];

export const contentSchema: Schema = {
  tagNames,
  attributes: {
    '*': ['title', 'lang', 'dir', footnoteId],
    // The footnote markers and back-link class are the ones the GFM pipeline writes.
    a: [
      ...['href', 'hrefLang', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
      ['ariaDescribedBy', 'footnote-label'],
      ['className', 'data-footnote-backref'],
    ],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    data: ['value'],
    time: ['dateTime'],
    details: ['open'],
    pre: [['className', language], 'dataLanguage'],
    code: [['className', language]],
    span: [['className', prismToken]],
    // The prose classes the real pages use (src/styles/prose.css).
    div: [['className', 'hero']],
    p: [['className', 'eyebrow', 'principle']],
    h2: [['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    ol: ['start', 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    li: ['value'],
    th: ['colSpan', 'rowSpan', 'headers', ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    td: ['colSpan', 'rowSpan', 'headers'],
    col: ['span'],
    colgroup: ['span'],
    img: [['src', sameOrigin], 'alt', 'width', 'height', ['loading', 'lazy', 'eager'], ['decoding', 'async', 'auto']],
    video: [['src', sameOrigin], ['poster', sameOrigin], 'controls', 'loop', 'muted', 'playsInline', preload],
    audio: [['src', sameOrigin], 'controls', 'loop', 'muted', preload],
    source: [['src', sameOrigin], 'type'],
    track: [['src', sameOrigin], ['kind', 'subtitles', 'captions', 'chapters'], 'srcLang', 'label', 'default'],
  },
  // Navigation may leave the site; no URL may run script (javascript:, vbscript:) or embed a
  // document (data:). Resource URLs need no list: sameOrigin already refuses every absolute URL.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'] },
  // Report, never rewrite: an id rewritten behind the author's back hides the problem.
  clobber: [],
  clobberPrefix: '',
  // Nesting rules are about rendering, not safety; checking one element at a time needs none.
  ancestors: {},
  required: {},
  strip: [],
  allowComments: true,
  allowDoctypes: false,
};

/** Written attribute name (`class`, `colspan`, `aria-label`) → the schema's hast property. */
const propertyOf = createPropertyNames(
  Object.values(contentSchema.attributes ?? {})
    .flat()
    .map((definition) => (typeof definition === 'string' ? definition : definition[0])),
);

/** An attribute as written in raw HTML or JSX, in hast form (`class` becomes a list of names). */
export function toAttribute(name: string, value: string | true): Attribute {
  const property = propertyOf(name);
  if (property === 'className' && typeof value === 'string') {
    return { name, property, value: value.split(/[ \t\n\f\r]+/).filter(Boolean) };
  }
  return { name, property, value };
}
