import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditReport } from '../../src/audit/report/types.ts';

/** The Node flags of `npm run audit` (package.json), which the `cryptpeer-audit` bin uses too. */
export function auditNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...rest] = (pkg.scripts['audit'] ?? '').split(' ');
  assert.equal(node, 'node');
  return rest.slice(0, rest.indexOf('scripts/audit.ts'));
}

/**
 * `npm run audit -- --format json <args>` in a child Node, as a CI pipeline runs it (its memory
 * flags included, so peak RSS is measured as users get it): the JSON report it prints.
 */
export function auditAsCi(args: readonly string[]): Promise<AuditReport> {
  const argv = [...auditNodeFlags(), 'scripts/audit.ts', '--format', 'json', ...args];
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      try {
        done(JSON.parse(stdout) as AuditReport);
      } catch (error) {
        reject(new Error(`the audit printed no JSON report: ${stdout.slice(0, 500)}`, { cause: error }));
      }
    });
  });
}
