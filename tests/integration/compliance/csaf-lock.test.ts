import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { digestHex } from '../../../src/compliance/checksums.ts';
import { CSAF_LOCK_FILE, readCsafLock, writeCsafLock, type CsafLock } from '../../../src/compliance/csaf/lock.ts';
import { buildCsafProvider } from '../../../src/compliance/csaf/provider.ts';
import { checkAdvisories, recordAdvisories } from '../../../src/compliance/csaf/record.ts';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { BUILD_DATE, LINKS, ROOT, fixture, inputErrorOf, makeProject, type Project } from './helpers.ts';

const ADVISORY = 'content/advisories/CPSA-2026-001.yaml';
const original = readFileSync(join(ROOT, ADVISORY), 'utf8');
const recorded = readCsafLock(ROOT);
const sha = (id: string, revision = '1') => recorded.documents[id]?.revisions[revision]?.sha256 ?? assert.fail(id);

/** The advisory with a corrected title, and optionally the revision that says so. */
function edited({ newRevision }: { newRevision: boolean }): string {
  const text = original.replace(
    'en: Client application kept the session key in memory after being locked',
    'en: Client application kept the session key in memory after it was locked',
  );
  assert.notEqual(text, original);
  if (!newRevision) return text;
  return text.replace(
    '      fr: Publication initiale.\n',
    '      fr: Publication initiale.\n  - date: 2026-07-01\n    summary:\n      en: Title corrected.\n      fr: Titre corrigé.\n',
  );
}

async function withProject(changes: Record<string, string | null>, fn: (project: Project) => Promise<void> | void) {
  const project = makeProject(changes);
  try {
    await fn(project);
  } finally {
    project.remove();
  }
}

const build = (root: string, lock: CsafLock = readCsafLock(root)) =>
  buildCsafProvider(loadComplianceData(root), LINKS, { signingKey: undefined, buildDate: BUILD_DATE, lock });

const lockText = (root: string) => readFileSync(join(root, CSAF_LOCK_FILE), 'utf8');

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/advisory.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('CSAF revision lock', () => {
  test('records the published bytes of the sample advisories and their VEX documents', async () => {
    assert.deepEqual(Object.keys(recorded.documents).sort(), [
      'CPSA-2026-001',
      'CPSA-2026-001-VEX',
      'CPSA-2026-002',
      'CPSA-2026-002-VEX',
    ]);
    const provider = await build(ROOT, recorded);
    for (const entry of provider.entries) {
      assert.equal(entry.json.sha256, sha(entry.advisory.data.id));
      assert.equal(entry.vex.json.sha256, sha(entry.vex.trackingId));
    }
  });

  test('refuses a document that changed without a new revision, naming the advisory and the fix', async () => {
    await withProject({ [ADVISORY]: edited({ newRevision: false }) }, async ({ root }) => {
      const error = await inputErrorOf(() => build(root));
      const lines = error.message.split('\n');
      assert.equal(lines.length, 2);
      const changed = (id: string) =>
        new RegExp(
          `^content/advisories/CPSA-2026-001\\.yaml: revisions: CSAF document ${id} changed \\(sha256 ${sha(id)} recorded for revision 1, now [0-9a-f]{64}\\) without a new revision: add an entry to revisions and run npm run advisory -- record CPSA-2026-001$`,
        );
      assert.match(lines[0] ?? '', changed('CPSA-2026-001'));
      assert.match(lines[1] ?? '', changed('CPSA-2026-001-VEX'));
    });
  });

  test('refuses a current revision that is not recorded, saying how to record it', async () => {
    await withProject({ [ADVISORY]: edited({ newRevision: true }) }, async ({ root }) => {
      const error = await inputErrorOf(() => build(root));
      assert.match(
        error.message,
        /^content\/advisories\/CPSA-2026-001\.yaml: revisions: revision 2 of CSAF document CPSA-2026-001 \(sha256 [0-9a-f]{64}\) is not recorded in content\/advisories\/csaf\.lock\.json: check the document, then run npm run advisory -- record CPSA-2026-001\n/,
      );
      assert.match(error.message, /revision 2 of CSAF document CPSA-2026-001-VEX /);
    });
  });

  test('refuses a lock that names a document no advisory produces any more', async () => {
    const lock = structuredClone(recorded);
    lock.documents['CPSA-2026-003'] = { revisions: { '1': { sha256: '0'.repeat(64) } } };
    const error = await inputErrorOf(() => build(ROOT, lock));
    assert.equal(
      error.message,
      'content/advisories/csaf.lock.json: documents.CPSA-2026-003: CSAF document CPSA-2026-003 was published, but no advisory produces it any more (expected content/advisories/CPSA-2026-003.yaml): a published document is never deleted; restore the advisory',
    );
  });

  test('refuses an advisory whose recorded later revision has disappeared', async () => {
    const lock = structuredClone(recorded);
    const revisions = lock.documents['CPSA-2026-002']?.revisions ?? assert.fail();
    revisions['2'] = { sha256: 'a'.repeat(64) };
    const error = await inputErrorOf(() => build(ROOT, lock));
    assert.equal(
      error.message,
      'content/advisories/CPSA-2026-002.yaml: revisions: content/advisories/csaf.lock.json records revision 2 of CSAF document CPSA-2026-002, but the advisory now has 1 revision(s): a published revision is never removed; restore it',
    );
  });

  test('names the lock file and the field when the lock is malformed', async () => {
    const lock = structuredClone(recorded) as unknown as { documents: Record<string, { revisions: object }> };
    (lock.documents['CPSA-2026-001'] ?? assert.fail()).revisions = { '1': { sha256: 'F00' } };
    await withProject({ [CSAF_LOCK_FILE]: JSON.stringify(lock) }, async ({ root }) => {
      const error = await inputErrorOf(() => readCsafLock(root));
      assert.equal(
        error.message,
        'content/advisories/csaf.lock.json: documents.CPSA-2026-001.revisions.1.sha256: expected 64 lower-case hex digits',
      );
    });
    const badKey = JSON.stringify({ lockVersion: 1, documents: { 'cpsa-2026-001': { revisions: {} } } });
    await withProject({ [CSAF_LOCK_FILE]: badKey }, ({ root }) => {
      assert.throws(() => readCsafLock(root), {
        message:
          'content/advisories/csaf.lock.json: documents.cpsa-2026-001: expected a tracking id such as CPSA-2026-001 or CPSA-2026-001-VEX',
      });
    });
    await withProject({ [CSAF_LOCK_FILE]: '{ "lockVersion": 1,' }, async ({ root }) => {
      const error = await inputErrorOf(() => readCsafLock(root));
      assert.match(error.message, /^content\/advisories\/csaf\.lock\.json: \(root\): not JSON: /);
    });
  });

  test('a new revision, once recorded, builds; older revisions keep their hashes', async () => {
    await withProject({ [ADVISORY]: edited({ newRevision: true }) }, async ({ root }) => {
      const lines = await recordAdvisories(root, ['CPSA-2026-001']);
      assert.deepEqual(lines, [
        'recorded CPSA-2026-001 revision 2 in content/advisories/csaf.lock.json',
        'recorded CPSA-2026-001-VEX revision 2 in content/advisories/csaf.lock.json',
      ]);
      const lock = readCsafLock(root);
      assert.equal(lock.documents['CPSA-2026-001']?.revisions['1']?.sha256, sha('CPSA-2026-001'));
      assert.deepEqual(lock.documents['CPSA-2026-002'], recorded.documents['CPSA-2026-002']);
      const provider = await build(root);
      const entry = provider.entries.find((e) => e.advisory.data.id === 'CPSA-2026-001') ?? assert.fail();
      assert.equal(entry.revision, 2);
      assert.equal(entry.json.sha256, lock.documents['CPSA-2026-001'].revisions['2']?.sha256);
      // changes.csv follows the revisions: the current release is the last revision's date.
      const changes = provider.files.find((f) => f.path === '/.well-known/csaf/white/changes.csv');
      assert.match(changes?.bytes.toString('utf8') ?? '', /"2026\/cpsa-2026-001\.json","2026-07-01T00:00:00\.000Z"/);
      assert.deepEqual(await checkAdvisories(root), { documents: 4, problems: [] });
      // Recording again is a no-op, not an error.
      assert.deepEqual(await recordAdvisories(root, 'all'), [
        'already recorded: CPSA-2026-001 revision 2',
        'already recorded: CPSA-2026-001-VEX revision 2',
        'already recorded: CPSA-2026-002 revision 1',
        'already recorded: CPSA-2026-002-VEX revision 1',
      ]);
    });
  });

  test('record refuses to overwrite the hash of a recorded revision and leaves the lock as it was', async () => {
    await withProject({ [ADVISORY]: edited({ newRevision: false }) }, async ({ root }) => {
      const before = lockText(root);
      const error = await inputErrorOf(() => recordAdvisories(root, ['CPSA-2026-001']));
      assert.match(
        error.message,
        /^content\/advisories\/CPSA-2026-001\.yaml: revisions: CSAF document CPSA-2026-001 changed/,
      );
      assert.match(
        error.message,
        /\(content\/advisories\/csaf\.lock\.json left unchanged: a recorded revision is never overwritten\)$/,
      );
      assert.equal(lockText(root), before);
    });
  });

  test('record refuses an advisory the CSAF validator rejects', async () => {
    await withProject({ [ADVISORY]: fixture('advisory-invalid-cwe.yaml') }, async ({ root }) => {
      const before = lockText(root);
      const error = await inputErrorOf(() => recordAdvisories(root, 'all'));
      assert.match(
        error.message,
        /^\[csaf\] the CSAF validator rejected 1 finding\(s\):\ncontent\/advisories\/CPSA-2026-001\.yaml: cwe\.name: /,
      );
      assert.equal(lockText(root), before);
    });
  });

  test('writes the lock atomically: on a failed write the old file stays and no temp file is left', async () => {
    await withProject({ [CSAF_LOCK_FILE]: null }, ({ root }) => {
      // A directory where the lock should be: the rename fails after the temp file was written.
      mkdirSync(join(root, CSAF_LOCK_FILE));
      writeFileSync(join(root, CSAF_LOCK_FILE, 'keep'), 'x');
      assert.throws(
        () => writeCsafLock(root, recorded),
        /^Error: content\/advisories\/csaf\.lock\.json: cannot be written: /,
      );
      assert.deepEqual(
        readdirSync(join(root, 'content/advisories')).filter((name) => name.endsWith('.tmp')),
        [],
      );
      assert.deepEqual(readdirSync(join(root, CSAF_LOCK_FILE)), ['keep']);
    });
  });

  test('a document does not change with the website package version or the build date', async () => {
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await withProject({ 'package.json': JSON.stringify({ ...packageJson, version: '9.9.9' }) }, async ({ root }) => {
      const ours = await build(ROOT, recorded);
      const theirs = await buildCsafProvider(loadComplianceData(root), LINKS, {
        signingKey: undefined,
        buildDate: new Date('2031-01-01T00:00:00Z'),
        lock: readCsafLock(root),
      });
      assert.deepEqual(
        theirs.files.map((f) => [f.path, digestHex('sha256', f.bytes)]),
        ours.files.map((f) => [f.path, digestHex('sha256', f.bytes)]),
      );
      for (const entry of ours.entries) {
        const doc = JSON.parse(ours.files.find((f) => f.path === entry.path)?.bytes.toString('utf8') ?? '') as {
          document: { tracking: { generator: unknown } };
        };
        assert.deepEqual(doc.document.tracking.generator, { engine: { name: 'CryptPeer website build' } });
      }
    });
  });
});

describe('npm run advisory', () => {
  test('exits 2 with the usage on bad arguments, before reading anything', () => {
    for (const args of [
      [],
      ['publish'],
      ['record'],
      ['record', '--all', 'CPSA-2026-001'],
      ['record', 'cpsa-2026-001'],
      ['record', '--force', 'CPSA-2026-001'],
      ['check', 'CPSA-2026-001'],
      ['check', '--all'],
      ['check', '--root'],
    ]) {
      const result = cli(...args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(
        result.stderr,
        /^advisory: .+\nUsage: npm run advisory -- record <ID>\.\.\. \| record --all \| check/,
      );
      assert.equal(result.stdout, '');
    }
  });

  test('check exits 1 on a changed document and 0 once a new revision is recorded', async () => {
    await withProject({ [ADVISORY]: edited({ newRevision: false }) }, ({ root }) => {
      const changed = cli('check', '--root', root);
      assert.equal(changed.status, 1, changed.stderr);
      assert.match(
        changed.stderr,
        /^content\/advisories\/CPSA-2026-001\.yaml: revisions: CSAF document CPSA-2026-001 changed/,
      );
      const unknown = cli('record', 'CPSA-2026-009', '--root', root);
      assert.equal(unknown.status, 2, unknown.stderr);
      assert.match(unknown.stderr, /^advisory: no advisory CPSA-2026-009 /);
      writeFileSync(join(root, ADVISORY), edited({ newRevision: true }));
      const record = cli('record', 'CPSA-2026-001', '--root', root);
      assert.equal(record.status, 0, record.stderr);
      assert.match(
        record.stdout,
        /^advisory: recorded CPSA-2026-001 revision 2 in content\/advisories\/csaf\.lock\.json\n/,
      );
      const check = cli('check', '--root', root);
      assert.equal(check.status, 0, check.stderr);
      assert.equal(check.stdout, 'advisory: 4 CSAF document(s) match content/advisories/csaf.lock.json\n');
    });
  });
});
