/**
 * Finds the `@import` rules of a stylesheet while it streams in, one character at a time, with
 * the parts of CSS Syntax § 4 (tokenization) that decide what is an at-keyword: comments, strings
 * (which end at a newline), unquoted `url(…)` and escapes (`@\69mport` is `@import`, `u\72l(` a
 * URL). Anything else is plain text. A pattern over the text would be fooled by a quote inside an
 * unquoted URL that swallows the rest of the line, or by an escaped at-keyword. Every `@import`
 * is reported, also one a browser ignores because it comes after other rules: a harmless excess.
 */
/** `@import`s kept per stylesheet, at most: a bound on memory (10 MiB of `@import"";` is a million). */
export const MAX_IMPORTS = 100;

export class CssImportScanner {
  /** The prelude (text up to `;` or `{`) of each `@import`, raw, with the line it starts on. */
  readonly preludes: { text: string; line: number }[] = [];
  #mode: 'data' | 'comment' | 'string' | 'url-start' | 'url' | 'prelude' = 'data';
  #line = 1;
  /** data: a `/` that may open a comment; comment: a `*` that may close it. */
  #pendingSlashOrStar = false;
  /** `\` seen (its escape is being read): `hex` digits so far, `undefined` just after the backslash. */
  #escape: { hex: string | undefined } | undefined;
  /** The identifier or at-keyword being read, unescaped and lowercased (only its first characters). */
  #word: { text: string; at: boolean; ident: boolean } | undefined;
  #quote = '';
  #prelude = { text: '', quote: '', comment: false, line: 1 };

  #afterCr = false;

  write(text: string): void {
    // CSS Syntax § 3.3: CR LF, CR and FF are each one newline (a CR LF may straddle two pieces).
    for (const char of text) {
      if (char === '\n' && this.#afterCr) {
        this.#afterCr = false;
        continue;
      }
      this.#afterCr = char === '\r';
      this.#char(char === '\r' || char === '\f' ? '\n' : char);
    }
  }

  end(): void {
    this.#endWord('');
    if (this.#mode === 'prelude') this.#endPrelude();
  }

  #char(char: string): void {
    if (char === '\n') this.#line++;
    switch (this.#mode) {
      case 'comment':
        if (this.#pendingSlashOrStar && char === '/') this.#mode = 'data';
        this.#pendingSlashOrStar = char === '*';
        return;
      case 'string':
        if (this.#escape) this.#escape = undefined;
        else if (char === '\\') this.#escape = { hex: undefined };
        else if (char === this.#quote || char === '\n') this.#mode = 'data';
        return;
      case 'url-start':
        if (/[\t\n ]/.test(char)) return;
        this.#mode = char === '"' || char === "'" ? 'data' : 'url';
        if (this.#mode === 'data') return this.#char(char);
        return this.#url(char);
      case 'url':
        return this.#url(char);
      case 'prelude':
        return this.#inPrelude(char);
      default:
        return this.#data(char);
    }
  }

  #url(char: string): void {
    // A bad URL (whitespace or a quote inside it) is consumed to its `)` all the same.
    if (this.#escape) this.#escape = undefined;
    else if (char === '\\') this.#escape = { hex: undefined };
    else if (char === ')') this.#mode = 'data';
  }

  #data(char: string): void {
    if (this.#escape) return this.#inEscape(char);
    if (this.#pendingSlashOrStar) {
      this.#pendingSlashOrStar = false;
      if (char === '*') {
        this.#endWord('');
        this.#mode = 'comment';
        return;
      }
    }
    if (char === '\\') {
      this.#escape = { hex: undefined };
      return;
    }
    if (this.#word && /[-_a-zA-Z0-9\u0080-\u{10ffff}]/u.test(char)) return this.#addToWord(char);
    this.#endWord(char);
    if (this.#mode !== 'data') return;
    if (char === '@') this.#word = { text: '', at: true, ident: true };
    else if (/[-_a-zA-Z\u0080-\u{10ffff}]/u.test(char))
      this.#word = { text: char.toLowerCase(), at: false, ident: true };
    // A number's unit or a hash is not an identifier: neither `1url(` nor `#url(` is a URL.
    else if (/[0-9#]/.test(char)) this.#word = { text: '', at: false, ident: false };
    else if (char === '"' || char === "'") [this.#mode, this.#quote] = ['string', char];
    else if (char === '/') this.#pendingSlashOrStar = true;
  }

  /** After a backslash in data: a newline ends the word (it is no escape), hex digits make a code point. */
  #inEscape(char: string): void {
    const escape = this.#escape;
    if (!escape) return;
    if (escape.hex === undefined) {
      if (char === '\n') {
        this.#escape = undefined;
        return this.#data(char);
      }
      if (/[0-9a-fA-F]/.test(char)) {
        escape.hex = char;
        return;
      }
      this.#escape = undefined;
      return this.#addToWord(char);
    }
    if (/[0-9a-fA-F]/.test(char) && escape.hex.length < 6) {
      escape.hex += char;
      return;
    }
    this.#escape = undefined;
    const code = Number.parseInt(escape.hex, 16);
    const valid = code !== 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    this.#addToWord(valid ? String.fromCodePoint(code) : '\ufffd');
    // One whitespace after a hex escape belongs to it; anything else is read anew.
    if (!/[\t\n ]/.test(char)) this.#data(char);
  }

  #addToWord(char: string): void {
    this.#word ??= { text: '', at: false, ident: true };
    if (this.#word.text.length < 8) this.#word.text += char.toLowerCase();
  }

  #endWord(next: string): void {
    const word = this.#word;
    if (!word) return;
    this.#word = undefined;
    if (word.at && word.text === 'import') {
      this.#mode = 'prelude';
      this.#prelude = { text: '', quote: '', comment: false, line: this.#line };
      if (next !== '') this.#inPrelude(next);
    } else if (!word.at && word.ident && word.text === 'url' && next === '(') {
      this.#mode = 'url-start';
    }
  }

  /** Keeps the text after `@import` up to `;` or `{` outside strings and comments (4 KiB at most). */
  #inPrelude(char: string): void {
    const p = this.#prelude;
    const previous = p.text.at(-1);
    if (p.text.length < 4096) p.text += char;
    if (p.comment) p.comment = !(previous === '*' && char === '/');
    else if (p.quote) {
      if (char === p.quote && previous !== '\\') p.quote = '';
    } else if (char === '"' || char === "'") p.quote = char;
    else if (previous === '/' && char === '*') p.comment = true;
    else if (char === ';' || char === '{') this.#endPrelude();
  }

  #endPrelude(): void {
    // Kept up to the bound; one more tells the caller that the rest went unread.
    if (this.preludes.length <= MAX_IMPORTS) this.preludes.push({ text: this.#prelude.text, line: this.#prelude.line });
    this.#mode = 'data';
  }
}
