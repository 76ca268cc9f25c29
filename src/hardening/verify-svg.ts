import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import type { SecurityOptions } from '../security/options.ts';
import { getReferrerPolicy } from '../security/headers/simple.ts';
import type { DistFiles } from './dist-files.ts';
import { markupProblems, type ElementView } from './markup-rules.ts';
import { sourceOf, type BuildTrust } from './trust.ts';

const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Namespaces whose elements a browser builds as live HTML or MathML elements inside the SVG document. */
const FOREIGN_LIVE: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'HTML',
  'http://www.w3.org/1998/Math/MathML': 'MathML',
};

/** SVG elements an SVG document must not hold: code, and HTML islands that could carry it. */
const REFUSED = new Set(['script', 'foreignobject', 'style']);

/**
 * The name the markup rules know an attribute by. Browsers resolve prefixes: `l:href` bound to the
 * XLink namespace is `xlink:href` whatever the prefix, so rules keyed on names must see it so.
 */
function ruleName(attribute: SaxesAttributeNS): string | undefined {
  // Namespace declarations, `xmlns` itself included: saxes puts them all in the XMLNS namespace.
  if (attribute.uri === XMLNS_NS) return undefined;
  if (attribute.uri === XLINK_NS) return `xlink:${attribute.local}`;
  if (attribute.uri === XML_NS) return `xml:${attribute.local}`;
  return attribute.name;
}

function elementView(tag: SaxesTagNS): ElementView {
  const attrs = new Map<string, string>();
  for (const attribute of Object.values(tag.attributes)) {
    const name = ruleName(attribute);
    if (name !== undefined) attrs.set(name, attribute.value);
  }
  return { tag: tag.local.toLowerCase(), space: 'svg', attrs };
}

/**
 * An SVG file opened on its own is a document: its scripts and handlers run with our origin, and some
 * hosts serve it without our CSP. It is read as browsers read `image/svg+xml`: as namespaced XML, so
 * that `<s:script>` bound to the SVG namespace is a script and `<h:iframe>` bound to XHTML is a live
 * HTML element. A file that is not well-formed XML is refused (a lenient reading is where a parser and
 * a browser disagree), as are a DOCTYPE (entity declarations would expand into markup) and
 * `<?xml-stylesheet?>` (a load).
 */
export function verifySvg(file: string, dist: DistFiles, options: SecurityOptions, trust: BuildTrust): string[] {
  const source = sourceOf(file, trust);
  const text = dist.read(`/${file}`)?.toString('utf8') ?? '';
  const context = { origin: options.origin, pagePath: `/${file}`, referrerPolicy: getReferrerPolicy() };
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  // A tag's problems are dated at its `<`, not at the `>` a long attribute list may push lines away.
  let tagLine = 1;
  parser.on('opentagstart', () => (tagLine = parser.line));
  parser.on('doctype', () =>
    problems.push(`${source}:${parser.line}: SVG with a DOCTYPE (entities could hide markup)`),
  );
  parser.on('processinginstruction', ({ target }) => {
    if (target.toLowerCase() === 'xml-stylesheet')
      problems.push(`${source}:${parser.line}: <?xml-stylesheet?> in an SVG file`);
  });
  parser.on('opentag', (tag) => {
    const at = `${source}:${tagLine}`;
    const live = FOREIGN_LIVE[tag.uri];
    if (live) problems.push(`${at}: ${live} element <${tag.name}> in an SVG file`);
    const element = elementView(tag);
    // Refused in any namespace: stricter than browsers, which run them only as SVG or HTML elements.
    if (REFUSED.has(element.tag)) problems.push(`${at}: <${tag.local}> in an SVG file`);
    for (const problem of markupProblems(element, context)) problems.push(`${at}: ${problem}`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    // saxes throws on the first well-formedness error; its message starts with "line:column: ".
    const reason = error instanceof Error ? error.message.replace(/^\d+:\d+: /, '') : String(error);
    problems.push(`${source}:${parser.line}: not well-formed XML (${reason}); browsers refuse to render it`);
  }
  return problems;
}
