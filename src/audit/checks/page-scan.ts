import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import { htmlEncoding } from './html-charset.ts';
import { HtmlScanner, MAX_OPEN_ELEMENTS, PageTooComplexError, type ScannedElement } from './html-scan.ts';
import { decodeInPieces } from './streamed-text.ts';

/** An HTML page whose body the audit could not read whole: its subresources were not judged. */
export const BODY_RULES = defineRules([
  {
    id: 'page-unjudged',
    severity: 'high',
    scope: 'page',
    title: 'Page too large or too complex to judge',
    help: `The audit reads each HTML page while it streams in, without keeping it, and gives up on a body over 10 MiB, on markup nesting more than ${MAX_OPEN_ELEMENTS} open elements, and on more than 1000 scripts, stylesheets and \`<base>\` elements: their Subresource Integrity is then not checked, so the page cannot pass. Serve smaller pages.`,
    reference: 'https://html.spec.whatwg.org/multipage/parsing.html',
  },
] as const);

/** Scripts, stylesheets and `<base>` kept per page, at most: a bound on memory, reported when reached. */
export const MAX_PAGE_ELEMENTS = 1000;
/** The HTML prescan looks for a `<meta charset>` in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;

/**
 * The body of one HTML page, decoded as a browser would and scanned chunk by chunk: nothing of the
 * page is kept but the elements that load code, so many 10 MiB pages in flight cost little memory.
 */
export class PageScan {
  readonly #contentType: string;
  readonly #scanner = new HtmlScanner();
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #decoder: TextDecoder | undefined;
  /** Why the page could not be judged, once known. */
  #unjudged: string | undefined;

  constructor(contentType: string) {
    this.#contentType = contentType;
  }

  /** Feeds one chunk; false once the page cannot be judged (the rest need not be read). */
  write(chunk: Uint8Array): boolean {
    if (this.#decoder) return this.#decode(this.#decoder, chunk);
    this.#head.push(chunk);
    this.#headBytes += chunk.byteLength;
    return this.#headBytes < PRESCAN_BYTES || this.#start();
  }

  /** The elements found, or the finding that says why there are none to trust. */
  finish(url: string, body: { bytes: number; complete: boolean } | undefined): ScannedElement[] | Finding {
    if (this.#unjudged === undefined && body?.complete === false) {
      this.#unjudged = `its body is larger than the 10 MiB the audit reads (${body.bytes} bytes read)`;
    }
    if (this.#unjudged === undefined) {
      if (!this.#decoder) this.#start();
      this.#feed(this.#decoder?.decode() ?? '');
      this.#end();
    }
    if (this.#unjudged !== undefined) {
      return BODY_RULES.finding(
        'page-unjudged',
        url,
        `not judged: ${this.#unjudged}; its scripts and stylesheets were not checked`,
      );
    }
    return this.#scanner.found;
  }

  #start(): boolean {
    const head = Buffer.concat(this.#head);
    this.#head = [];
    this.#decoder = new TextDecoder(htmlEncoding(this.#contentType, head));
    return this.#decode(this.#decoder, head);
  }

  #decode(decoder: TextDecoder, bytes: Uint8Array): boolean {
    return decodeInPieces(decoder, bytes, (text) => this.#feed(text));
  }

  #feed(text: string): boolean {
    return this.#guard(() => this.#scanner.write(text));
  }

  #end(): void {
    this.#guard(() => this.#scanner.end());
  }

  #guard(step: () => void): boolean {
    if (this.#unjudged !== undefined) return false;
    try {
      step();
    } catch (error) {
      if (!(error instanceof PageTooComplexError)) throw error;
      this.#unjudged = `its markup has ${error.message}`;
      return false;
    }
    if (this.#scanner.found.length > MAX_PAGE_ELEMENTS) {
      this.#unjudged = `it has more than ${MAX_PAGE_ELEMENTS} script, link and base elements`;
      return false;
    }
    return true;
  }
}
