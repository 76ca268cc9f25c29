// `npm run advisory`: records and checks the revision lock of the CSAF documents
// (content/advisories/csaf.lock.json), computing the documents exactly as the build does. Flags only,
// never a prompt. Exit 0 on success, 1 on refused or invalid content or a mismatch, 2 on bad arguments.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run advisory -- record <ID>... | record --all | check [--root <dir>]
  record <ID>...  record the current revision of these advisories' CSAF documents (advisory and VEX)
                  in content/advisories/csaf.lock.json; refuses to overwrite a recorded revision
  record --all    the same for every advisory
  check           compare every CSAF document with the lock, as the build does (exit 1 on a mismatch)
  --root <dir>    project folder (default: the current directory)`;

function usage(problem: string): never {
  console.error(`advisory: ${problem}\n${USAGE}`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: { all: { type: 'boolean', default: false }, root: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
}
const { values, positionals } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, ...ids] = positionals;
if (command !== 'record' && command !== 'check') usage(command ? `unknown command ${command}` : 'no command given');
if (command === 'check' && (ids.length > 0 || values.all)) usage('check takes no advisory id and no --all');
if (command === 'record' && values.all === ids.length > 0)
  usage('record needs either advisory ids or --all (not both, not neither)');
const badId = ids.find((id) => !/^[A-Z]+-\d{4}-\d{3,}$/.test(id));
if (badId !== undefined) usage(`${JSON.stringify(badId)} is not an advisory id such as CPSA-2026-001`);

// Loaded after the arguments are checked, so a usage error is instant.
const { recordAdvisories, checkAdvisories, UsageError } = await import('../src/compliance/csaf/record.ts');
const root = resolve(values.root ?? '.');
try {
  if (command === 'record') {
    for (const line of await recordAdvisories(root, values.all ? 'all' : ids)) console.log(`advisory: ${line}`);
  } else {
    const { documents, problems } = await checkAdvisories(root);
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) process.exit(1);
    console.log(`advisory: ${documents} CSAF document(s) match content/advisories/csaf.lock.json`);
  }
} catch (error) {
  if (error instanceof UsageError) usage(error.message);
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
