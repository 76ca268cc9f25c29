import { defineRules } from '../rules/rule.ts';
import type { Finding } from '../report/types.ts';
import { documentKind } from './content-type.ts';
import { htmlEncoding } from './html-charset.ts';
import {
  HtmlScanner,
  MAX_OPEN_ELEMENTS,
  MAX_PAGE_ELEMENTS,
  MAX_SRCDOC_DEPTH,
  PageTooComplexError,
  type ScannedElement,
} from './html-scan.ts';

export { MAX_PAGE_ELEMENTS } from './html-scan.ts';
import { decodeInPieces } from './streamed-text.ts';

/** An HTML page whose body the audit could not read whole: its subresources were not judged. */
export const BODY_RULES = defineRules([
  {
    id: 'page-unjudged',
    severity: 'high',
    scope: 'page',
    title: 'Page too large or too complex to judge',
    help: `The audit reads each HTML page while it streams in, without keeping it, and gives up on a body over 10 MiB, on markup nesting more than ${MAX_OPEN_ELEMENTS} open elements or \`<iframe srcdoc>\` documents more than ${MAX_SRCDOC_DEPTH} deep, and on more than ${MAX_PAGE_ELEMENTS} script, link, base, frame and embed elements: their Subresource Integrity is then not checked, so the page cannot pass. Serve smaller pages.`,
    reference: 'https://html.spec.whatwg.org/multipage/parsing.html',
  },
  {
    id: 'page-xml',
    severity: 'high',
    scope: 'page',
    title: 'Page served as XML',
    help: 'A page typed `application/xhtml+xml`, `text/xml`, `application/xml` or any `+xml` type (or sent untyped and starting with `<?xml`, which browsers sniff as XML) is parsed by browsers as XML, whose rules differ from HTML (CDATA sections, self-closing `<script/>`, namespaces, `<?xml-stylesheet?>` and XSLT): the HTML scan could see other scripts than a browser runs, so its scripts and stylesheets are not judged and the page cannot pass. The site serves HTML only: serve pages as `text/html`.',
    reference: 'https://mimesniff.spec.whatwg.org/#xml-mime-type',
  },
] as const);

/** The HTML prescan looks for a `<meta charset>` in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;

/**
 * The body of one HTML page, decoded as a browser would and scanned chunk by chunk: nothing of the
 * page is kept but the elements that load code, so many 10 MiB pages in flight cost little memory.
 */
export class PageScan {
  readonly #charset: string | undefined;
  readonly #sniffed: boolean;
  readonly #scanner = new HtmlScanner();
  #head: Uint8Array[] = [];
  #headBytes = 0;
  #decoder: TextDecoder | undefined;
  /** Why the page could not be judged, once known. */
  #unjudged: string | undefined;
  /** Set when browsers parse the page as XML: it is then not scanned at all. */
  #xml: string | undefined;

  /** `contentType`: the response's Content-Type (all its values joined, as `Headers.get` gives them). */
  constructor(contentType: string) {
    const { kind, charset } = documentKind(contentType);
    this.#charset = charset;
    this.#sniffed = kind === 'sniffed';
    if (kind === 'xml') this.#xml = `served as ${JSON.stringify(contentType)}, an XML type`;
    else if (kind === 'other') throw new Error(`audit: ${contentType} is not rendered as a page`);
  }

  /** Feeds one chunk; false once the page cannot be judged (the rest need not be read). */
  write(chunk: Uint8Array): boolean {
    if (this.#xml !== undefined) return false;
    if (this.#decoder) return this.#decode(this.#decoder, chunk);
    this.#head.push(chunk);
    this.#headBytes += chunk.byteLength;
    return this.#headBytes < PRESCAN_BYTES || this.#start();
  }

  /** The elements found, or the finding that says why there are none to trust. */
  finish(url: string, body: { bytes: number; complete: boolean } | undefined): ScannedElement[] | Finding {
    if (this.#xml === undefined && !this.#decoder) this.#start();
    if (this.#xml !== undefined) {
      return BODY_RULES.finding(
        'page-xml',
        url,
        `${this.#xml}: browsers parse it as XML, not HTML; its scripts and stylesheets were not judged`,
      );
    }
    if (this.#unjudged === undefined && body?.complete === false) {
      this.#unjudged = `its body is larger than the 10 MiB the audit reads (${body.bytes} bytes read)`;
    }
    if (this.#unjudged === undefined) {
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
    // MIME Sniffing renders an untyped body that starts with `<?xml` (after whitespace) as text/xml.
    if (this.#sniffed && /^[\t\n\f\r ]*<\?xml/.test(head.subarray(0, PRESCAN_BYTES).toString('latin1'))) {
      this.#xml = 'sent without a valid Content-Type and starting with `<?xml`, which browsers sniff as XML';
      return false;
    }
    this.#decoder = new TextDecoder(htmlEncoding(this.#charset, head));
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
    return true;
  }
}
