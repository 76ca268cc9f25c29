import { checkDrift, type ExpectedHeaders } from '../checks/drift.ts';
import { classifySubresources, judgeFetched, type Subresource } from '../checks/subresources.ts';
import { judgeImport, StylesheetScan, type CssImport } from '../checks/css-imports.ts';
import { request, type Fetched } from './http.ts';
import type { Finding } from '../report/types.ts';

/** Distinct same-origin files fetched per audit, at most: a bound on requests, noted when reached. */
export const MAX_SUBRESOURCES = 500;

interface Entry {
  response: Promise<Fetched>;
  /** The first page that referenced the file: drift of its headers is reported there, once. */
  owner: string;
  /** For a stylesheet, its `@import`s (scanned while it is hashed; none when it did not answer 2xx). */
  imports?: Promise<CssImport[]>;
}

const isOk = (status: number) => status >= 200 && status <= 299;

/** Same-origin scripts and stylesheets, each fetched once per audit however many pages use it. */
export class Subresources {
  readonly #entries = new Map<string, Entry>();
  readonly #options: { timeoutMs: number; expect?: ExpectedHeaders | undefined };
  #skipped = 0;

  constructor(options: { timeoutMs: number; expect?: ExpectedHeaders | undefined }) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  notes(): string[] {
    return this.#skipped > 0
      ? [`${this.#skipped} subresource checks skipped: more than ${MAX_SUBRESOURCES} distinct files`]
      : [];
  }

  /** The SRI findings of one HTML page (and drift of its files' headers, with `--expect`). */
  async check(pageUrl: string, finalUrl: string, found: readonly Subresource[]): Promise<Finding[]> {
    const { findings, verify } = classifySubresources(finalUrl, found);
    for (const f of findings) f.url = pageUrl;
    const sheets: { url: string; subject: string; entry: Entry }[] = [];
    for (const item of verify) {
      const entry = this.#get(item.url, pageUrl, item.stylesheet);
      if (!entry) continue;
      const response = await entry.response;
      findings.push(...judgeFetched(pageUrl, item, response));
      this.#drift(pageUrl, item.url, entry, response, findings);
      if (item.stylesheet) sheets.push({ url: item.url, subject: item.subject, entry });
    }
    findings.push(...(await this.#imports(pageUrl, sheets)));
    return findings;
  }

  #drift(pageUrl: string, url: string, entry: Entry, response: Fetched, findings: Finding[]): void {
    const expect = this.#options.expect;
    if (expect && entry.owner === pageUrl && isOk(response.status)) {
      findings.push(...checkDrift(pageUrl, response.headers, expect.headersFor(new URL(url).pathname), url));
    }
  }

  /** The `@import`s of the page's stylesheets, following same-origin ones (each once per page). */
  async #imports(pageUrl: string, sheets: { url: string; subject: string; entry: Entry }[]): Promise<Finding[]> {
    const findings: Finding[] = [];
    const seen = new Set(sheets.map((s) => s.url));
    for (let sheet = sheets.shift(); sheet; sheet = sheets.shift()) {
      for (const found of (await sheet.entry.imports) ?? []) {
        const judged = judgeImport(pageUrl, sheet, found);
        findings.push(...judged.findings);
        if (judged.follow === undefined || seen.has(judged.follow)) continue;
        seen.add(judged.follow);
        const entry = this.#get(judged.follow, pageUrl, true);
        if (!entry) continue;
        this.#drift(pageUrl, judged.follow, entry, await entry.response, findings);
        sheets.push({ url: judged.follow, subject: `stylesheet ${judged.follow} (imported)`, entry });
      }
    }
    return findings;
  }

  #get(url: string, pageUrl: string, stylesheet = false): Entry | undefined {
    // A stylesheet is scanned for @import as it is hashed: the same URL as a script is another entry.
    const key = stylesheet ? `stylesheet ${url}` : url;
    const known = this.#entries.get(key);
    if (known) return known;
    if (this.#entries.size >= MAX_SUBRESOURCES) {
      this.#skipped++;
      return undefined;
    }
    // Digests (and a stylesheet's imports) only: the entry lives for the whole audit, so it must
    // not hold the file itself.
    let scan: StylesheetScan | undefined;
    const tap = (fetched: Fetched) => {
      if (!stylesheet || !isOk(fetched.status)) return undefined;
      const started = new StylesheetScan(fetched.headers.get('content-type') ?? '');
      scan = started;
      return (chunk: Uint8Array) => started.write(chunk);
    };
    const response = request(url, { timeoutMs: this.#options.timeoutMs, digest: true, tap });
    const entry: Entry = { response, owner: pageUrl };
    if (stylesheet) entry.imports = response.then(() => scan?.end() ?? []);
    // Handled by the awaiting page; this keeps a rejection of a shared entry from being "unhandled".
    response.catch(() => undefined);
    entry.imports?.catch(() => undefined);
    this.#entries.set(key, entry);
    return entry;
  }
}
