/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadComplianceData } from '../../../src/compliance/data.ts';
import { buildSboms, validateSbom } from '../../../src/compliance/sbom.ts';
import { fixture, inputErrorOf } from './helpers.ts';

describe('SBOM', () => {
  test('the product SBOM passes the strict CycloneDX 1.6 validator and is published byte for byte', async () => {
    const data = loadComplianceData();
    const { sboms, files } = await buildSboms(data);
    assert.deepEqual(
      sboms.map((s) => [s.version, s.json.path, s.componentCount]),
      [['2.4.0', '/sbom/cryptpeer-2.4.0.cdx.json', 3]],
    );
    assert.deepEqual(files.find((f) => f.path === '/sbom/cryptpeer-2.4.0.cdx.json')?.bytes, data.sboms[0]?.bytes);
    assert.deepEqual(
      files.map((f) => f.path),
      [
        '/sbom/cryptpeer-2.4.0.cdx.json',
        '/sbom/cryptpeer-2.4.0.cdx.json.sha256',
        '/sbom/cryptpeer-2.4.0.cdx.json.sha512',
      ],
    );
  });

  test('refuses an SBOM the strict schema rejects, naming the file and each path', async () => {
    const file = 'content/sbom/cryptpeer-2.4.0.cdx.json';
    const error = await inputErrorOf(() =>
      validateSbom({ file, version: '2.4.0', bytes: Buffer.from(fixture('sbom-invalid.cdx.json')) }, 'CryptPeer'),
    );
    const lines = error.message.split('\n');
    assert.equal(lines[0], '[sbom] CycloneDX 1.6 strict validation failed:');
    assert.ok(
      lines.some((l) => l.startsWith(`${file}: metadata: must NOT have additional properties`)),
      error.message,
    );
  });

  test('refuses an SBOM for another product or version', async () => {
    const bytes = Buffer.from(
      fixture('../../../content/sbom/cryptpeer-2.4.0.cdx.json').replace('"version": "2.4.0"', '"version": "2.3.0"'),
    );
    const error = await inputErrorOf(() => validateSbom({ file: 'x.cdx.json', version: '2.4.0', bytes }, 'CryptPeer'));
    assert.equal(
      error.message,
      'x.cdx.json: metadata.component.version: expected 2.4.0 (from the file name), got "2.3.0"',
    );
  });

  test('refuses a CycloneDX version other than 1.6', async () => {
    const bytes = Buffer.from(
      fixture('../../../content/sbom/cryptpeer-2.4.0.cdx.json').replace('"specVersion": "1.6"', '"specVersion": "1.5"'),
    );
    const error = await inputErrorOf(() => validateSbom({ file: 'x.cdx.json', version: '2.4.0', bytes }, 'CryptPeer'));
    assert.equal(error.message, 'x.cdx.json: specVersion: expected "1.6", got "1.5"');
  });
});
