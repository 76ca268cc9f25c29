import type { SecurityOptions } from '../security/options.ts';
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

/** One share of a step, in whichever thread runs it. */
export function runTask(input: Record<string, unknown>): unknown {
  const { task, dir, files, options, manifest, trust } = input as unknown as TaskInput;
  if (task === 'harden') return hardenFiles(dir, files, options, trust);
  if (!manifest) throw new Error(`[${task}] no manifest given to the worker`);
  if (task === 'pass') return passPages(dir, files, manifest, options, trust);
  return verifyFiles(dir, files, manifest, options, trust);
}
