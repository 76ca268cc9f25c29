// `npm run declaration -- new|issue|supersede|withdraw|list …`: the declaration of conformity's
// lifecycle (src/compliance/declaration/workflow.ts). Exit 0 done, 1 refused with the reasons, 2 usage.
import { main } from '../src/compliance/declaration/cli.ts';

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    root: process.cwd(),
  });
} catch (error) {
  console.error('declaration: internal error:', error);
  process.exitCode = 2;
}
