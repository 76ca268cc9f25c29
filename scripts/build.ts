// `npm run build`: astro build, and on any failure remove dist/ and deploy/ so nothing half-built
// is left looking like a good site. Exit code is astro's.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const result = spawnSync('astro', ['build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const code = result.status ?? 1;
if (code !== 0) {
  rmSync('dist', { recursive: true, force: true });
  rmSync('deploy', { recursive: true, force: true });
  console.error(`build failed (exit ${code}): dist/ and deploy/ removed`);
}
process.exit(code);
