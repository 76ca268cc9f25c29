/** One piece of a Pagefind excerpt: plain text, or text Pagefind marked as matching the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few entities Pagefind writes, and numeric ones; anything else stays literal text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Splits Pagefind's excerpt HTML into text and `<mark>` parts without ever parsing it as HTML:
 * the only markup Pagefind emits is `<mark>`; every other `<` was escaped by Pagefind. The UI turns
 * the parts into text nodes and `<mark>` elements, so no string ever reaches an HTML sink.
 */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const token of html.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') mark = true;
    else if (token === '</mark>') mark = false;
    else if (token !== '') parts.push({ text: decodeEntities(token), mark });
  }
  return parts;
}
