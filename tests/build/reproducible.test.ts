import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

/** Path → sha256 of every file below `dir`. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

// Two clean builds of the same sources, in two different folders, must give the same bytes:
// no timestamps, random ids or absolute paths may reach dist/ or deploy/.
describe('reproducible builds', () => {
  const projects: TempProject[] = [];
  after(() => {
    for (const p of projects) p.remove();
  });

  /** Builds a fresh copy; with `commit`, inside a git checkout whose last commit has that date. */
  function buildCopy(env: Record<string, string>, commit?: string) {
    const project = createTempProject();
    projects.push(project);
    if (commit) {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
          cwd: project.root,
          env: { ...process.env, GIT_COMMITTER_DATE: commit, GIT_AUTHOR_DATE: commit },
          stdio: 'ignore',
        });
      git('init', '-q');
      git('commit', '-q', '--allow-empty', '-m', 'fixture');
    }
    const result = project.build({ env });
    assert.equal(result.status, 0, result.output.slice(-2000));
    return { dist: digest(join(project.root, 'dist')), deploy: digest(join(project.root, 'deploy')) };
  }

  const differing = (x: Map<string, string>, y: Map<string, string>) =>
    [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();

  test('two clean builds with the same SOURCE_DATE_EPOCH are byte-identical', { timeout: 300_000 }, () => {
    const [a, b] = [0, 1].map(() => buildCopy({ SOURCE_DATE_EPOCH: '1795651200' }));
    assert.ok(a && b);
    assert.ok(a.dist.size > 50, 'the build produced the site');
    assert.deepEqual(differing(a.dist, b.dist), []);
    assert.deepEqual(differing(a.deploy, b.deploy), []);
  });

  test(
    "with no environment set, two builds of the same commit are byte-identical (the date is the commit's)",
    { timeout: 300_000 },
    () => {
      // The builds run seconds apart: had the clock been used, security.txt's Expires would differ.
      const [a, b] = [0, 1].map(() => buildCopy({ SOURCE_DATE_EPOCH: '' }, '2026-11-30T12:00:00Z'));
      assert.ok(a && b);
      assert.deepEqual(differing(a.dist, b.dist), []);
      assert.deepEqual(differing(a.deploy, b.deploy), []);
    },
  );
});
