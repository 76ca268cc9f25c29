// `npm run compliance:check`: reports what will soon go wrong with the compliance outputs (security.txt
// expiry, end of the support period, drafts, missing documents) and lists the claims awaiting the
// vendor's confirmation (a warning each). Exit 1 on any error, or on any warning with --strict. Usage: node scripts/compliance-check.ts [--dist dist] [--date 2026-12-01] [--json] [--strict]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCompliance } from '../src/compliance/check.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    date: { type: 'string' },
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const now = values.date === undefined ? new Date() : new Date(values.date);
if (Number.isNaN(now.getTime())) {
  console.error(`compliance:check: --date: expected a date such as 2026-12-01, got ${JSON.stringify(values.date)}`);
  process.exit(2);
}
const findings = checkCompliance({ now, dist: resolve(values.dist) });
if (values.json) console.log(JSON.stringify({ date: now.toISOString(), findings }, null, 2));
else {
  for (const f of findings) console.log(`${f.level.padEnd(7)} ${f.file}: ${f.message}`);
  const count = (level: string) => findings.filter((f) => f.level === level).length;
  console.log(
    `compliance:check: ${count('error')} error(s), ${count('warning')} warning(s), ${count('notice')} notice(s)`,
  );
}
const failed = findings.some((f) => f.level === 'error' || (values.strict && f.level === 'warning'));
process.exit(failed ? 1 : 0);
