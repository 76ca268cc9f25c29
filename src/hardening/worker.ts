// Worker-thread entry of the harden and verify steps (see parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runTask } from './worker-task.ts';

parentPort?.postMessage(runTask(workerData as Record<string, unknown>));
