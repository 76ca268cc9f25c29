// An issued declaration through the real build: issued with the CLI in a throw-away project, built
// (the archived bytes are what dist/ serves, the page shows the status from the data), then a
// template change that would alter the issued text stops the build and leaves nothing behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { build, CASE_TIMEOUT_MS, project } from './fixture-build.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/compliance');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ARCHIVE = 'content/declarations/archive/2.4.0';

describe('an issued declaration in the real build', () => {
  test(
    'is republished byte for byte, and a template change that alters it is refused',
    { timeout: CASE_TIMEOUT_MS * 2 },
    async (t) => {
      const temp = project(t);
      temp.write('content/site.yaml', fixture('site-issued.yaml'));
      temp.write(
        'content/declarations/cryptpeer-2.4.0.yaml',
        fixture('declaration-issued-complete.yaml').replace('status: issued', 'status: draft'),
      );
      const run = (script: string, args: string[]) =>
        spawnSync(process.execPath, [script, ...args], {
          cwd: temp.root,
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] ?? '' },
        });
      // Another publisher is another set of CSAF documents: this new project records its own lock.
      rmSync(join(temp.root, 'content/advisories/csaf.lock.json'));
      const record = run('scripts/advisory.ts', ['record', '--all']);
      assert.equal(record.status, 0, record.stderr);
      const issue = run('scripts/declaration.ts', ['issue', '2.4.0', '--date', '2026-11-20']);
      assert.equal(issue.status, 0, issue.stderr);

      const first = await build(temp);
      assert.equal(first.status, 0, first.output);
      const archived = readdirSync(join(temp.root, ARCHIVE)).filter((n) => n.endsWith('.pdf') || n.endsWith('SUMS'));
      assert.ok(archived.length >= 6);
      for (const name of archived) {
        const served = readFileSync(join(temp.root, 'dist/declarations/2.4.0', name));
        assert.ok(served.equals(readFileSync(join(temp.root, ARCHIVE, name))), `${name} differs from the archive`);
      }
      const page = readFileSync(join(temp.root, 'dist/compliance/declaration-of-conformity/2.4.0/index.html'), 'utf8');
      assert.match(page, /Issued on/);
      assert.doesNotMatch(page, /DRAFT – not a declaration of conformity/);

      const text = 'src/compliance/declaration/text.ts';
      temp.write(
        text,
        readFileSync(join(temp.root, text), 'utf8').replace(
          "'3. Sole responsibility'",
          "'3. Sole responsibility (reworded)'",
        ),
      );
      const second = await build(temp);
      assert.notEqual(second.status, 0, second.output);
      assert.match(
        second.output,
        /archive\/2\.4\.0\/cryptpeer-2\.4\.0-eu-declaration-of-conformity-en\.pdf: the issued declaration 2\.4\.0 would change/,
      );
      assert.equal(temp.exists('dist'), false, 'dist/ left behind');
    },
  );
});
