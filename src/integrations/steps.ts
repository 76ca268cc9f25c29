import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SecurityOptions } from '../security/options.ts';
import type { HardenResult } from '../hardening/harden.ts';
import { passDist } from '../hardening/post-pass.ts';
import type { PassTimes } from '../hardening/page-pass.ts';
import { MANIFEST_FILE } from '../manifest/index.ts';
import type { BuildTrust } from '../hardening/trust.ts';
import { GENERATED_PATHS, scanDistTree } from '../hardening/tree-hygiene.ts';
import { writeConfigs } from '../emitters/index.ts';
import { headersFileWarnings } from '../emitters/static-hosts.ts';

export interface StepLogger {
  info(message: string): void;
}

/** Milliseconds, for the build log and `npm run bench`. */
export interface StepTimings {
  /** Wall clock: the tree check, the one pass (harden + verify + precompress), emit, and all of them. */
  tree: number;
  pass: number;
  emit: number;
  total: number;
  /** Time in each part of the pass, summed over the threads that ran it (where the pass goes). */
  work: PassTimes;
}

export interface PostBuildResult extends HardenResult {
  timings: StepTimings;
  deployDir: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function refuseIfAny(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new Error(`[verify] ${problems.length} problem(s); the build is refused:\n  ${problems.join('\n  ')}`);
  }
}

/** The folder beside dist/ that receives the server configs and the manifest (never served). */
export const deployDirFor = (distDir: string) => join(dirname(distDir), 'deploy');

/**
 * The post-build steps: tree check → one pass over dist/ (harden, verify, precompress: each file
 * read once, checked in memory on its final bytes, written once) → manifest and server configs.
 * Throws (so the build fails) when the tree check or verify finds any gap, before the configs are
 * written; each step logs what it did and how long it took. dist/ is walked once, by the tree check:
 * the pass takes its file list from that walk.
 */
export async function runPostBuild(
  distDir: string,
  options: SecurityOptions,
  trust: BuildTrust,
  logger: StepLogger,
): Promise<PostBuildResult> {
  const deployDir = deployDirFor(distDir);
  const started = performance.now();
  // The tree first: no symlink, and no host-control or dot file the project did not generate itself.
  // Before harden, so that no step reads through a link or works on a tree that is refused anyway.
  const tree = scanDistTree(distDir, GENERATED_PATHS);
  refuseIfAny(tree.problems);
  const treeMs = performance.now() - started;
  let t = performance.now();
  const pass = await passDist(distDir, tree.files, options, trust);
  const passMs = performance.now() - t;
  const { times: work, compressed } = pass;
  logger.info(
    `[harden] ${pass.pages} pages, ${pass.inlineHashes} inline hashes, ${(pass.hashedBytes / 1e6).toFixed(2)} MB hashed, largest CSP ${pass.largestCsp} B, ${seconds(work.harden)} CPU`,
  );
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  logger.info(
    `[precompress] ${compressed.written.length} files (br, gzip): ${kB(compressed.inputBytes)} → br ${kB(compressed.encodedBytes.br)}, gzip ${kB(compressed.encodedBytes.gzip)}, ${seconds(work.precompress)} CPU`,
  );
  refuseIfAny(pass.problems);
  logger.info(`[verify] ${pass.pages} pages clean, ${seconds(work.verify)} CPU, tree check ${seconds(treeMs)}`);
  logger.info(
    `[pass] harden + verify + precompress in one pass: ${seconds(passMs)} (read ${seconds(work.read)} CPU, write ${seconds(work.write)} CPU; CPU times are summed over threads)`,
  );

  t = performance.now();
  mkdirSync(deployDir, { recursive: true });
  writeFileSync(join(deployDir, MANIFEST_FILE), `${JSON.stringify(pass.manifest, null, 2)}\n`);
  const written = writeConfigs(pass.manifest, deployDir, distDir);
  const emit = performance.now() - t;
  logger.info(`[emit] manifest + ${written.length} server configs in ${deployDir}, ${seconds(emit)}`);
  // Not errors: nginx, Caddy, Apache and Vercel are unaffected; only a Cloudflare Pages deploy is.
  for (const warning of headersFileWarnings(pass.manifest))
    logger.info(`[emit] warning: dist/_headers has ${warning} (see README, Deploying)`);
  const { problems: _problems, compressed: _compressed, times: _times, ...hardened } = pass;
  const timings = { tree: treeMs, pass: passMs, emit, total: performance.now() - started, work };
  return { ...hardened, deployDir, timings };
}
