import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What asking git for the last commit's time gave: its raw output, or why there is no checkout. */
export type LastCommitTime = { kind: 'output'; stdout: string } | { kind: 'no-checkout'; reason: string };

/** Asks git for the last commit's time in `cwd`; the seam that unit tests replace. */
export type ReadLastCommitTime = (cwd: string) => LastCommitTime;

export interface BuildDateOptions {
  env?: NodeJS.ProcessEnv;
  /** Where to ask git; the project root (the build runs there). */
  cwd?: string;
  readLastCommitTime?: ReadLastCommitTime;
}

const GIT_TIMEOUT_MS = 5_000;
// --no-show-signature: a user's `log.showSignature` would add gpg's lines to stdout.
const GIT_ARGS = ['log', '-1', '--no-show-signature', '--format=%ct'];
const GIT_COMMAND = `git ${GIT_ARGS.join(' ')}`;

/**
 * The real git call: no shell, a short timeout, git's stderr captured (never printed) to tell "no
 * checkout here" (git missing, or not a repository: the clock is then the only date there is) from
 * a checkout where git fails (no commit yet, dubious ownership, time-out), which throws: a silent
 * fall-back there would make the build quietly unreproducible. `LC_ALL=C` keeps git's messages in
 * English so they can be recognised.
 */
export const readLastCommitTime: ReadLastCommitTime = (cwd) => {
  try {
    const stdout = execFileSync('git', GIT_ARGS, {
      cwd,
      encoding: 'utf8',
      timeout: GIT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    });
    return { kind: 'output', stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; stderr?: string };
    // ENOENT is also what a missing cwd gives: only a missing git means "no checkout".
    if (failure.code === 'ENOENT' && existsSync(cwd)) return { kind: 'no-checkout', reason: 'git is not installed' };
    const stderr = (failure.stderr ?? '').trim();
    if (/not a git repository/i.test(stderr)) return { kind: 'no-checkout', reason: 'not a git checkout' };
    const why = stderr.split('\n')[0] ?? '';
    throw new Error(
      `build date: \`${GIT_COMMAND}\` failed in ${cwd} (${why || failure.code || `exit ${String(failure.status)}`}); commit first, or set SOURCE_DATE_EPOCH`,
      { cause: error },
    );
  }
};

/**
 * The build's notion of "now". Only security.txt's Expires (and its signature time) depends on it;
 * every document date comes from the data. Two builds of the same commit must be byte-identical
 * with no environment set (anyone can rebuild a release and compare checksums), so the default is
 * the last commit's time, not the clock:
 *
 * 1. `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds convention) when set;
 * 2. else the committer time of `git log -1` in `cwd`;
 * 3. else, only outside a git checkout (a source tarball, a test's temp project), the clock.
 */
export function getBuildDate(options: BuildDateOptions = {}): Date {
  const { env = process.env, cwd = process.cwd(), readLastCommitTime: read = readLastCommitTime } = options;
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw !== undefined && raw !== '') {
    if (!/^\d{1,12}$/.test(raw)) {
      throw new Error(`SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, got ${JSON.stringify(raw)}`);
    }
    return new Date(Number(raw) * 1000);
  }
  const commit = read(cwd);
  if (commit.kind === 'no-checkout') return new Date(Math.floor(Date.now() / 1000) * 1000);
  const seconds = commit.stdout.trim();
  if (!/^\d{1,12}$/.test(seconds)) {
    throw new Error(
      `build date: \`${GIT_COMMAND}\` in ${cwd} printed ${JSON.stringify(commit.stdout)}, not whole seconds since 1970-01-01; set SOURCE_DATE_EPOCH`,
    );
  }
  return new Date(Number(seconds) * 1000);
}

/** `2026-10-06` → midnight UTC that day. */
export const startOfDay = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

/** RFC 3339 in UTC with whole seconds: `2027-05-25T10:00:00Z` (what RFC 9116 and CSAF readers parse best). */
export const toRfc3339 = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

export const DAY_MS = 86_400_000;
