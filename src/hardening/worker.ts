// Worker-thread entry of the shared steps (see parallel.ts): batches of pages until none is left.
import { parentPort, workerData } from 'node:worker_threads';
import { runBatches } from './worker-task.ts';

const { next, batchSize, ...input } = workerData as { next: Int32Array; batchSize: number } & Record<string, unknown>;
parentPort?.postMessage(runBatches(input, next, batchSize));
