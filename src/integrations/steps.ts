import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SecurityOptions } from '../security/options.ts';
import { hardenDist, type HardenResult } from '../hardening/harden.ts';
import { MANIFEST_FILE } from '../manifest/index.ts';
import { verifyDist } from '../hardening/verify.ts';
import type { BuildTrust } from '../hardening/trust.ts';
import { GENERATED_PATHS, scanDistTree } from '../hardening/tree-hygiene.ts';
import { writeConfigs } from '../emitters/index.ts';
import { HEADERS_FILE_RULE_LIMIT, headersFileRuleCount } from '../emitters/static-hosts.ts';
import { precompressDist, verifyPrecompressed } from '../hardening/precompress.ts';

export interface StepLogger {
  info(message: string): void;
}

export interface StepTimings {
  harden: number;
  emit: number;
  precompress: number;
  verify: number;
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
 * The post-build steps in order: tree check → harden → manifest → emit → precompress → verify.
 * Throws (so the build fails) when the tree check or verify finds any gap; each step logs what it
 * did and how long it took. dist/ is walked once, by the tree check: every step takes its file list
 * from that walk (the steps after it only add files they name themselves).
 */
export async function runPostBuild(
  distDir: string,
  options: SecurityOptions,
  trust: BuildTrust,
  logger: StepLogger,
): Promise<PostBuildResult> {
  const deployDir = deployDirFor(distDir);
  let t = performance.now();
  // The tree first: no symlink, and no host-control or dot file the project did not generate itself.
  // Before harden, so that no step reads through a link or works on a tree that is refused anyway.
  const tree = scanDistTree(distDir, GENERATED_PATHS);
  refuseIfAny(tree.problems);
  const scan = performance.now() - t;
  t = performance.now();
  const hardened = await hardenDist(distDir, options, trust, tree.files);
  const harden = performance.now() - t;
  logger.info(
    `[harden] ${hardened.pages} pages, ${hardened.inlineHashes} inline hashes, ${(hardened.hashedBytes / 1e6).toFixed(2)} MB hashed, largest CSP ${hardened.largestCsp} B, ${seconds(harden)}`,
  );

  t = performance.now();
  mkdirSync(deployDir, { recursive: true });
  writeFileSync(join(deployDir, MANIFEST_FILE), `${JSON.stringify(hardened.manifest, null, 2)}\n`);
  const written = writeConfigs(hardened.manifest, deployDir, distDir);
  const emit = performance.now() - t;
  logger.info(`[emit] manifest + ${written.length} server configs in ${deployDir}, ${seconds(emit)}`);
  const headersRules = headersFileRuleCount(hardened.manifest);
  if (headersRules > HEADERS_FILE_RULE_LIMIT) {
    // Not an error: nginx, Caddy, Apache and Vercel are unaffected; only a Cloudflare Pages deploy is.
    logger.info(
      `[emit] warning: dist/_headers has ${headersRules} rules, over the ${HEADERS_FILE_RULE_LIMIT} Cloudflare Pages documents (see README, Deploying)`,
    );
  }

  t = performance.now();
  const compressed = await precompressDist(distDir, tree.files, hardened.manifest);
  const precompress = performance.now() - t;
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  logger.info(
    `[precompress] ${compressed.written.length} files (br, gzip): ${kB(compressed.inputBytes)} → br ${kB(compressed.encodedBytes.br)}, gzip ${kB(compressed.encodedBytes.gzip)}, ${seconds(precompress)}`,
  );

  t = performance.now();
  const afterSteps = [...tree.files, ...compressed.written].sort();
  refuseIfAny([
    ...(await verifyDist(distDir, hardened.manifest, options, trust, tree.files)),
    ...(await verifyPrecompressed(distDir, afterSteps, hardened.manifest, compressed.written)),
  ]);
  // The tree walk counts as verify time: it is the same fail-closed check, run first.
  const verify = performance.now() - t + scan;
  logger.info(`[verify] ${hardened.pages} pages clean, ${seconds(verify)}`);
  return { ...hardened, deployDir, timings: { harden, emit, precompress, verify } };
}
