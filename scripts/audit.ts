// `npm run audit -- <url> [options]`: audits a deployed site's security headers (docs/audit-rules.md).
// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or network error.
import { main } from '../src/audit/cli/cli.ts';

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  // A bug, not a finding: never exit 1, which CI would read as "the site has findings".
  console.error('audit: internal error:', error);
  process.exitCode = 2;
}
