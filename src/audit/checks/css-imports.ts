import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import { resolveUrl } from './base-url.ts';
import { importUrl } from './css-prelude.ts';
import { CssImportScanner, MAX_IMPORTS } from './css-tokens.ts';
import { extractMimeType } from './content-type.ts';
import { decodeInPieces } from './streamed-text.ts';
import { THIRD_PARTY_RULES } from './third-party.ts';

/** `@import` in a stylesheet the audit fetched: a stylesheet that Subresource Integrity does not pin. */
export const CSS_IMPORT_RULES = defineRules([
  {
    id: 'css-import',
    severity: 'medium',
    scope: 'page',
    title: 'Stylesheet imports another stylesheet',
    help: 'A stylesheet of the page (pinned with `integrity`) has an `@import`: the imported file is fetched without Subresource Integrity (an `@import` cannot carry it), so it can change without the page noticing, and one on another origin is also a third-party request (`third-party-load`). Same-origin imports are followed and judged the same way. Bundle imported stylesheets into the one the page links (Vite does by default).',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/CSS/@import',
  },
] as const);

/**
 * The findings of one `@import` of the stylesheet `sheet` (fetched for `pageUrl`), and the
 * same-origin stylesheet to follow, whose own imports a browser loads too.
 */
export function judgeImport(
  pageUrl: string,
  sheet: { url: string; subject: string },
  found: CssImport,
): { findings: Finding[]; follow?: string } {
  const at = `${sheet.subject} imports`;
  if (found.href === undefined) {
    const message = found.beyondLimit
      ? `${at} more than ${MAX_IMPORTS} stylesheets; from line ${found.line} on they were not read`
      : `${at} a stylesheet at line ${found.line} whose URL the audit could not read`;
    return { findings: [CSS_IMPORT_RULES.finding('css-import', pageUrl, message)] };
  }
  const target = resolveUrl(found.href, sheet.url);
  if (target === undefined) return { findings: [] };
  const subject = `${at} ${JSON.stringify(found.href)} (line ${found.line})`;
  const findings = [CSS_IMPORT_RULES.finding('css-import', pageUrl, `${subject}, not pinned by integrity`)];
  const origin = new URL(target).origin;
  if (origin === new URL(pageUrl).origin) return { findings, follow: target };
  const other = origin === 'null' ? `an opaque origin (${new URL(target).protocol})` : origin;
  findings.push(THIRD_PARTY_RULES.finding('third-party-load', pageUrl, `${subject} loads from ${other}`));
  return { findings };
}

/** One `@import` of a stylesheet: its URL as written (undefined when the audit cannot read it). */
export interface CssImport {
  href: string | undefined;
  line: number;
  /** Set on the one entry past MAX_IMPORTS: this and later imports were not read. */
  beyondLimit?: true;
}

/**
 * Encodings whose bytes for `"`, `\` or `@` can mean something else (a UTF-16 unit, the second
 * byte of a Shift_JIS character): a stylesheet without a BOM, charset or `@charset` is decoded with
 * its page's encoding, which differs per page, so it is read with each of these.
 */
const AMBIGUOUS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'big5', 'euc-kr'];
const HEAD_BYTES = 1024;

/**
 * The encodings a browser may decode a stylesheet with (CSS Syntax "determine the fallback
 * encoding"): its BOM, else the Content-Type charset, else a leading `@charset "…";`, else the
 * page's encoding (all of AMBIGUOUS).
 */
function cssEncodings(contentType: string, head: Uint8Array): string[] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return ['utf-8'];
  if (head[0] === 0xfe && head[1] === 0xff) return ['utf-16be'];
  if (head[0] === 0xff && head[1] === 0xfe) return ['utf-16le'];
  const header = known(extractMimeType(contentType)?.charset);
  if (header) return [header];
  const rule = /^@charset "([^"]*)";/.exec(Buffer.from(head.subarray(0, HEAD_BYTES)).toString('latin1'));
  const named = known(rule?.[1]);
  if (named) return [named.startsWith('utf-16') ? 'utf-8' : named];
  return AMBIGUOUS;
}

function known(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The `@import`s of a stylesheet fed chunk by chunk (nothing of it is kept but them). */
export class StylesheetScan {
  readonly #contentType: string;
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #scans: { decoder: TextDecoder; scanner: CssImportScanner }[] | undefined;

  constructor(contentType: string) {
    this.#contentType = contentType;
  }

  write(chunk: Uint8Array): void {
    if (this.#scans) return this.#feed(chunk);
    this.#head.push(chunk);
    this.#headBytes += chunk.byteLength;
    if (this.#headBytes >= HEAD_BYTES) this.#start();
  }

  end(): CssImport[] {
    if (!this.#scans) this.#start();
    const seen = new Map<string, CssImport>();
    for (const { decoder, scanner } of this.#scans ?? []) {
      scanner.write(decoder.decode());
      scanner.end();
      for (const [i, { text, line }] of scanner.preludes.entries()) {
        if (i === MAX_IMPORTS) seen.set('beyond', { href: undefined, line, beyondLimit: true });
        else seen.set(`${line} ${importUrl(text) ?? ''}`, { href: importUrl(text), line });
      }
    }
    return [...seen.values()];
  }

  #start(): void {
    const head = Buffer.concat(this.#head);
    this.#head = [];
    // `ignoreBOM: false` (the default) drops a BOM that matches, as browsers do.
    this.#scans = cssEncodings(this.#contentType, head).map((label) => ({
      decoder: new TextDecoder(label),
      scanner: new CssImportScanner(),
    }));
    this.#feed(head);
  }

  #feed(bytes: Uint8Array): void {
    for (const { decoder, scanner } of this.#scans ?? []) {
      decodeInPieces(decoder, bytes, (text) => {
        scanner.write(text);
        return true;
      });
    }
  }
}
