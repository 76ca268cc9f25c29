import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Below this many pages a worker's start-up costs more than it saves. */
const MIN_PAGES_FOR_WORKERS = 2000;

export type SharedTask = 'harden' | 'verify' | 'pass';

/**
 * Runs a step over `files` shared among worker threads, one per core (at most 4), and returns each
 * worker's result in order. Pages are dealt round-robin so every worker gets a similar mix. Small
 * sites run in this thread. Workers load `worker.ts` with Node's own TypeScript support. The
 * workers start before this returns, so the caller's thread can do other work meanwhile.
 */
export function runShared(
  task: SharedTask,
  dir: string,
  files: readonly string[],
  data: Record<string, unknown>,
): Promise<unknown[]> {
  const count = Math.min(availableParallelism(), 4);
  if (count < 2 || files.length < MIN_PAGES_FOR_WORKERS) {
    return import('./worker-task.ts').then(({ runTask }) => [runTask({ task, dir, files: [...files], ...data })]);
  }
  const shares = Array.from({ length: count }, (_, i) => files.filter((_f, j) => j % count === i));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<unknown>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.ts', import.meta.url), {
            workerData: { task, dir, files: share, ...data },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`[${task}] worker exited with code ${code}`));
          });
        }),
    ),
  );
}
