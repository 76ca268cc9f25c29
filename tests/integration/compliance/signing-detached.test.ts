import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as openpgp from 'openpgp';
import { loadSigningKey, type SigningKey } from '../../../src/compliance/openpgp.ts';
import type { PublishedFile } from '../../../src/compliance/published.ts';
import { signDetachedFiles } from '../../../src/compliance/signing/detached.ts';

const DATE = new Date('2026-11-20T00:00:00Z');
const FILES: PublishedFile[] = [
  { path: '/declarations/2.4.0/doc-en.pdf', bytes: Buffer.from('%PDF-1.7 fixture bytes\n') },
  { path: '/declarations/2.4.0/doc-en.json', bytes: Buffer.from('{"fixture":true}\n') },
  { path: '/declarations/2.4.0/SHA256SUMS', bytes: Buffer.from('0000  doc-en.pdf\n') },
];

let dir = '';
/** A GnuPG home of its own: the tests never read or write the user's ~/.gnupg. */
let gnupgHome = '';
let key: SigningKey;

/** gpg on the temp home only, without starting an agent (verifying needs none). */
function gpg(args: string[], input?: string): { status: number | null; out: string } {
  const result = spawnSync('gpg', ['--homedir', gnupgHome, '--batch', '--no-autostart', ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH ?? '', GNUPGHOME: gnupgHome, HOME: dir, LC_ALL: 'C' },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cryptpeer-openpgp-'));
  gnupgHome = mkdtempSync(join(dir, 'gnupg-'));
  // Ed25519 in the encoding GnuPG 2.2 reads (EdDSA, v4 key), dated so that it predates the signatures.
  const { privateKey } = await openpgp.generateKey({
    userIDs: [{ name: 'CryptPeer test key (fixture)', email: 'security@example.com' }],
    type: 'ecc',
    curve: 'ed25519Legacy',
    date: new Date('2026-01-01T00:00:00Z'),
    format: 'armored',
  });
  const file = join(dir, 'key.asc');
  writeFileSync(file, privateKey);
  const loaded = await loadSigningKey({ CRYPTPEER_OPENPGP_KEY_FILE: file });
  assert.ok(loaded);
  key = loaded;
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('detached OpenPGP signatures', () => {
  test('gives one <path>.asc per file, in order, each an armored signature', async () => {
    const signatures = await signDetachedFiles(FILES, key, DATE);
    assert.deepEqual(
      signatures.map((s) => s.path),
      FILES.map((f) => `${f.path}.asc`),
    );
    for (const { bytes } of signatures) {
      assert.match(bytes.toString('utf8'), /^-----BEGIN PGP SIGNATURE-----\n[\s\S]+-----END PGP SIGNATURE-----\n$/);
    }
  });

  test('is reproducible: the same Ed25519 key, bytes and date give identical signatures', async () => {
    const first = await signDetachedFiles(FILES, key, DATE);
    const second = await signDetachedFiles(FILES, key, DATE);
    assert.deepEqual(
      second.map((s) => s.bytes.toString('base64')),
      first.map((s) => s.bytes.toString('base64')),
    );
    const later = await signDetachedFiles(FILES, key, new Date('2026-11-21T00:00:00Z'));
    assert.notDeepEqual(
      later.map((s) => s.bytes.toString('base64')),
      first.map((s) => s.bytes.toString('base64')),
    );
  });

  test('gpg --verify accepts each signature with the published public key', async (t) => {
    if (spawnSync('gpg', ['--version']).status !== 0) return t.skip('gpg not installed (apt-get install gnupg)');
    const imported = gpg(['--import'], key.publicKeyArmored);
    assert.equal(imported.status, 0, imported.out);
    const signatures = await signDetachedFiles(FILES, key, DATE);
    for (const [index, file] of FILES.entries()) {
      const data = join(dir, `file-${index}`);
      writeFileSync(data, file.bytes);
      writeFileSync(`${data}.asc`, signatures[index]?.bytes ?? '');
      const verified = gpg(['--verify', `${data}.asc`, data]);
      assert.equal(verified.status, 0, verified.out);
      assert.match(verified.out, /Good signature from "CryptPeer test key \(fixture\) <security@example\.com>"/);
      assert.ok(verified.out.includes(key.fingerprint), 'signed by the build key');
    }
  });

  test('gpg --verify refuses a file changed after signing', async (t) => {
    if (spawnSync('gpg', ['--version']).status !== 0) return t.skip('gpg not installed (apt-get install gnupg)');
    assert.equal(gpg(['--import'], key.publicKeyArmored).status, 0);
    const [file] = FILES;
    assert.ok(file);
    const [signature] = await signDetachedFiles([file], key, DATE);
    const data = join(dir, 'tampered');
    const tampered = Buffer.from(file.bytes);
    tampered.writeUInt8(tampered.readUInt8(0) ^ 1, 0);
    writeFileSync(data, tampered);
    writeFileSync(`${data}.asc`, signature?.bytes ?? '');
    const verified = gpg(['--verify', `${data}.asc`, data]);
    assert.notEqual(verified.status, 0, verified.out);
    assert.match(verified.out, /BAD signature/);
  });

  for (const companion of ['doc-en.pdf.asc', 'doc-en.pdf.sha256', 'doc-en.pdf.sha512']) {
    test(`refuses to sign the companion ${companion}`, async () => {
      await assert.rejects(
        signDetachedFiles([{ path: `/declarations/2.4.0/${companion}`, bytes: Buffer.from('x') }], key, DATE),
        new RegExp(
          `\\[openpgp\\] /declarations/2\\.4\\.0/${companion.replace(/\./g, '\\.')}: a \\.asc/\\.sha256/\\.sha512 companion is not signed`,
        ),
      );
    });
  }

  test('refuses a file given twice', async () => {
    const [file] = FILES;
    assert.ok(file);
    await assert.rejects(signDetachedFiles([file, file], key, DATE), /doc-en\.pdf: given twice/);
  });
});
