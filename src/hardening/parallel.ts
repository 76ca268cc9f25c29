import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Batch } from './worker-task.ts';

/** Below this many pages a worker's start-up costs more than it saves. */
export const MIN_PAGES_FOR_WORKERS = 2000;

/**
 * Pages a worker takes at a time. Small enough that the threads finish within a batch of each
 * other when one of them is slowed (a shared CI machine), large enough that taking one costs nothing.
 */
const BATCH_SIZE = 32;

export type SharedTask = 'harden' | 'verify' | 'pass';

/**
 * Runs a step over `files` shared among worker threads, one per core (at most 4), and returns the
 * results of consecutive batches of `files`, in file order: what the step produces does not depend
 * on which thread took which page, nor on the number of cores. Workers take the next batch when
 * they are done with one (a shared counter), so they finish together even when the machine's
 * other load slows one of them. Small sites run in this thread, as one share. Workers load
 * `worker.ts` with Node's own TypeScript support. The workers start before this returns, so the
 * caller's thread can do other work meanwhile.
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
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workerData = { task, dir, files: [...files], next, batchSize: BATCH_SIZE, ...data };
  const parts = Array.from(
    { length: count },
    () =>
      new Promise<Batch[]>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`[${task}] worker exited with code ${code}`));
        });
      }),
  );
  return Promise.all(parts).then((batches) =>
    batches
      .flat()
      .sort((a, b) => a.start - b.start)
      .map((batch) => batch.result),
  );
}
