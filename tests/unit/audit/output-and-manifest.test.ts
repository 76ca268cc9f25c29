import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { UsageError } from '../../../src/audit/net/errors.ts';
import { loadManifest } from '../../../src/audit/cli/load-manifest.ts';
import { assertWritableTarget, writeAtomically } from '../../../src/audit/cli/output.ts';
import { createManifest } from '../../../src/hardening/create-manifest.ts';
import { parseSecurityOptions } from '../../../src/security/index.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cryptpeer-audit-unit-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);

describe('--output', () => {
  test('writes the whole file and leaves no temp file', async () => {
    const file = join(dir, 'report.json');
    await writeAtomically(file, '{"a":1}\n');
    await writeAtomically(file, '{"a":2}\n');
    assert.equal(readFileSync(file, 'utf8'), '{"a":2}\n');
    assert.deepEqual(readdirSync(dir), ['report.json']);
  });

  test('a failed write leaves the previous content alone and no temp file', async () => {
    const sub = join(dir, 'busy');
    mkdirSync(join(sub, 'report.sarif'), { recursive: true });
    writeFileSync(join(sub, 'report.sarif', 'keep'), 'x');
    await assert.rejects(
      writeAtomically(join(sub, 'report.sarif'), 'new'),
      usage(/^--output .*report\.sarif: cannot write it/),
    );
    assert.deepEqual(readdirSync(sub), ['report.sarif']);
  });

  test('a missing directory or a directory as target is refused before the audit', async () => {
    await assert.rejects(assertWritableTarget(join(dir, 'nope', 'r.xml')), usage(/cannot write in .*nope \(ENOENT\)/));
    await assert.rejects(assertWritableTarget(dir), usage(/is a directory/));
    await assertWritableTarget(join(dir, 'fine.xml'));
  });
});

describe('--expect', () => {
  test('reads a headers manifest', async () => {
    const manifest = createManifest(parseSecurityOptions({ origin: 'https://cryptpeer.com' }), {
      '/': { file: 'index.html', csp: "default-src 'none'" },
    });
    const file = join(dir, 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    assert.deepEqual(await loadManifest(file), manifest);
  });

  test('refuses a missing file, bad JSON and a JSON file that is not a manifest, naming the file', async () => {
    await assert.rejects(
      loadManifest(join(dir, 'missing.json')),
      usage(/^--expect .*missing\.json: cannot read it \(ENOENT\)$/),
    );
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    await assert.rejects(loadManifest(join(dir, 'bad.json')), usage(/^--expect .*bad\.json: not JSON/));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ version: 1, origin: 'x', common: {}, routes: [] }));
    await assert.rejects(
      loadManifest(join(dir, 'other.json')),
      usage(/^--expect .*other\.json: not a headers manifest: routes: /),
    );
  });
});
