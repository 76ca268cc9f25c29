import { checkDrift, type ExpectedHeaders } from '../checks/drift.ts';
import { classifySubresources, judgeFetched, type Subresource } from '../checks/subresources.ts';
import { request, type Fetched } from './http.ts';
import type { Finding } from '../report/types.ts';

/** Distinct same-origin files fetched per audit, at most: a bound on requests, noted when reached. */
export const MAX_SUBRESOURCES = 500;

interface Entry {
  response: Promise<Fetched>;
  /** The first page that referenced the file: drift of its headers is reported there, once. */
  owner: string;
}

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
    for (const item of verify) {
      const entry = this.#get(item.url, pageUrl);
      if (!entry) continue;
      const response = await entry.response;
      findings.push(...judgeFetched(pageUrl, item, response));
      const expect = this.#options.expect;
      if (expect && entry.owner === pageUrl && response.status >= 200 && response.status <= 299) {
        const path = new URL(item.url).pathname;
        findings.push(...checkDrift(pageUrl, response.headers, expect.headersFor(path), item.url));
      }
    }
    return findings;
  }

  #get(url: string, pageUrl: string): Entry | undefined {
    const known = this.#entries.get(url);
    if (known) return known;
    if (this.#entries.size >= MAX_SUBRESOURCES) {
      this.#skipped++;
      return undefined;
    }
    // Digests only: the entry lives for the whole audit, so it must not hold the file itself.
    const entry: Entry = {
      response: request(url, { timeoutMs: this.#options.timeoutMs, digest: true }),
      owner: pageUrl,
    };
    // Handled by the awaiting page; this keeps a rejection of a shared entry from being "unhandled".
    entry.response.catch(() => undefined);
    this.#entries.set(url, entry);
    return entry;
  }
}
