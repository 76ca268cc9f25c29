import { escapeXml } from '../../lib/xml.ts';

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text safe in an XML text node or a double-quoted attribute: markup characters escaped, characters
 * XML forbids replaced by U+FFFD, and line breaks as character references so attributes keep them.
 */
export function xmlText(text: string): string {
  return escapeXml(text.replace(INVALID_XML, '\uFFFD'))
    .replaceAll('\r', '&#13;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}
