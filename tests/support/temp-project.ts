import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

/** The repository this suite belongs to. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** Shared read-only with the real project (never compiled by Vite nor published, so a symlink is safe;
 * package-lock.json is read for the website's own SBOM). */
const LINKED = ['scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/**
 * Copied, not linked. content/ because a test breaks it. src/ and astro.config.mjs because Vite
 * resolves symlinks to their real path, outside the project root: Astro then drops the page CSS and
 * fails on any component <script> ("No cached compile metadata found for …/Search.astro?astro&type=script").
 * public/ (a few files) because the build refuses a public/ that is, or holds, a symbolic link:
 * Astro would copy whatever it points to into the site.
 */
const COPIED = ['src', 'astro.config.mjs', 'content', 'public'];

/**
 * Caches Astro and Vite write below node_modules/ (`.astro/data-store.json`, `.vite/`): they stay
 * in the temp project so a test build never rewrites the real project's content cache.
 */
const NODE_MODULES_CACHES = new Set(['.astro', '.vite', '.cache']);

export interface BuildResult {
  status: number | null;
  /** stdout + stderr, without ANSI colours. */
  output: string;
}

export interface TempProject {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Replaces `from` (which must occur) in a project file. */
  edit(path: string, from: string | RegExp, to: string): void;
  rename(from: string, to: string): void;
  exists(path: string): boolean;
  /** `node scripts/build.ts` inside the project, as `npm run build` runs it. */
  build(options?: { timeoutMs?: number; env?: Record<string, string> }): BuildResult;
  remove(): void;
}

/**
 * A throw-away copy of the project: copies of src/, the Astro config, content/ (which a test may
 * break) and public/, symlinks to scripts/, tsconfig.json and package.json, and a private
 * node_modules/ made of symlinks to each installed package.
 */
export function createTempProject(): TempProject {
  const root = mkdtempSync(join(tmpdir(), 'cryptpeer-project-'));
  for (const entry of LINKED) symlinkSync(join(REPO, entry), join(root, entry));
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (NODE_MODULES_CACHES.has(entry)) continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  for (const entry of COPIED) cpSync(join(REPO, entry), join(root, entry), { recursive: true });

  const at = (path: string) => join(root, path);
  const project: TempProject = {
    root,
    read: (path) => readFileSync(at(path), 'utf8'),
    write(path, text) {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), text);
    },
    edit(path, from, to) {
      const before = project.read(path);
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${String(from)} not found in ${path}`);
      project.write(path, after);
    },
    rename(from, to) {
      renameSync(at(from), at(to));
    },
    exists: (path) => existsSync(at(path)),
    build({ timeoutMs = 120_000, env: extraEnv = {} } = {}) {
      const { NODE_TEST_CONTEXT: _runner, FORCE_COLOR: _colour, ...env } = process.env;
      const result = spawnSync(process.execPath, ['scripts/build.ts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: timeoutMs,
        // Astro logs a line per page: thousands of pages overflow the default 1 MiB buffer.
        maxBuffer: 256 * 1024 * 1024,
        env: {
          ...env,
          ...extraEnv,
          PATH: `${join(REPO, 'node_modules', '.bin')}:${env['PATH'] ?? ''}`,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
      });
      // Astro colours some lines even with NO_COLOR: strip the ANSI escape sequences.
      const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
      return { status: result.status, output };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return project;
}
