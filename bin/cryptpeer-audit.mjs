#!/usr/bin/env node
// `cryptpeer-audit`, the package.json `bin`: runs scripts/audit.ts with Node's type stripping.
// Node 22.18+ / 23.6+ strip types by default; 22.6–22.17 need --experimental-strip-types, so the
// launcher re-runs itself with the flag there. Node refuses to strip types under node_modules/:
// use it from a checkout (`npx cryptpeer-audit` in the repository, or after `npm link`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = new URL('../scripts/audit.ts', import.meta.url);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 6)) {
  console.error(`cryptpeer-audit: needs Node 22.6 or later (this is ${process.version})`);
  process.exit(2);
}

if (process.features.typescript) {
  await import(script.href);
} else if (process.env.CRYPTPEER_AUDIT_RESPAWNED) {
  console.error('cryptpeer-audit: this Node cannot strip TypeScript types (try Node 22.18 or later)');
  process.exit(2);
} else {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      fileURLToPath(script),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, CRYPTPEER_AUDIT_RESPAWNED: '1' } },
  );
  if (result.error) {
    console.error(`cryptpeer-audit: ${result.error.message}`);
    process.exit(2);
  }
  process.exit(result.status ?? 2);
}
