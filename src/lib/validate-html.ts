import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../hardening/walk.ts';

/**
 * The W3C Nu HTML checker (vnu.jar, from the `vnu-jar` package) over a built site. Valid markup is
 * part of the security story: the harden and verify steps parse pages with a spec-compliant parser,
 * and a browser must build the same tree from the same bytes (no parser differential), which only
 * holds for documents without parse errors.
 */

export interface VnuFinding {
  level: 'error' | 'warning' | 'info';
  /** `dist/search/index.html:2:980` (no line or column when vnu gives none). */
  location: string;
  message: string;
}

interface VnuMessage {
  type?: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message?: string;
}

/** The jar inside the installed package (its own postinstall would download a Java: not needed, not allowed). */
export const resolveVnuJar = (): string => createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** `JAVA` (a command), else `$JAVA_HOME/bin/java`, else `java` from PATH. */
export function resolveJava(env: NodeJS.ProcessEnv = process.env): string {
  if (env['JAVA']) return env['JAVA'];
  if (env['JAVA_HOME']) return join(env['JAVA_HOME'], 'bin', 'java');
  return 'java';
}

function levelOf(m: VnuMessage): VnuFinding['level'] {
  if (m.type === 'info') return m.subType === 'warning' ? 'warning' : 'info';
  // `error` (with subType `fatal` for a parse the checker gave up on) and `non-document-error`
  // (a file it could not read): both mean a page was not shown to be valid.
  return 'error';
}

/** vnu's `--format json` output → findings, with paths as `<label>/<path in distDir>`. */
export function parseVnuReport(stdout: string, distDir: string, label = 'dist'): VnuFinding[] {
  const report = JSON.parse(stdout) as { messages?: VnuMessage[] };
  const root = resolve(distDir);
  const findings: VnuFinding[] = [];
  for (const m of report.messages ?? []) {
    // Only said with --verbose or for a file passed by name; a folder walk skips other files by design.
    if (m.message?.startsWith('File was not checked.')) continue;
    let location = label;
    if (m.url?.startsWith('file:')) {
      const path = relative(root, resolve(fileURLToPath(m.url)))
        .split(sep)
        .join('/');
      location = `${label}/${path}`;
      const line = m.firstLine ?? m.lastLine;
      const column = m.firstColumn ?? m.lastColumn;
      if (line !== undefined) location += `:${line}${column === undefined ? '' : `:${column}`}`;
    } else if (m.url) location = m.url;
    findings.push({ level: levelOf(m), location, message: m.message ?? '(no message)' });
  }
  return findings;
}

/**
 * Warnings, one line per distinct message: the same layout warning on 10,000 pages is one fact.
 * `dist/a.html:1:9: warning: … (and 63 more)`.
 */
export function summariseWarnings(findings: readonly VnuFinding[]): string[] {
  const byMessage = new Map<string, { first: string; count: number }>();
  for (const f of findings) {
    if (f.level !== 'warning') continue;
    const seen = byMessage.get(f.message);
    if (seen) seen.count += 1;
    else byMessage.set(f.message, { first: f.location, count: 1 });
  }
  return [...byMessage].map(
    ([message, { first, count }]) => `${first}: warning: ${message}${count > 1 ? ` (and ${count - 1} more)` : ''}`,
  );
}

export interface HtmlValidation {
  html: number;
  svg: number;
  /** `dist/<file>:<line>:<col>: <message>`, in vnu's order. */
  errors: string[];
  warnings: string[];
  infos: number;
  ms: number;
}

/** Every .html and .svg file of `distDir`, in ONE java process (the JVM start is most of the cost). */
export function validateHtml(
  distDir: string,
  options: { env?: NodeJS.ProcessEnv; label?: string } = {},
): HtmlValidation {
  const { env = process.env, label = 'dist' } = options;
  const root = resolve(distDir);
  if (!existsSync(root)) throw new Error(`[validate-html] ${label}/ does not exist: run npm run build first`);
  const files = listFiles(root);
  const html = files.filter((f) => /\.html?$/i.test(f)).length;
  const svg = files.filter((f) => /\.svg$/i.test(f)).length;
  if (html === 0) throw new Error(`[validate-html] no HTML file in ${label}/: run npm run build first`);

  const java = resolveJava(env);
  const started = performance.now();
  const args = ['-jar', resolveVnuJar(), '--format', 'json', '--stdout', '--asciiquotes'];
  const result = spawnSync(java, [...args, '--skip-non-html', '--also-check-svg', root], {
    encoding: 'utf8',
    env,
    maxBuffer: 1024 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const ms = performance.now() - started;
  if (result.error) {
    const how = (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message;
    throw new Error(`[validate-html] cannot run ${java} (${how}): install Java 17+ or set JAVA / JAVA_HOME`, {
      cause: result.error,
    });
  }
  // vnu exits 1 when it reports errors; anything else, or no JSON, is the tool failing.
  if ((result.status !== 0 && result.status !== 1) || !result.stdout.trim().startsWith('{')) {
    throw new Error(
      `[validate-html] vnu.jar failed (exit ${String(result.status)}): ${result.stderr.trim().split('\n').slice(0, 5).join(' | ')}`,
    );
  }
  const findings = parseVnuReport(result.stdout, root, label);
  const errors = findings.filter((f) => f.level === 'error').map((f) => `${f.location}: ${f.message}`);
  if (result.status === 1 && errors.length === 0) {
    throw new Error('[validate-html] vnu.jar exited 1 but reported no error; refusing to call the site valid');
  }
  const infos = findings.filter((f) => f.level === 'info').length;
  return { html, svg, errors, warnings: summariseWarnings(findings), infos, ms };
}
