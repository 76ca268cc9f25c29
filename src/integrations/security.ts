import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseSecurityOptions, type SecurityOptionsInput } from '../security/index.ts';
import { runPostBuild } from './steps.ts';
import { createBuildTrust } from '../hardening/trust.ts';
import { checkPublicDir } from '../hardening/tree-hygiene.ts';

/** CPU time of this process so far, every thread (user + system), in ms: a figure a loaded machine does not skew. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export interface PostBuildHook {
  name: string;
  run(distDir: string, log: (message: string) => void): Promise<void> | void;
}

/**
 * The CryptPeer security integration. Options are validated when the config loads (a bad header
 * value stops `astro build` before any page is rendered); after the build, `before` hooks run
 * (search indexing), then harden → manifest → emit → verify.
 */
export function cryptpeerSecurity(input: SecurityOptionsInput, before: PostBuildHook[] = []): AstroIntegration {
  const options = parseSecurityOptions(input);
  let publicDir: string | undefined;
  return {
    name: 'cryptpeer-security',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        // Before Vite copies public/: its copy follows symlinks (a link to /etc/hostname would be
        // published) and obeys nothing, so host-control and dot files must be stopped here.
        const problems = checkPublicDir(publicDir, fileURLToPath(config.root));
        if (problems.length > 0)
          throw new Error(`[public] ${problems.length} problem(s); the build is refused:\n  ${problems.join('\n  ')}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir).replace(/\/$/, '');
        const hooks: Record<string, number> = {};
        const cpu = [cpuMs()];
        for (const hook of before) {
          const started = performance.now();
          await hook.run(distDir, (m) => {
            logger.info(m);
          });
          hooks[hook.name] = performance.now() - started;
          logger.info(`[${hook.name}] ${((hooks[hook.name] ?? 0) / 1000).toFixed(2)} s`);
        }
        cpu.push(cpuMs());
        const result = await runPostBuild(distDir, options, createBuildTrust(publicDir), logger);
        cpu.push(cpuMs());
        // For `npm run bench`: step timings and peak memory of this build process, as JSON.
        const statsFile = process.env['CRYPTPEER_BUILD_STATS'];
        if (statsFile) {
          const { manifest: _manifest, ...figures } = result;
          const [beforeHooks = 0, beforePost = 0, end = 0] = cpu;
          const cpuMsOf = { astro: beforeHooks, hooks: beforePost - beforeHooks, post: end - beforePost };
          writeFileSync(
            statsFile,
            JSON.stringify({ ...figures, hooks, cpuMs: cpuMsOf, maxRssKiB: process.resourceUsage().maxRSS }),
          );
        }
      },
    },
  };
}
