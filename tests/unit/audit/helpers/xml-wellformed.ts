/** An element read back from XML: enough to count and inspect what a formatter wrote. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_:][A-Za-z0-9_:.-]*';
const ENTITY = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '<') throw new Error(`${where}: raw "<"`);
    if (c !== '&') {
      out += c;
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(raw);
    if (!m) throw new Error(`${where}: bare "&" at ${JSON.stringify(raw.slice(i, i + 12))}`);
    const ref = m[0].slice(1, -1);
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    out +=
      named[ref] ??
      String.fromCodePoint(ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    i += m[0].length - 1;
  }
  return out;
}

/**
 * A strict well-formedness check of the XML our formatters write (no DTD): one root element,
 * matching tags, quoted unique attributes, only the five predefined entities or character
 * references, no character XML 1.0 forbids. Throws with the offset of the first problem.
 */
export function parseXmlStrict(xml: string): XmlElement {
  if (INVALID_CHAR.test(xml)) throw new Error('xml: contains a character XML 1.0 forbids');
  let i = 0;
  const declaration = /^<\?xml\s+version="1\.0"(\s+encoding="UTF-8")?\s*\?>/.exec(xml);
  if (declaration) i = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const startTag = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
  const attribute = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  const endTag = new RegExp(`</(${NAME})\\s*>`, 'y');
  for (let guard = 0; i < xml.length; guard++) {
    if (guard > 1_000_000) throw new Error('xml: too many tokens');
    const parent = stack.at(-1);
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error(`xml: bad comment at ${i}`);
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      endTag.lastIndex = i;
      const m = endTag.exec(xml);
      if (!m || !parent || m[1] !== parent.name) throw new Error(`xml: unexpected end tag at ${i}`);
      stack.pop();
      i = endTag.lastIndex;
    } else if (xml.startsWith('<', i)) {
      startTag.lastIndex = i;
      const m = startTag.exec(xml);
      if (!m) throw new Error(`xml: bad start tag at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
      if (!parent && root) throw new Error(`xml: second root element at ${i}`);
      const element: XmlElement = { name: m[1] ?? '', attrs: {}, children: [], text: '' };
      for (const a of (m[2] ?? '').matchAll(attribute)) {
        const name = a[1] ?? '';
        if (name in element.attrs) throw new Error(`xml: duplicate attribute ${name} at ${i}`);
        element.attrs[name] = decode(a[2] ?? a[3] ?? '', `attribute ${name} at ${i}`);
      }
      if (parent) parent.children.push(element);
      else root = element;
      if (m[3] !== '/') stack.push(element);
      i = startTag.lastIndex;
    } else {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      const text = decode(raw, `text at ${i}`);
      if (parent) parent.text += text;
      else if (text.trim() !== '') throw new Error(`xml: text outside the root element at ${i}`);
      i += raw.length;
    }
  }
  if (stack.length > 0) throw new Error(`xml: <${stack.at(-1)?.name ?? ''}> is never closed`);
  if (!root) throw new Error('xml: no root element');
  return root;
}
