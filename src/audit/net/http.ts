import { StreamingDigests, type Digests } from '../../standards/sri.ts';
import { NetworkError } from './errors.ts';
import { TOOL } from '../cli/tool.ts';

export interface Fetched {
  /** The URL requested. */
  url: string;
  /** Where redirects ended (same as `url` without redirects, or with `redirect: 'manual'`). */
  finalUrl: string;
  status: number;
  headers: Headers;
  /** The decoded body, when asked for. */
  body?: Uint8Array;
  /** The body's SRI digests and length, when asked for instead of the body (it is then not kept). */
  digests?: BodyDigests;
  /** What a `sink` was fed: `complete` is false when the body passed `maxBytes` or the sink stopped it. */
  streamed?: Streamed;
  /**
   * Set when the answer is a redirect to another origin, which is not followed: judging another
   * host's headers would let a page pass on someone else's configuration.
   */
  offOrigin?: string;
}

export type BodyDigests = { bytes: number } & Digests;
export interface Streamed {
  bytes: number;
  complete: boolean;
}

export interface RequestOptions {
  timeoutMs: number;
  /** `same-origin` follows redirects within the origin (and the http→https upgrade of the same host) only. */
  redirect?: 'same-origin' | 'manual';
  /** Read the body (up to `maxBytes`); otherwise it is discarded unread. */
  readBody?: boolean;
  /** Hash the body while it streams in (up to `maxBytes`), keeping only its digests. */
  digest?: boolean;
  /**
   * With `digest`: given the response, a consumer also fed each chunk as it is hashed (a
   * stylesheet's `@import` scan), so the file is still read once and never kept.
   */
  tap?: (fetched: Fetched) => ((chunk: Uint8Array) => void) | undefined;
  maxBytes?: number;
  /**
   * Given the response (status, headers, final URL), a consumer for its body, fed chunk by chunk
   * and never kept; a body past `maxBytes` is cut (`streamed.complete` false), not an error.
   * Returning undefined discards the body.
   */
  sink?: (fetched: Fetched) => BodySink | undefined;
}

export interface BodySink {
  /** Returns false to stop reading (the rest of the body is not fetched). */
  write: (chunk: Uint8Array) => boolean;
}

/** As browsers do (Fetch: 20); a longer chain is reported as an error. */
export const MAX_REDIRECTS = 10;

/** Pages and subresources larger than this are refused: a bound on memory, not a site rule. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** `connection refused (ECONNREFUSED)`, `no answer within 10000 ms`: the why of a failed request. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms (--timeout)`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  };
  // Certificate problems: the fix is on the server, or NODE_EXTRA_CA_CERTS for a private CA.
  if (code && (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
    return `TLS certificate rejected (${code}; NODE_EXTRA_CA_CERTS adds a private CA)`;
  }
  if (code) return `${known[code] ?? 'request failed'} (${code})`;
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : '';
  return detail || 'request failed';
}

/** Feeds the body to `sink` chunk by chunk, refusing more than `maxBytes`; returns its length. */
async function readLimited(
  response: Response,
  url: string,
  maxBytes: number,
  sink: (chunk: Uint8Array) => void,
): Promise<number> {
  const reader = response.body?.getReader();
  if (!reader) return 0;
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new NetworkError(`${url}: response larger than ${maxBytes} bytes; refusing to read it`);
    }
    sink(value);
  }
  return total;
}

/** Streams the body into `sink` until it ends, passes `maxBytes` or the sink stops it. */
async function streamBody(response: Response, maxBytes: number, sink: BodySink): Promise<Streamed> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: 0, complete: true };
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, complete: true };
    bytes += value.byteLength;
    if (bytes > maxBytes || !sink.write(value)) {
      await reader.cancel();
      return { bytes, complete: false };
    }
  }
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await readLimited(response, url, maxBytes, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

async function readDigests(
  response: Response,
  url: string,
  maxBytes: number,
  tap: ((chunk: Uint8Array) => void) | undefined,
): Promise<BodyDigests> {
  const digests = new StreamingDigests();
  const bytes = await readLimited(response, url, maxBytes, (chunk) => {
    digests.update(chunk);
    tap?.(chunk);
  });
  return { bytes, ...digests.digest() };
}

/** True when following `from` → `to` stays on the audited site: same origin, or the same host upgraded to HTTPS. */
export function staysOnOrigin(from: URL, to: URL): boolean {
  if (to.origin === from.origin) return true;
  return from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname;
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);

/**
 * One GET with a deadline covering connection, redirects, headers and body. Redirects are followed
 * by hand, one hop at a time, and only within the origin: a redirect elsewhere ends the request
 * with `offOrigin` set, and the other host is never contacted. Any failure becomes a NetworkError
 * naming the URL, so the CLI can exit 2 with one clear line.
 */
export async function request(url: string, options: RequestOptions): Promise<Fetched> {
  const { timeoutMs, redirect = 'same-origin', maxBytes = MAX_BODY_BYTES } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchRetryingStale(current, {
        redirect: 'manual',
        signal,
        headers: { 'User-Agent': `${TOOL.name}/${TOOL.version}`, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      const location = response.headers.get('location');
      const next = redirect === 'same-origin' && isRedirect(response.status) && location !== null;
      const target = next ? safeUrl(location, current) : undefined;
      if (target && staysOnOrigin(current, target)) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new NetworkError(`${url}: more than ${MAX_REDIRECTS} redirects`);
        current = target;
        continue;
      }
      const fetched: Fetched = { url, finalUrl: current.href, status: response.status, headers: response.headers };
      const sink = options.sink?.(fetched);
      if (sink) fetched.streamed = await streamBody(response, maxBytes, sink);
      else if (options.readBody) fetched.body = await readBody(response, url, maxBytes);
      else if (options.digest) {
        fetched.digests = await readDigests(response, url, maxBytes, options.tap?.(fetched));
      } else await response.body?.cancel();
      if (next) fetched.offOrigin = target?.href ?? location;
      return fetched;
    }
  } catch (error) {
    if (error instanceof NetworkError) throw error;
    throw new NetworkError(`${url}: ${describeNetworkError(error, timeoutMs)}`, { cause: error });
  }
}

/**
 * fetch(), retried once when a kept-alive connection turns out to be closed before any answer: a
 * server whose idle timeout ran out while the audit was busy parsing closes the pooled connection,
 * and the next request on it fails without a byte (UND_ERR_SOCKET). GET is idempotent and nothing
 * was received, so a second try on a new connection is safe, as browsers do; it could only ever
 * turn an error into a real answer, never hide a finding. Any other failure, or a second one, stands.
 */
async function fetchRetryingStale(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    if (init.signal?.aborted || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET')) throw error;
    return fetch(url, init);
  }
}

/** A Location header resolved against the URL that sent it, or undefined when it is not a URL. */
function safeUrl(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
