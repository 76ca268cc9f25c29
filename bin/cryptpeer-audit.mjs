#!/usr/bin/env node
// `cryptpeer-audit`, the package.json `bin`: runs scripts/audit.ts with Node's type stripping, in a
// child Node with the same flags as `npm run audit`:
// - `--max-semi-space-size=1`: a small young generation, so the chunks of large subresources
//   (hashed while they stream in, never kept) are freed at once; against a hostile server of 320 MiB
//   of scripts this keeps the peak RSS near 155 MB instead of about 210 MB;
// - `--optimize-for-size`: V8 collects garbage (and frees the socket buffers a streamed body leaves
//   behind) sooner instead of growing the heap; against 10 MiB pages of `<p>` the peak RSS was
//   140–215 MB without it and 120–175 MB with it, for about 5 % more CPU time;
// - on Node 22.6–22.17, `--experimental-strip-types` (later versions strip types by default).
// Node refuses to strip types under node_modules/: use it from a checkout (`npx cryptpeer-audit` in
// the repository, or after `npm link`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/audit.ts', import.meta.url));
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 6)) {
  console.error(`cryptpeer-audit: needs Node 22.6 or later (this is ${process.version})`);
  process.exit(2);
}

const stripTypes = process.features.typescript
  ? []
  : ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
const result = spawnSync(
  process.execPath,
  ['--max-semi-space-size=1', '--optimize-for-size', ...stripTypes, script, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (result.error) {
  console.error(`cryptpeer-audit: ${result.error.message}`);
  process.exit(2);
}
process.exit(result.status ?? 2);
