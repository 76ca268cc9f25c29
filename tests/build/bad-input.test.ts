// Bad content stops the real build: each case breaks one thing in a copy of content/ and runs
// `node scripts/build.ts` (astro build + harden + emit + verify) in a throw-away project.
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { createTempProject, type BuildResult, type TempProject } from '../support/temp-project.ts';

/** A valid page front matter + body, self-contained (no component imports). */
const pageText = (front: string) => `---
${front}
description: A page added by the build-fixture tests, long enough to pass the description rule.
summary: A page added by the build-fixture tests.
updated: 2026-11-20
---

Body of a page added by the build-fixture tests.
`;

function project(t: TestContext): TempProject {
  const temp = createTempProject();
  t.after(() => {
    temp.remove();
  });
  return temp;
}

/** The build failed, named `files` and `field` (a word of the output), and left no dist/ or deploy/. */
function assertRefused(temp: TempProject, result: BuildResult, files: string[], field: RegExp): void {
  const context = `\n--- build output ---\n${result.output}`;
  assert.notEqual(result.status, 0, `the build succeeded${context}`);
  assert.notEqual(result.status, null, `the build timed out${context}`);
  for (const file of files) assert.ok(result.output.includes(file), `output does not name ${file}${context}`);
  assert.match(result.output, field, `output does not name the field${context}`);
  assert.equal(temp.exists('dist'), false, 'dist/ left behind');
  assert.equal(temp.exists('deploy'), false, 'deploy/ left behind');
}

describe('the real build', () => {
  test('builds the unmodified content, exit 0, with dist/index.html and the headers manifest', (t) => {
    const temp = project(t);
    const result = temp.build();
    assert.equal(result.status, 0, result.output);
    assert.ok(temp.exists('dist/index.html'));
    assert.ok(temp.exists('dist/fr/index.html'));
    assert.ok(temp.exists('deploy/headers-manifest.json'));
    assert.match(result.output, /\[verify\] \d+ pages clean/);
    // The page CSS must be there, as a file with SRI: a harness that loses it would test a different site.
    assert.match(temp.read('dist/index.html'), /<link rel="stylesheet" href="\/_astro\/[^"]+\.css" integrity="sha384-/);
  });

  test('refuses a page whose title was removed, naming the file and title', (t) => {
    const temp = project(t);
    temp.edit('content/pages/en/threat-model.mdx', /^title: .*\n/m, '');
    assertRefused(temp, temp.build(), ['content/pages/en/threat-model.mdx'], /\btitle\b\W*:/);
  });

  test('refuses a page whose updated date is 26/11/2026, naming the file and updated', (t) => {
    const temp = project(t);
    temp.edit('content/pages/en/threat-model.mdx', /^updated: .*$/m, 'updated: 26/11/2026');
    assertRefused(
      temp,
      temp.build(),
      ['content/pages/en/threat-model.mdx'],
      /\bupdated: expected an ISO 8601 date YYYY-MM-DD, got "26\/11\/2026"/,
    );
  });

  test('refuses a page in an unknown locale folder (de), naming the file and locale', (t) => {
    const temp = project(t);
    temp.write('content/pages/de/x.mdx', pageText('title: Seite'));
    assertRefused(
      temp,
      temp.build(),
      ['content/pages/de/x.mdx'],
      /content\/pages\/de\/x\.mdx: locale: unknown locale "de"/,
    );
  });

  test('refuses a release note whose version is 2.x, naming the file and version', (t) => {
    const temp = project(t);
    temp.edit('content/releases/en/2.4.0.md', /^version: .*$/m, 'version: 2.x');
    temp.rename('content/releases/en/2.4.0.md', 'content/releases/en/2.x.md');
    assertRefused(temp, temp.build(), ['content/releases/en/2.x.md'], /\bversion: expected a semantic version/);
  });

  test('refuses two pages claiming the same slug, naming both files and slug', (t) => {
    const temp = project(t);
    temp.write('content/pages/en/dup.mdx', pageText('title: Duplicate\nslug: threat-model'));
    temp.write('content/pages/fr/dup.mdx', pageText('title: Doublon\nslug: doublon'));
    assertRefused(
      temp,
      temp.build(),
      ['content/pages/en/dup.mdx', 'content/pages/en/threat-model.mdx'],
      /\bslug: \/threat-model\/ is already claimed by/,
    );
  });

  test('refuses content/site.yaml with contacts.security: not-an-email, naming the file and the field path', (t) => {
    const temp = project(t);
    temp.edit('content/site.yaml', /^ {2}security: .*$/m, '  security: not-an-email');
    assertRefused(
      temp,
      temp.build(),
      ['content/site.yaml'],
      /content\/site\.yaml: contacts\.security: expected a mailto: or https: URI/,
    );
  });
});
