/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as openpgp from 'openpgp';
import { buildCompliance } from '../../../src/compliance/build.ts';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { getBuildDate } from '../../../src/compliance/dates.ts';
import { loadSigningKey, signCleartext } from '../../../src/compliance/openpgp.ts';
import { openpgpKeyPath } from '../../../src/compliance/paths.ts';
import { createSecurityTxt, getSecurityTxtExpiry } from '../../../src/compliance/security-txt/build.ts';
import { parseSecurityTxt } from '../../../src/compliance/security-txt/parse.ts';
import { BUILD_DATE, LINKS, fixture, inputErrorOf, makeProject } from './helpers.ts';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANONICAL = 'https://cryptpeer.com/.well-known/security.txt';
const FINGERPRINT = '0123456789ABCDEF0123456789ABCDEF01234567';
const security = () => loadComplianceData().security;
const NAMED = { productName: 'CryptPeer' };

describe('security.txt', () => {
  test('is a strict RFC 9116 file with every field the site promises', () => {
    const text = createSecurityTxt(security(), LINKS, BUILD_DATE, NAMED);
    const parsed = parseSecurityTxt(text, { now: BUILD_DATE, canonical: CANONICAL });
    assert.deepEqual(parsed.fields.get('contact'), ['mailto:security@cryptpeer.com']);
    assert.deepEqual(parsed.fields.get('expires'), ['2027-05-25T00:00:00Z']);
    assert.deepEqual(parsed.fields.get('preferred-languages'), ['en, fr']);
    assert.deepEqual(parsed.fields.get('canonical'), [CANONICAL]);
    assert.deepEqual(parsed.fields.get('policy'), [
      'https://cryptpeer.com/security/vulnerability-disclosure/',
      'https://cryptpeer.com/fr/securite/divulgation-des-vulnerabilites/',
    ]);
    assert.deepEqual(parsed.fields.get('csaf'), ['https://cryptpeer.com/.well-known/csaf/provider-metadata.json']);
    assert.equal(parsed.signed, false);
    // RFC 9116 §3: UTF-8 text, one field per line, newline-terminated.
    assert.ok(text.endsWith('\n'));
    assert.doesNotMatch(text, /\r/);
  });

  test('names the site and the product it is given in its opening comment', () => {
    const text = createSecurityTxt(security(), LINKS, BUILD_DATE, { productName: 'Acme Relay' });
    assert.equal(text.split('\n')[0], '# Security contact for cryptpeer.com and the Acme Relay product (RFC 9116).');
  });

  test('has no Encryption line when no OpenPGP key is configured', () => {
    const text = createSecurityTxt(security(), LINKS, BUILD_DATE, { ...NAMED, openpgpFingerprint: undefined });
    assert.equal(parseSecurityTxt(text, { now: BUILD_DATE, canonical: CANONICAL }).fields.has('encryption'), false);
    assert.equal(text, createSecurityTxt(security(), LINKS, BUILD_DATE, NAMED));
  });

  test('points Encryption at the published OpenPGP key, right after the contacts (RFC 9116 §2.5.4)', () => {
    const text = createSecurityTxt(security(), LINKS, BUILD_DATE, { ...NAMED, openpgpFingerprint: FINGERPRINT });
    const parsed = parseSecurityTxt(text, { now: BUILD_DATE, canonical: CANONICAL });
    const url = `https://cryptpeer.com/.well-known/csaf/openpgp/${FINGERPRINT}.asc`;
    assert.deepEqual(parsed.fields.get('encryption'), [url]);
    assert.equal(url, `https://cryptpeer.com${openpgpKeyPath(FINGERPRINT)}`);
    const names = text
      .split('\n')
      .filter((line) => /^[A-Z]/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')));
    assert.deepEqual(names, [
      'Contact',
      'Encryption',
      'Expires',
      'Preferred-Languages',
      'Canonical',
      'Policy',
      'Policy',
      'CSAF',
    ]);
  });

  test('refuses a key fingerprint that is not upper-case hex, as it becomes a path', () => {
    for (const bad of ['0123456789abcdef0123456789abcdef01234567', '../../index.html', '']) {
      assert.throws(
        () => createSecurityTxt(security(), LINKS, BUILD_DATE, { ...NAMED, openpgpFingerprint: `${bad}x` }),
        /\[paths\] not an upper-case hex OpenPGP fingerprint/,
      );
    }
  });

  test('with a key, the build signs security.txt and its Encryption URL serves that public key', async () => {
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ name: 'CryptPeer test key (fixture)' }],
      curve: 'ed25519Legacy',
      date: new Date('2026-01-01T00:00:00Z'),
      format: 'object',
    });
    const key = {
      privateKey,
      publicKeyArmored: privateKey.toPublic().armor(),
      fingerprint: privateKey.getFingerprint().toUpperCase(),
    };
    const build = await buildCompliance(loadComplianceData(), LINKS, { buildDate: BUILD_DATE, signingKey: key });
    const served = build.files.get('/.well-known/security.txt')?.bytes.toString('utf8') ?? '';
    const parsed = parseSecurityTxt(served, { now: BUILD_DATE, canonical: CANONICAL });
    assert.equal(parsed.signed, true);
    const [url] = parsed.fields.get('encryption') ?? [];
    assert.ok(url, 'an Encryption field');
    assert.ok(url.startsWith(LINKS.origin), url);
    const published = build.files.get(url.slice(LINKS.origin.length));
    assert.equal(published?.bytes.toString('utf8'), key.publicKeyArmored);
  });

  test('computes Expires from the build date, which SOURCE_DATE_EPOCH fixes', () => {
    const date = getBuildDate({ env: { SOURCE_DATE_EPOCH: String(BUILD_DATE.getTime() / 1000) } });
    assert.equal(date.toISOString(), BUILD_DATE.toISOString());
    assert.equal(getSecurityTxtExpiry(security(), date).toISOString(), '2027-05-25T00:00:00.000Z');
    assert.throws(
      () => getBuildDate({ env: { SOURCE_DATE_EPOCH: 'yesterday' } }),
      /^Error: SOURCE_DATE_EPOCH: expected whole seconds/,
    );
  });

  test('refuses an expiry in the past, naming the file and the field', async () => {
    const project = makeProject({ 'content/security.yaml': fixture('security-expired.yaml') });
    try {
      const data = loadComplianceData(project.root);
      const error = await inputErrorOf(() => getSecurityTxtExpiry(data.security, BUILD_DATE));
      assert.equal(
        error.message,
        'content/security.yaml: securityTxt.expiresOn: security.txt would expire on 2020-01-01T00:00:00Z, which is not after the build date 2026-11-26T00:00:00Z',
      );
    } finally {
      project.remove();
    }
  });

  test('refuses an expiry more than a year after the build date', async () => {
    const text = fixture('security-expired.yaml').replace('expiresOn: 2020-01-01', 'expiresOn: 2028-01-01');
    const project = makeProject({ 'content/security.yaml': text });
    try {
      const error = await inputErrorOf(() =>
        getSecurityTxtExpiry(loadComplianceData(project.root).security, BUILD_DATE),
      );
      assert.match(
        error.message,
        /^content\/security\.yaml: securityTxt\.expiresOn: .* more than a year after the build date/,
      );
    } finally {
      project.remove();
    }
  });

  test('refuses expiresAfterDays above 365 in the schema, naming the field', async () => {
    const text = fixture('../../../content/security.yaml').replace('expiresAfterDays: 180', 'expiresAfterDays: 400');
    const project = makeProject({ 'content/security.yaml': text });
    try {
      const error = await inputErrorOf(() => loadComplianceData(project.root));
      assert.match(error.message, /^content\/security\.yaml: securityTxt\.expiresAfterDays: RFC 9116/);
    } finally {
      project.remove();
    }
  });

  const valid = 'Contact: mailto:a@example.com\nExpires: 2027-01-01T00:00:00Z\n';
  const cases: [string, string, RegExp][] = [
    ['no Contact', 'Expires: 2027-01-01T00:00:00Z\n', /Contact: at least one is required/],
    ['no Expires', 'Contact: mailto:a@example.com\n', /Expires: required/],
    ['two Expires', `${valid}Expires: 2027-01-02T00:00:00Z\n`, /expires: must appear at most once/],
    ['an expired file', 'Contact: mailto:a@example.com\nExpires: 2026-01-01T00:00:00Z\n', /is in the past/],
    [
      'an Expires too far ahead',
      'Contact: mailto:a@example.com\nExpires: 2028-06-01T00:00:00Z\n',
      /more than a year ahead/,
    ],
    [
      'an Expires without time zone',
      'Contact: mailto:a@example.com\nExpires: 2027-01-01 00:00\n',
      /not an RFC 3339 date-time/,
    ],
    ['a plain-http Policy', `${valid}Policy: http://example.com/policy\n`, /web URIs must use https/],
    ['an unknown field', `${valid}Disclosure: full\n`, /Disclosure is not a registered security.txt field/],
    ['a line without a colon', `${valid}just text\n`, /not a "Field: value" line/],
    ['two Preferred-Languages', `${valid}Preferred-Languages: en\nPreferred-Languages: fr\n`, /at most once/],
    ['a missing Canonical', valid, /Canonical: https:\/\/cryptpeer\.com\/\.well-known\/security\.txt is not listed/],
  ];
  for (const [name, text, message] of cases) {
    test(`the strict parser refuses ${name}`, () => {
      assert.throws(() => parseSecurityTxt(text, { now: BUILD_DATE, canonical: CANONICAL }), message);
    });
  }

  test('is signed as an OpenPGP cleartext message when a key is configured, reproducibly', async () => {
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ name: 'CryptPeer test key (fixture)', email: 'security@example.com' }],
      type: 'ecc',
      curve: 'ed25519Legacy',
      date: new Date('2026-01-01T00:00:00Z'),
      format: 'armored',
    });
    const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-key-'));
    try {
      const file = join(dir, 'key.asc');
      writeFileSync(file, privateKey);
      const key = await loadSigningKey({ CRYPTPEER_OPENPGP_KEY_FILE: file });
      assert.ok(key);
      const text = createSecurityTxt(security(), LINKS, BUILD_DATE, NAMED);
      const signed = await signCleartext(text, key, BUILD_DATE);
      assert.equal(await signCleartext(text, key, BUILD_DATE), signed, 'same key, text and date: same bytes');
      assert.ok(signed.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA'));
      const parsed = parseSecurityTxt(signed, { now: BUILD_DATE, canonical: CANONICAL });
      assert.equal(parsed.signed, true);
      const message = await openpgp.readCleartextMessage({ cleartextMessage: signed });
      const result = await openpgp.verify({ message, verificationKeys: key.privateKey.toPublic(), date: BUILD_DATE });
      const [signature] = result.signatures;
      assert.ok(signature);
      assert.equal(await signature.verified, true);
      assert.equal(result.data.trimEnd(), text.trimEnd());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('asks for the passphrase of a protected key', async () => {
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ name: 'CryptPeer test key (fixture)' }],
      curve: 'ed25519Legacy',
      passphrase: 'fixture passphrase',
      format: 'armored',
    });
    const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-key-'));
    try {
      const file = join(dir, 'key.asc');
      writeFileSync(file, privateKey);
      await assert.rejects(loadSigningKey({ CRYPTPEER_OPENPGP_KEY_FILE: file }), /set CRYPTPEER_OPENPGP_PASSPHRASE/);
      const key = await loadSigningKey({
        CRYPTPEER_OPENPGP_KEY_FILE: file,
        CRYPTPEER_OPENPGP_PASSPHRASE: 'fixture passphrase',
      });
      assert.match(key?.fingerprint ?? '', /^[0-9A-F]{40}$/);
      assert.equal(await loadSigningKey({}), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
