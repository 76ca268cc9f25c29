// Markup that a tokeniser-level reading (a regex, htmlparser2, a parser with scripting off) sees as
// inert, but that a browser's tree builder turns into a live handler or a `javascript:` link. Used
// in content (tests/build/content-tricks.test.ts) and in public/ (tests/build/verify-tricks.test.ts).

export interface ParserTrick {
  /** What the test is called: `<noscript> raw text`. */
  name: string;
  /** One line of markup; `needle` is its first character. */
  markup: string;
  /** The payload the browser runs: the word a refusal must name (in public/, where only verify sees it). */
  payload: RegExp;
  /** The content gate may refuse the wrapper element itself instead (it is not on the allow-list). */
  wrapper?: RegExp;
}

/** Each wrapper around an `<img onerror>` (or `onbegin`) handler and around a `javascript:` link. */
const WRAPPERS: readonly { name: string; around: (inner: string) => string; wrapper?: RegExp }[] = [
  {
    // Scripting on, <noscript> is raw text: `</noscript>` inside the attribute value ends it.
    name: '<noscript> raw text',
    around: (inner) => `<noscript><p title="</noscript>${inner}"></noscript>`,
    wrapper: /<noscript\b/,
  },
  {
    name: '<noembed> raw text',
    around: (inner) => `<noembed><p title="</noembed>${inner}"></noembed>`,
    wrapper: /<noembed\b/,
  },
  {
    name: '<iframe> raw text',
    around: (inner) => `<iframe><p title="</iframe>${inner}"></iframe>`,
    wrapper: /<iframe\b/,
  },
  {
    // `--!>` ends a comment for a browser; a reader waiting for `-->` sees the element as comment text.
    name: 'a comment closed by --!>',
    around: (inner) => `<!-- --!>${inner} -->`,
  },
  {
    // Outside foreign content `<![CDATA[` is a bogus comment that ends at the first `>`.
    name: 'a CDATA section in HTML',
    around: (inner) => `<![CDATA[>${inner}]]>`,
  },
  {
    // In <math>, <style> is a MathML element, not raw text; a <p> or <img> breaks out into HTML.
    name: '<style> inside <math>',
    around: (inner) => `<math><style><p>${inner}</p></style></math>`,
    wrapper: /<math\b|<style\b/,
  },
];

const HANDLER = '<img src="x" onerror="alert(1)">';
const LINK = '<a href="javascript:alert(1)">x</a>';

export const PARSER_TRICKS: readonly ParserTrick[] = [
  ...WRAPPERS.flatMap(({ name, around, wrapper }) => [
    {
      name: `${name} hiding an onerror handler`,
      markup: around(HANDLER),
      payload: /onerror/,
      ...(wrapper && { wrapper }),
    },
    {
      name: `${name} hiding a javascript: URL`,
      markup: around(LINK),
      payload: /javascript:/,
      ...(wrapper && { wrapper }),
    },
  ]),
  {
    // SMIL: an onbegin handler runs when the animation starts.
    name: 'SVG <animate onbegin>',
    markup: '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
    payload: /onbegin/,
    wrapper: /<svg\b/,
  },
  {
    // SMIL: the animation writes `javascript:` into the link's href at run time.
    name: 'SVG <animate> writing a javascript: href',
    markup: '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text x="0" y="20">x</text></a></svg>',
    payload: /javascript:/,
    wrapper: /<svg\b/,
  },
];
