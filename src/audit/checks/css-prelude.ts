// The URL of an `@import`, read from its prelude (the text up to `;` or `{`, at most 4 KiB) as
// CSS Syntax tokenizes it: the first token after spaces and comments is a string or `url(…)`.

/** Reads the URL of an `@import` prelude: a string or `url(…)` first, after spaces and comments. */
export function importUrl(prelude: string): string | undefined {
  const reader = new PreludeReader(prelude);
  reader.skipSpace();
  if (reader.quote()) return reader.string();
  if (reader.name().toLowerCase() !== 'url' || !reader.take('(')) return undefined;
  reader.skipWhitespace();
  return reader.quote() ? reader.string() : reader.unquotedUrl();
}

class PreludeReader {
  #at = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  #peek(offset = 0): string {
    return this.#text[this.#at + offset] ?? '';
  }

  skipWhitespace(): void {
    while (/^[\t\n\r\f ]$/.test(this.#peek())) this.#at++;
  }

  skipSpace(): void {
    for (;;) {
      this.skipWhitespace();
      if (!this.#text.startsWith('/*', this.#at)) return;
      const end = this.#text.indexOf('*/', this.#at + 2);
      this.#at = end < 0 ? this.#text.length : end + 2;
    }
  }

  quote(): boolean {
    return this.#peek() === '"' || this.#peek() === "'";
  }

  take(char: string): boolean {
    if (this.#peek() !== char) return false;
    this.#at++;
    return true;
  }

  /** An escape after its backslash: up to six hex digits (and one whitespace), or one character. */
  #escape(): string {
    const hex = /^[0-9a-fA-F]{1,6}/.exec(this.#text.slice(this.#at, this.#at + 6))?.[0];
    if (!hex) return this.#text[this.#at++] ?? '\ufffd';
    this.#at += hex.length;
    if (/^[\t\n\r\f ]$/.test(this.#peek())) this.#at++;
    const code = Number.parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  }

  name(): string {
    let name = '';
    for (;;) {
      const char = this.#peek();
      if (char === '\\' && !/^[\n\r\f]?$/.test(this.#peek(1))) {
        this.#at++;
        name += this.#escape();
      } else if (/^[-_a-zA-Z0-9\u0080-\uffff]$/.test(char)) {
        name += char;
        this.#at++;
      } else return name;
    }
  }

  /** A string token's value; undefined for a bad string (a newline inside), which voids the rule. */
  string(): string | undefined {
    const quote = this.#text[this.#at++];
    let value = '';
    for (;;) {
      const char = this.#text[this.#at++];
      if (char === undefined || char === quote) return value;
      if (/^[\n\r\f]$/.test(char)) return undefined;
      if (char !== '\\') value += char;
      else if (/^[\n\r\f]$/.test(this.#peek())) this.#at++;
      else if (this.#peek() !== '') value += this.#escape();
    }
  }

  unquotedUrl(): string | undefined {
    let value = '';
    for (;;) {
      const char = this.#text[this.#at++];
      if (char === undefined || char === ')') return value;
      if (/^[\t\n\r\f ]$/.test(char)) {
        this.skipWhitespace();
        return this.#peek() === ')' || this.#peek() === '' ? value : undefined;
      }
      if (char === '"' || char === "'" || char === '(') return undefined;
      value += char === '\\' ? this.#escape() : char;
    }
  }
}
