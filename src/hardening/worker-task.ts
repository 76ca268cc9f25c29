import type { SecurityOptions } from '../security/options.ts';
import { DistFiles } from './dist-files.ts';
import { hardenFiles } from './harden-share.ts';
import type { HeadersManifest } from '../manifest/index.ts';
import { verifyFiles } from './verify-share.ts';
import { passPages } from './page-pass.ts';
import type { BuildTrust } from './trust.ts';

export interface TaskInput {
  task: 'harden' | 'verify' | 'pass';
  dir: string;
  files: string[];
  options: SecurityOptions;
  manifest?: HeadersManifest;
  trust: BuildTrust;
}

/**
 * One share of a step, in whichever thread runs it. `dist` is the thread's view of dist/: a
 * worker keeps one for all its batches, so a stylesheet is still read and hashed once per thread.
 */
export function runTask(input: Record<string, unknown>, dist?: DistFiles): unknown {
  const { task, dir, files, options, manifest, trust } = input as unknown as TaskInput;
  const view = dist ?? new DistFiles(dir);
  if (task === 'harden') return hardenFiles(dir, files, options, trust, view);
  if (!manifest) throw new Error(`[${task}] no manifest given to the worker`);
  if (task === 'pass') return passPages(dir, files, manifest, options, trust, view);
  return verifyFiles(dir, files, manifest, options, trust, view);
}

/** A batch of the step's files, from `start`, and what its share produced. */
export interface Batch {
  start: number;
  result: unknown;
}

/**
 * A worker's part of a step: it takes the next `size` files from the shared counter until none is
 * left, so a thread slowed down by the machine's other load simply takes fewer batches.
 */
export function runBatches(input: Record<string, unknown>, next: Int32Array, size: number): Batch[] {
  const files = (input as unknown as TaskInput).files;
  const dist = new DistFiles((input as unknown as TaskInput).dir);
  const batches: Batch[] = [];
  for (let start = Atomics.add(next, 0, size); start < files.length; start = Atomics.add(next, 0, size)) {
    batches.push({ start, result: runTask({ ...input, files: files.slice(start, start + size) }, dist) });
  }
  return batches;
}
