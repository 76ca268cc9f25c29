// Shared by the build-fixture corpus (tests/build/*.test.ts): a throw-away project per case, its real
// build run asynchronously (two builds at once on this 2-core machine), and the refusal checks.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { createTempProject, REPO, type BuildResult, type TempProject } from '../support/temp-project.ts';

/** Per test: a build takes 10–25 s, far longer on a loaded machine. */
export const CASE_TIMEOUT_MS = 240_000;
/** The build is killed a little before the test times out, so a hang reads as "timed out", not as a crash. */
const BUILD_TIMEOUT_MS = CASE_TIMEOUT_MS - 15_000;

/** A temp project removed after the test, whatever its outcome. */
export function project(t: TestContext): TempProject {
  const temp = createTempProject();
  t.after(() => {
    temp.remove();
  });
  return temp;
}

/**
 * Writes below public/ of a temp project, after checking that public/ is the project's own copy: a
 * harness that linked it would write the fixture into the real repository's public/.
 */
export function writePublic(temp: TempProject, path: string, text: string): void {
  const dir = join(temp.root, 'public');
  assert.equal(lstatSync(dir).isSymbolicLink(), false, `${dir} is a symbolic link: refusing to write into it`);
  assert.notEqual(realpathSync(dir), realpathSync(join(REPO, 'public')), 'public/ is the real repository’s');
  temp.write(`public/${path}`, text);
}

/**
 * `node scripts/build.ts` in the temp project, as `npm run build` runs it and as TempProject.build()
 * does, but without blocking the event loop (spawnSync would serialise the concurrent tests). The
 * build runs in its own process group so a timeout also stops the `astro build` it spawned.
 */
export function build(temp: TempProject, env: Record<string, string> = {}): Promise<BuildResult> {
  const { NODE_TEST_CONTEXT: _runner, FORCE_COLOR: _colour, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: temp.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      ...env,
      PATH: `${join(REPO, 'node_modules', '.bin')}:${inherited['PATH'] ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (c: string) => chunks.push(c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => chunks.push(c));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, BUILD_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Astro colours some lines even with NO_COLOR: strip the ANSI escape sequences.
      const output = chunks.join('').replace(/\u001b\[[0-9;]*m/g, '');
      resolve({ status: timedOut ? null : code, output });
    });
  });
}

/** 1-based line of the first occurrence of `needle` in `text` (which must contain it). */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in the fixture text`);
  return text.slice(0, at).split('\n').length;
}

/** The lines of a build's output worth quoting in a failure: errors, problems, step results. */
function excerpt(output: string): string {
  const lines = output
    .split('\n')
    .filter((l) => !/\[WARN\]|╭─\[/.test(l))
    .filter((l) => /error|refused|problem|failed|\[(?:harden|emit|verify)\]|(?:content|public|dist)\/\S*: /i.test(l));
  return lines.slice(0, 40).join('\n') || output.slice(-4000);
}

export interface Refusal {
  /**
   * The source file the message must name: `content/pages/en/fixture.md`, `public/evil.html`, or a
   * pattern for an emitted file whose name carries a hash (`dist/_astro/Search….js`).
   */
  file: string | RegExp;
  /** Its line, computed from the text the test wrote; undefined for whole files (a symlink, `.env`). */
  line?: number;
  /** The key word of the message, matched on the same output line, after `file:line: `. */
  key: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The build failed (not by timing out), printed one line naming `file:line: ` — at the start of a
 * path, not inside an absolute one — together with the key word, and left no dist/ or deploy/.
 * Returns the matching line, for the test's diagnostics.
 */
export function assertRefused(temp: TempProject, result: BuildResult, refusal: Refusal): string {
  const context = `\n--- build output (excerpt) ---\n${excerpt(result.output)}`;
  assert.notEqual(result.status, null, `the build timed out${context}`);
  assert.notEqual(result.status, 0, `the build succeeded${context}`);
  const file = typeof refusal.file === 'string' ? escape(refusal.file) : refusal.file.source;
  const line = refusal.line === undefined ? '' : `:${refusal.line}`;
  const where = `${typeof refusal.file === 'string' ? refusal.file : String(refusal.file)}${line}:`;
  const named = new RegExp(`(?:^|[\\s"'(\\[])(?:${file})${line}: (.*)$`);
  const lines = result.output.split('\n').flatMap((l) => {
    const match = named.exec(l);
    return match ? [{ line: l.trim(), message: match[1] ?? '' }] : [];
  });
  assert.ok(lines.length > 0, `output does not name ${where}${context}`);
  const hit = lines.find((l) => refusal.key.test(l.message));
  assert.ok(hit, `no line naming ${where} says ${String(refusal.key)}${context}`);
  assert.equal(temp.exists('dist'), false, 'dist/ left behind');
  assert.equal(temp.exists('deploy'), false, 'deploy/ left behind');
  return hit.line;
}

/** Builds and asserts the refusal; reports the exit status and the message line in the test output. */
export async function expectRefused(t: TestContext, temp: TempProject, refusal: Refusal): Promise<void> {
  const started = performance.now();
  const result = await build(temp);
  const line = assertRefused(temp, result, refusal);
  t.diagnostic(`exit ${result.status}, ${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`);
}

/** Front matter + body of a page (valid for the page schema). */
export const pageText = (title: string, body: string) => `---
title: ${title}
description: A page added by the build-fixture corpus, long enough to pass the description rule.
summary: A page added by the build-fixture corpus.
updated: 2026-11-20
---

Text before the fixture.

${body}

Text after the fixture.
`;

/**
 * Writes `content/pages/en/fixture.<ext>` with `body` and a clean French twin (every page ships in
 * both languages); returns the English file's path and text.
 */
export function writePage(temp: TempProject, body: string, ext: 'md' | 'mdx' = 'md'): { file: string; text: string } {
  const file = `content/pages/en/fixture.${ext}`;
  const text = pageText('Fixture', body);
  temp.write(file, text);
  temp.write(`content/pages/fr/fixture.${ext}`, pageText('Fixture FR', 'Texte sans rien de particulier.'));
  return { file, text };
}

/** A release note `content/releases/<locale>/2.4.1.md` (valid for the release schema). */
export const releaseText = (body: string) => `---
version: 2.4.1
date: 2026-11-20
summary: "A release note added by the build-fixture corpus."
---

Notes before the fixture.

${body}
`;

/** A complete HTML document for public/, with `body` on line 5. */
export const publicHtml = (body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Fixture</title></head>
<body>
${body}
</body>
</html>
`;
