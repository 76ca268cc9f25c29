import assert from 'node:assert/strict';
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

  test('two clean builds with the same SOURCE_DATE_EPOCH are byte-identical', { timeout: 300_000 }, () => {
    const digests = [0, 1].map(() => {
      const project = createTempProject();
      projects.push(project);
      const result = project.build({ env: { SOURCE_DATE_EPOCH: '1795651200' } });
      assert.equal(result.status, 0, result.output.slice(-2000));
      return { dist: digest(join(project.root, 'dist')), deploy: digest(join(project.root, 'deploy')) };
    });
    const [a, b] = digests;
    assert.ok(a && b);
    assert.ok(a.dist.size > 50, 'the build produced the site');
    const differing = (x: Map<string, string>, y: Map<string, string>) =>
      [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
    assert.deepEqual(differing(a.dist, b.dist), []);
    assert.deepEqual(differing(a.deploy, b.deploy), []);
  });
});
