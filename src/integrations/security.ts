import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseSecurityOptions, type SecurityOptionsInput } from '../security/index.ts';
import { runPostBuild } from './steps.ts';

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
  return {
    name: 'cryptpeer-security',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir).replace(/\/$/, '');
        for (const hook of before) {
          const started = performance.now();
          await hook.run(distDir, (m) => {
            logger.info(m);
          });
          logger.info(`[${hook.name}] ${((performance.now() - started) / 1000).toFixed(2)} s`);
        }
        runPostBuild(distDir, options, logger);
      },
    },
  };
}
