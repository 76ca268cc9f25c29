import { Agent, request, type OutgoingHttpHeaders } from 'node:http';

export interface LoadOptions {
  /** Timed requests in all (a bounded run: every case and server does the same work). */
  requests: number;
  /** Requests in flight at once, each on its own keep-alive connection. */
  concurrency: number;
  headers?: OutgoingHttpHeaders;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Status code (or `error`) → count: a server that answers 403 or 500 quickly must not look fast. */
  statuses: Record<string, number>;
  /** Body bytes received per response, as sent (not decoded). */
  bodyBytes: number;
}

interface Answer {
  status: string;
  bytes: number;
}

/** One GET on `agent`, body read to the end without decoding. */
function get(url: string, agent: Agent, headers: OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((done) => {
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done({ status: String(res.statusCode), bytes }));
      res.on('error', () => done({ status: 'error', bytes }));
    });
    req.on('error', () => done({ status: 'error', bytes: 0 }));
    req.end();
  });
}

/** The `q` quantile of sorted values, nearest-rank (p99 of 2,000 samples is the 1,980th). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * Runs `concurrency` loops that each send the next request as soon as their previous one ended,
 * until `requests` have been sent (closed-loop, like wrk or autocannon, written here so that the
 * bench adds no dependency). A short untimed warm-up first opens the connections and lets each
 * server fill its caches, so the figures are the steady state, not the first handshake.
 * Client and server share the machine's cores: figures compare servers, they are not capacity.
 */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const { requests, concurrency, headers = {} } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const drive = async (count: number, latencies?: number[], statuses?: Record<string, number>) => {
    let sent = 0;
    let bytes = 0;
    const loop = async () => {
      while (sent < count) {
        sent++;
        const started = performance.now();
        const answer = await get(url, agent, headers);
        latencies?.push(performance.now() - started);
        if (statuses) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        bytes += answer.bytes;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, loop));
    return bytes;
  };
  try {
    await drive(Math.max(concurrency, Math.min(200, Math.floor(requests / 10))));
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const bodyBytes = await drive(requests, latencies, statuses);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests,
      seconds,
      requestsPerSecond: requests / seconds,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      statuses,
      bodyBytes,
    };
  } finally {
    agent.destroy();
  }
}
