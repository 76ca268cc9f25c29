import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { checkDistTree, checkPublicDir, GENERATED_PATHS, scanDistTree } from '../../src/hardening/tree-hygiene.ts';
import { listFiles } from '../../src/hardening/walk.ts';

/** `null` makes a folder, `{ link }` a symbolic link, a string a file with that text. */
type Spec = Record<string, string | null | { link: string }>;

/** A temp project holding `public/` (or `dist/`) made from `spec`, removed after the test. */
function makeTree(t: TestContext, folder: 'public' | 'dist', spec: Spec): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'cryptpeer-hygiene-'));
  t.after(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const dir = join(root, folder);
  mkdirSync(dir);
  for (const [path, value] of Object.entries(spec)) {
    const at = join(dir, path);
    mkdirSync(value === null ? at : dirname(at), { recursive: true });
    if (typeof value === 'string') writeFileSync(at, value);
    else if (value !== null) symlinkSync(value.link, at);
  }
  return { root, dir };
}

const publicProblems = (t: TestContext, spec: Spec) => {
  const { root, dir } = makeTree(t, 'public', spec);
  return checkPublicDir(dir, root);
};
const distProblems = (t: TestContext, spec: Spec, generated: readonly string[] = GENERATED_PATHS) =>
  checkDistTree(makeTree(t, 'dist', spec).dir, generated);

const ONLY_FILES = 'public/ may hold only regular files and folders';
const HOST = `which a static host would obey; public/ may not configure the host (headers, redirects and code come from src/security/ and src/emitters/): remove it`;
const DOT =
  'public/ may not hold dot files or folders (hosts hide or obey them, and they are how .env or .git/ leak): remove it';
const NOT_OURS = 'and the project does not generate it; find what wrote it (public/, an integration) and remove it';

/** A listening Unix socket at `path` (closed, and so unlinked, after the test). */
async function listenOn(t: TestContext, path: string): Promise<Server> {
  mkdirSync(dirname(path), { recursive: true });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
}

describe('checkPublicDir', () => {
  test('accepts a tree of regular files and folders with ordinary names', (t) => {
    const problems = publicProblems(t, {
      'favicon.svg': '<svg/>',
      'fonts/inter.woff2': 'x',
      'img/logo.png': 'x',
      'robots-extra.txt': 'x',
      // Host names that only count at the top, or only as a folder, are ordinary elsewhere.
      'docs/functions/readme.txt': 'x',
      'docs/api/index.json': '{}',
      'docs/CNAME': 'x',
      api: 'a file, not a folder',
      '_astro-like/app.js': 'x',
      'empty-folder': null,
    });
    assert.deepEqual(problems, []);
  });

  test('accepts a project without public/', (t) => {
    const root = mkdtempSync(join(tmpdir(), 'cryptpeer-hygiene-'));
    t.after(() => {
      rmSync(root, { recursive: true, force: true });
    });
    assert.deepEqual(checkPublicDir(join(root, 'public'), root), []);
  });

  test('refuses a symbolic link to a build-host file', (t) => {
    assert.deepEqual(publicProblems(t, { 'x.txt': { link: '/etc/hostname' } }), [
      `public/x.txt: is a symbolic link (to /etc/hostname); ${ONLY_FILES}`,
    ]);
  });

  test('refuses a symbolic link to a folder, without entering it', (t) => {
    assert.deepEqual(publicProblems(t, { docs: { link: '/etc' } }), [
      `public/docs: is a symbolic link (to /etc); ${ONLY_FILES}`,
    ]);
  });

  test('refuses a dangling symbolic link', (t) => {
    assert.deepEqual(publicProblems(t, { 'gone.txt': { link: '../nowhere/gone.txt' } }), [
      `public/gone.txt: is a symbolic link (to ../nowhere/gone.txt); ${ONLY_FILES}`,
    ]);
  });

  test('refuses a symbolic link deep in the tree, even to a file inside public/', (t) => {
    assert.deepEqual(publicProblems(t, { 'img/a.png': 'x', 'img/deep/b.png': { link: '../a.png' } }), [
      `public/img/deep/b.png: is a symbolic link (to ../a.png); ${ONLY_FILES}`,
    ]);
  });

  test('refuses public/ itself when it is a symbolic link', (t) => {
    const { root } = makeTree(t, 'dist', {});
    symlinkSync('/etc', join(root, 'public'));
    assert.deepEqual(checkPublicDir(join(root, 'public'), root), [
      'public: is a symbolic link (to /etc); it must be a real folder (a link would be copied as whatever it points to)',
    ]);
  });

  test('refuses a named pipe', (t) => {
    const { root, dir } = makeTree(t, 'public', {});
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    assert.deepEqual(checkPublicDir(dir, root), [
      `public/pipe: is a named pipe (FIFO), not a regular file or folder; ${ONLY_FILES}`,
    ]);
  });

  test('refuses a socket', async (t) => {
    const { root, dir } = makeTree(t, 'public', {});
    await listenOn(t, join(dir, 'run', 's.sock'));
    assert.deepEqual(checkPublicDir(dir, root), [
      `public/run/s.sock: is a socket, not a regular file or folder; ${ONLY_FILES}`,
    ]);
  });

  test('refuses a device file', (t) => {
    const { root, dir } = makeTree(t, 'public', {});
    try {
      execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      t.skip('mknod needs root (CAP_MKNOD) on this machine');
      return;
    }
    assert.deepEqual(checkPublicDir(dir, root), [
      `public/null: is a character device, not a regular file or folder; ${ONLY_FILES}`,
    ]);
  });

  const hostCases: [string, Spec, string][] = [
    ['_worker.js', { '_worker.js': 'x' }, 'a Cloudflare Pages worker (advanced mode: code run on every request)'],
    [
      'a _worker.js/ folder',
      { '_worker.js/index.js': 'x' },
      'a Cloudflare Pages worker (advanced mode: code run on every request)',
    ],
    ['_worker.mjs', { '_worker.mjs': 'x' }, 'a Cloudflare Pages worker module (code run on every request)'],
    [
      '_redirects',
      { _redirects: '/* https://evil.example 200' },
      'a Netlify / Cloudflare Pages redirect and proxy rules file',
    ],
    ['_headers', { _headers: '/*\n  Content-Security-Policy: *' }, 'a Netlify / Cloudflare Pages header rules file'],
    ['_routes.json', { '_routes.json': '{}' }, 'a Cloudflare Pages Functions routing file'],
    ['.htaccess', { '.htaccess': 'x' }, 'an Apache per-folder configuration file (headers, rewrites, handlers)'],
    ['.htpasswd', { '.htpasswd': 'x' }, 'an Apache password file'],
    [
      'web.config',
      { 'web.config': 'x' },
      'an IIS / Azure App Service configuration file (headers, rewrites, handlers)',
    ],
    ['vercel.json', { 'vercel.json': '{}' }, 'a Vercel configuration file (headers, rewrites, functions)'],
    ['netlify.toml', { 'netlify.toml': 'x' }, 'a Netlify configuration file (headers, redirects, functions)'],
    ['.nojekyll', { '.nojekyll': '' }, 'a GitHub Pages switch that turns Jekyll off'],
    [
      'staticwebapp.config.json',
      { 'staticwebapp.config.json': '{}' },
      'an Azure Static Web Apps configuration file (routes, headers, auth)',
    ],
    ['CNAME at the top', { CNAME: 'evil.example' }, 'a GitHub Pages custom-domain file'],
    [
      'functions/ at the top',
      { 'functions/[[path]].js': 'x' },
      'a Cloudflare Pages Functions folder (code run on matching requests)',
    ],
    [
      'api/ at the top',
      { 'api/hello.js': 'x' },
      'a Vercel serverless functions folder (code run on matching requests)',
    ],
  ];
  for (const [name, spec, what] of hostCases) {
    test(`refuses ${name}, which a static host would obey`, (t) => {
      const top = Object.keys(spec)[0]?.split('/')[0] ?? '';
      assert.deepEqual(publicProblems(t, spec), [`public/${top}: is ${what}, ${HOST}`]);
    });
  }

  test('refuses host files at any depth, whatever their case', (t) => {
    assert.deepEqual(publicProblems(t, { 'docs/.htaccess': 'x', 'fr/_headers': 'x', 'img/Web.Config': 'x' }), [
      `public/docs/.htaccess: is an Apache per-folder configuration file (headers, rewrites, handlers), ${HOST}`,
      `public/fr/_headers: is a Netlify / Cloudflare Pages header rules file, ${HOST}`,
      `public/img/Web.Config: is an IIS / Azure App Service configuration file (headers, rewrites, handlers), ${HOST}`,
    ]);
  });

  const dotCases: [string, Spec, string][] = [
    ['.env', { '.env': 'SECRET=1' }, 'public/.env: is a dot file'],
    ['.DS_Store', { 'img/.DS_Store': 'x' }, 'public/img/.DS_Store: is a dot file'],
    ['a .git/ folder, reported once', { '.git/config': 'x', '.git/objects/ab': 'x' }, 'public/.git: is a dot folder'],
    ['a nested dot folder', { 'docs/.well-known/x.txt': 'x' }, 'public/docs/.well-known: is a dot folder'],
  ];
  for (const [name, spec, start] of dotCases) {
    test(`refuses ${name}`, (t) => {
      assert.deepEqual(publicProblems(t, spec), [`${start}; ${DOT}`]);
    });
  }

  test('refuses /.well-known/, which the project generates', (t) => {
    assert.deepEqual(publicProblems(t, { '.well-known/security.txt': 'Contact: mailto:evil@example.com' }), [
      'public/.well-known: /.well-known/ is generated by the project (security.txt, CSAF: src/compliance/); public/ may not add to it: remove it, or add a generated route in src/pages/',
    ]);
  });

  test('quotes a name with a line break, so it cannot forge a line of the build log', (t) => {
    assert.deepEqual(publicProblems(t, { '.env\n[verify] 64 pages clean': 'x' }), [
      `"public/.env\\n[verify] 64 pages clean": is a dot file; ${DOT}`,
    ]);
  });

  test('lists every problem, sorted, one per offending entry', (t) => {
    const problems = publicProblems(t, {
      'b/.env': 'x',
      'a.txt': { link: '/etc/passwd' },
      _redirects: 'x',
      'ok.txt': 'x',
    });
    assert.deepEqual(
      problems.map((p) => p.slice(0, p.indexOf(':'))),
      ['public/_redirects', 'public/a.txt', 'public/b/.env'],
    );
  });
});

describe('checkDistTree', () => {
  const SITE: Spec = {
    'index.html': '<!doctype html>',
    'fr/index.html': '<!doctype html>',
    '_astro/app.js': 'x',
    _headers: '/*',
    '.well-known/security.txt': 'Contact: mailto:security@example.com',
    '.well-known/csaf/provider-metadata.json': '{}',
    '.well-known/csaf/white/2026/cpsa-2026-001.json': '{}',
  };

  test('GENERATED_PATHS lists what the project writes itself', () => {
    assert.deepEqual(GENERATED_PATHS, ['_headers', '.well-known/security.txt', '.well-known/csaf/']);
  });

  test('accepts the generated host and dot files', (t) => {
    assert.deepEqual(distProblems(t, SITE), []);
  });

  test('scanDistTree: the one walk also gives every regular file, exactly as listFiles lists them', (t) => {
    const { dir } = makeTree(t, 'dist', SITE);
    const scan = scanDistTree(dir, GENERATED_PATHS);
    assert.deepEqual(scan.problems, []);
    assert.deepEqual(scan.files, listFiles(dir));
    assert.deepEqual(scan.files, Object.keys(SITE).sort());
  });

  test('refuses a symbolic link anywhere', (t) => {
    assert.deepEqual(distProblems(t, { ...SITE, 'fr/hostname.txt': { link: '/etc/hostname' } }), [
      'dist/fr/hostname.txt: is a symbolic link (to /etc/hostname); dist/ may hold only regular files and folders',
    ]);
  });

  test('refuses a named pipe', (t) => {
    const { dir } = makeTree(t, 'dist', SITE);
    execFileSync('mkfifo', [join(dir, '_astro', 'pipe')]);
    assert.deepEqual(checkDistTree(dir, GENERATED_PATHS), [
      'dist/_astro/pipe: is a named pipe (FIFO), not a regular file or folder; dist/ may hold only regular files and folders',
    ]);
  });

  test('refuses a host file the project does not generate', (t) => {
    assert.deepEqual(distProblems(t, { ...SITE, _redirects: 'x', 'fr/_headers': 'x', '_worker.js/index.js': 'x' }), [
      `dist/_redirects: is a Netlify / Cloudflare Pages redirect and proxy rules file, which a static host would obey, ${NOT_OURS}`,
      `dist/_worker.js: is a Cloudflare Pages worker (advanced mode: code run on every request), which a static host would obey, ${NOT_OURS}`,
      `dist/fr/_headers: is a Netlify / Cloudflare Pages header rules file, which a static host would obey, ${NOT_OURS}`,
    ]);
  });

  test('refuses a dot file the project does not generate', (t) => {
    assert.deepEqual(distProblems(t, { ...SITE, '.env': 'x', '.git/HEAD': 'x' }), [
      `dist/.env: is a dot file, ${NOT_OURS}`,
      `dist/.git: is a dot folder, ${NOT_OURS}`,
    ]);
  });

  test('refuses an ordinary name in /.well-known/ that no generated path covers', (t) => {
    assert.deepEqual(distProblems(t, { ...SITE, '.well-known/assetlinks.json': '[]' }), [
      `dist/.well-known/assetlinks.json: is inside a dot or host folder ${NOT_OURS}`,
    ]);
  });

  test('refuses dot and host names below a generated prefix', (t) => {
    assert.deepEqual(
      distProblems(t, { ...SITE, '.well-known/csaf/white/.htaccess': 'x', '.well-known/csaf/.git/HEAD': 'x' }),
      [
        `dist/.well-known/csaf/.git: is a dot folder, ${NOT_OURS}`,
        `dist/.well-known/csaf/white/.htaccess: is an Apache per-folder configuration file (headers, rewrites, handlers), which a static host would obey, ${NOT_OURS}`,
      ],
    );
  });

  test('refuses _headers when the project says it did not write it', (t) => {
    assert.deepEqual(distProblems(t, SITE, ['.well-known/security.txt', '.well-known/csaf/']), [
      `dist/_headers: is a Netlify / Cloudflare Pages header rules file, which a static host would obey, ${NOT_OURS}`,
    ]);
  });

  test('refuses a missing dist/', (t) => {
    const { root } = makeTree(t, 'public', {});
    assert.deepEqual(checkDistTree(join(root, 'dist'), GENERATED_PATHS), [
      'dist: does not exist; the build wrote nothing',
    ]);
  });

  test('throws on a generated path that is not relative', (t) => {
    const { dir } = makeTree(t, 'dist', SITE);
    assert.throws(() => checkDistTree(dir, ['/_headers']), {
      message: '[tree-hygiene] generated path "/_headers": expected a relative POSIX path',
    });
  });
});
