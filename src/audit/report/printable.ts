// Page HTML, sitemap entries, Location and header values are chosen by the audited site. Printed raw,
// a control character could rewrite a CI log line (ANSI escapes, carriage returns) and a bidi override
// could make a finding read as something else (the "Trojan Source" trick): every format gets them
// spelled out as `\u{…}` instead.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** `text` with each control, format or bidi character written as `\u{hex}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`);
}

/** A copy of `value` with every string in it made printable (plain objects and arrays only). */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printableDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableDeep(v)])) as T;
  }
  return value;
}
