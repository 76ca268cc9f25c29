/**
 * How a browser renders a response from its Content-Type, as the Fetch standard's "extract a MIME
 * type" reads it: every comma-separated value is parsed and the last valid one wins (a charset
 * carried over from an earlier value of the same type). Matching the raw header with a pattern let
 * `text/html, text/html` (two headers, joined) skip the scan while browsers render the page.
 */
export type DocumentKind =
  /** `text/html`: parsed with the HTML parser. */
  | 'html'
  /** An XML MIME type (`application/xhtml+xml`, `text/xml`, `image/svg+xml`…): parsed as XML. */
  | 'xml'
  /** No valid type: browsers sniff the body, and may render it as HTML or XML. */
  | 'sniffed'
  /** Anything else (text/plain, JSON, images…): not rendered as a document that loads code. */
  | 'other';

interface MimeType {
  essence: string;
  charset: string | undefined;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** MIME Sniffing's "parse a MIME type", keeping only the essence and the charset parameter. */
export function parseMimeType(input: string): MimeType | undefined {
  const text = input.replace(WHITESPACE, '');
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const type = text.slice(0, slash);
  let end = text.indexOf(';', slash);
  if (end < 0) end = text.length;
  const subtype = text.slice(slash + 1, end).replace(/[\t\n\r ]+$/, '');
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  let charset: string | undefined;
  let at = end;
  while (at < text.length && charset === undefined) {
    at = skip(text, at + 1, /[\t\n\r ]/);
    const stop = indexOfEither(text, at, ';', '=');
    const name = text.slice(at, stop).toLowerCase();
    at = stop;
    if (text[at] !== '=') continue;
    let value: string;
    if (text[at + 1] === '"') {
      [value, at] = quotedString(text, at + 1);
      at = indexOfEither(text, at, ';', ';');
    } else {
      const next = indexOfEither(text, at + 1, ';', ';');
      value = text.slice(at + 1, next).replace(/[\t\n\r ]+$/, '');
      at = next;
      if (value === '') continue;
    }
    // The first valid charset parameter counts; later duplicates are ignored.
    if (name === 'charset' && /^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(value)) charset = value;
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), charset };
}

function skip(text: string, at: number, char: RegExp): number {
  while (at < text.length && char.test(text[at] ?? '')) at++;
  return at;
}

function indexOfEither(text: string, from: number, a: string, b: string): number {
  for (let i = from; i < text.length; i++) if (text[i] === a || text[i] === b) return i;
  return text.length;
}

/** Fetch's "collect an HTTP quoted string" (extract-value), from the opening quote at `at`. */
function quotedString(text: string, at: number): [string, number] {
  let value = '';
  for (at++; at < text.length; at++) {
    const char = text[at];
    if (char === '"') return [value, at + 1];
    if (char === '\\') at++;
    value += text[at] ?? '\\';
  }
  return [value, at];
}

/** Splits a header value on commas outside quoted strings (Fetch: "get, decode, and split"). */
function splitValues(value: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === ',' && !quoted) {
      values.push(current);
      current = '';
      continue;
    }
    if (char === '"') quoted = !quoted;
    // Inside quotes a backslash keeps the next character (a quote or a comma) in the value.
    current += char === '\\' && quoted ? char + (value[++i] ?? '') : char;
  }
  values.push(current);
  return values.map((v) => v.replace(/^[\t ]+|[\t ]+$/g, ''));
}

/** Fetch's "extract a MIME type" from a (possibly joined) Content-Type value. */
export function extractMimeType(header: string): MimeType | undefined {
  let result: MimeType | undefined;
  for (const value of splitValues(header)) {
    const parsed = parseMimeType(value);
    if (!parsed || parsed.essence === '*/*') continue;
    const charset = parsed.essence === result?.essence ? (parsed.charset ?? result.charset) : parsed.charset;
    result = { essence: parsed.essence, charset };
  }
  return result;
}

/** The XML MIME types of MIME Sniffing: browsers render such a document with their XML parser. */
function isXml(essence: string): boolean {
  return essence === 'text/xml' || essence === 'application/xml' || essence.endsWith('+xml');
}

/** What a browser renders a response typed `header` as, and the charset that type gives. */
export function documentKind(header: string): { kind: DocumentKind; charset: string | undefined } {
  const type = extractMimeType(header);
  if (!type || type.essence === 'unknown/unknown' || type.essence === 'application/unknown') {
    return { kind: 'sniffed', charset: undefined };
  }
  if (type.essence === 'text/html') return { kind: 'html', charset: type.charset };
  return { kind: isXml(type.essence) ? 'xml' : 'other', charset: type.charset };
}
