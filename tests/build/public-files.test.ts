// public/ hygiene (src/hardening/tree-hygiene.ts): Astro copies public/ verbatim (following links)
// into the web root, so it may hold only regular files and folders with ordinary names. A link, a
// file a static host would obey, or a dot file stops the build, naming the public/ path.
import assert from 'node:assert/strict';
import { lstatSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CASE_TIMEOUT_MS, expectRefused, project, writePublic } from './fixture-build.ts';

const hostFiles: readonly { name: string; text: string; key: RegExp }[] = [
  {
    name: '_worker.js',
    text: 'export default { fetch: () => new Response("owned") };\n',
    key: /Cloudflare Pages worker/,
  },
  { name: '_redirects', text: '/* https://other.example/:splat 200\n', key: /redirect/ },
  { name: '_routes.json', text: '{ "version": 1, "include": ["/*"], "exclude": [] }\n', key: /routing/ },
  { name: '.htaccess', text: 'Header unset Content-Security-Policy\n', key: /Apache/ },
  { name: '.env', text: 'CRYPTPEER_OPENPGP_PASSPHRASE=fixture-not-a-secret\n', key: /dot file/ },
];

describe('public/ hygiene refuses what a static host would obey or a link would publish', { concurrency: 2 }, () => {
  test('refuses a symbolic link in public/ (to /etc/hostname)', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    const temp = project(t);
    writePublic(temp, 'placeholder.txt', 'checks that public/ is a copy before linking into it\n');
    const link = join(temp.root, 'public', 'x.txt');
    symlinkSync('/etc/hostname', link);
    assert.ok(lstatSync(link).isSymbolicLink());
    await expectRefused(t, temp, { file: 'public/x.txt', key: /^is a symbolic link/ });
  });

  for (const file of hostFiles) {
    test(`refuses public/${file.name}`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      writePublic(temp, file.name, file.text);
      await expectRefused(t, temp, { file: `public/${file.name}`, key: file.key });
    });
  }
});
