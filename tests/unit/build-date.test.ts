import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { getBuildDate, readLastCommitTime, type ReadLastCommitTime } from '../../src/compliance/dates.ts';

const COMMIT_SECONDS = 1_795_651_200; // 2026-11-26T00:00:00Z
const GIT = '`git log -1 --no-show-signature --format=%ct`';

/** A stub for the git call that records the folder it was asked about. */
function stubGit(result: ReturnType<ReadLastCommitTime>): ReadLastCommitTime & { calls: string[] } {
  const calls: string[] = [];
  return Object.assign(
    (cwd: string) => {
      calls.push(cwd);
      return result;
    },
    { calls },
  );
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-date-'));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** git in `dir` with no user or system config, so the tests do not depend on the machine's. */
function git(dir: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
}

describe('getBuildDate', () => {
  test('takes SOURCE_DATE_EPOCH when set, without asking git', () => {
    const read = stubGit({ kind: 'output', stdout: '1\n' });
    const date = getBuildDate({ env: { SOURCE_DATE_EPOCH: '1795651200' }, readLastCommitTime: read });
    assert.equal(date.toISOString(), '2026-11-26T00:00:00.000Z');
    assert.deepEqual(read.calls, []);
  });

  test('refuses a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    assert.throws(() => getBuildDate({ env: { SOURCE_DATE_EPOCH: '2026-11-26' } }), {
      message: 'SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, got "2026-11-26"',
    });
  });

  test('takes the last commit time when SOURCE_DATE_EPOCH is unset or empty, asking git in cwd', () => {
    for (const env of [{}, { SOURCE_DATE_EPOCH: '' }]) {
      const read = stubGit({ kind: 'output', stdout: `${COMMIT_SECONDS}\n` });
      const date = getBuildDate({ env, cwd: '/project', readLastCommitTime: read });
      assert.equal(date.toISOString(), '2026-11-26T00:00:00.000Z');
      assert.deepEqual(read.calls, ['/project']);
    }
  });

  test('refuses git output that is not whole seconds', () => {
    const read = stubGit({ kind: 'output', stdout: 'gpg: Signature made …\n1795651200\n' });
    assert.throws(() => getBuildDate({ env: {}, cwd: '/project', readLastCommitTime: read }), {
      message: `build date: ${GIT} in /project printed "gpg: Signature made …\\n1795651200\\n", not whole seconds since 1970-01-01; set SOURCE_DATE_EPOCH`,
    });
  });

  test('falls back to the clock, in whole seconds, only outside a git checkout', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const read = stubGit({ kind: 'no-checkout', reason: 'not a git checkout' });
    const date = getBuildDate({ env: {}, readLastCommitTime: read });
    assert.ok(date.getTime() >= before && date.getTime() <= Date.now(), date.toISOString());
    assert.equal(date.getTime() % 1000, 0);
  });
});

describe('readLastCommitTime (real git)', () => {
  test('reads the committer time of the last commit', (t) => {
    const dir = tempDir(t);
    git(dir, ['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'a.txt'), 'a');
    git(dir, ['add', 'a.txt']);
    git(dir, ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'a'], {
      GIT_AUTHOR_DATE: '@1000000000 +0000',
      GIT_COMMITTER_DATE: `@${COMMIT_SECONDS} +0000`,
    });
    assert.deepEqual(readLastCommitTime(dir), { kind: 'output', stdout: `${COMMIT_SECONDS}\n` });
    assert.equal(getBuildDate({ env: {}, cwd: dir }).toISOString(), '2026-11-26T00:00:00.000Z');
  });

  test('reports a folder outside any checkout as such', (t) => {
    assert.deepEqual(readLastCommitTime(tempDir(t)), { kind: 'no-checkout', reason: 'not a git checkout' });
  });

  test('reports a missing git as no checkout', (t) => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(tempDir(t), 'no-bin');
    try {
      assert.deepEqual(readLastCommitTime(process.cwd()), { kind: 'no-checkout', reason: 'git is not installed' });
    } finally {
      process.env['PATH'] = path;
    }
  });

  test('throws in a checkout without a commit rather than use the clock', (t) => {
    const dir = tempDir(t);
    git(dir, ['init', '-q', '-b', 'main']);
    assert.throws(() => readLastCommitTime(dir), {
      message: `build date: ${GIT} failed in ${dir} (fatal: your current branch 'main' does not have any commits yet); commit first, or set SOURCE_DATE_EPOCH`,
    });
  });
});
