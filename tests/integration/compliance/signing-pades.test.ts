import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderPdf, type PdfInput } from '../../../src/compliance/pdf/render.ts';
import {
  loadPadesSigner,
  PDF_SIGNATURE_SUBFILTER,
  readSignatureLayout,
  sameSignedContent,
  signedContent,
  signPdf,
  type PadesSigner,
} from '../../../src/compliance/signing/pades.ts';
import { verifiedPadesSigner } from '../../../src/compliance/signing/verify-pades.ts';
import { makeTestP12 } from '../../support/test-pkcs12.ts';

/** Whether a command exists; the PDF tools are installed in CI (poppler-utils, qpdf). */
const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const PASSPHRASE = 'fixture passphrase';
const COMMON_NAME = 'CryptPeer test signer (fixture)';

const INPUT: PdfInput = {
  lang: 'fr',
  title: 'Déclaration de test',
  author: 'Fixture Manufacturer SAS',
  subject: 'Test',
  keywords: 'test',
  creator: 'Fixture website build',
  date: '2026-11-20',
  blocks: [
    { kind: 'title', text: 'Déclaration UE de conformité (test)' },
    { kind: 'field', label: 'Nom : ', value: 'CryptPeer' },
    { kind: 'list', items: ['Règlement (UE) 2024/2847'] },
  ],
  footer: (n, total) => `Page ${n} / ${total}`,
  attachment: {
    name: 'test.json',
    bytes: Buffer.from('{"test":true}\n'),
    description: 'JSON',
    mime: 'application/json',
  },
};
const SIGNATURE = {
  reason: 'Déclaration UE de conformité',
  name: 'Fixture Manufacturer SAS',
  location: 'Testville',
  contactInfo: 'security@example.com',
  date: new Date('2026-11-20T00:00:00Z'),
};

let dir = '';
let p12 = '';
let signer: PadesSigner;
let placeholder: Buffer;
let signed: Buffer;
let signedFile = '';

const makeP12 = (folder: string, name: string, newKey?: string[]): string =>
  makeTestP12(folder, {
    name,
    subject: `/CN=${COMMON_NAME}/O=Fixture`,
    passphrase: PASSPHRASE,
    ...(newKey ? { newKey } : {}),
  });

/** pdfsig with a temp HOME, so NSS neither reads nor creates a certificate database of the user; no OCSP. */
function pdfsig(file: string): { status: number | null; out: string } {
  const result = spawnSync('pdfsig', ['-no-ocsp', file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

const flipBit = (bytes: Buffer, at: number): void => {
  bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
};

const write = (name: string, bytes: Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cryptpeer-pades-'));
  p12 = makeP12(dir, 'signer');
  const loaded = loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: p12, CRYPTPEER_PADES_P12_PASSPHRASE: PASSPHRASE });
  assert.ok(loaded);
  signer = loaded;
  placeholder = await renderPdf({ ...INPUT, signature: SIGNATURE });
  signed = await signPdf(placeholder, signer);
  signedFile = write('signed.pdf', signed);
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('PAdES signature of PDFs', () => {
  test('pdfsig finds a valid signature that covers the whole document', (t) => {
    if (!has('pdfsig')) return t.skip('pdfsig not installed (apt-get install poppler-utils)');
    const { status, out } = pdfsig(signedFile);
    assert.equal(status, 0, out);
    assert.match(out, /Signature #1:/);
    assert.match(out, new RegExp(`Signer Certificate Common Name: ${COMMON_NAME.replace(/[()]/g, '\\$&')}`));
    assert.match(out, new RegExp(`Signature Type: ${PDF_SIGNATURE_SUBFILTER}`));
    assert.match(out, /Signing Hash Algorithm: SHA-256/);
    assert.match(out, /^\s*- Total document signed$/m);
    assert.match(out, /Signature Validation: Signature is Valid\./);
    // Self-signed: the signature is valid, the issuer is (rightly) not trusted.
    assert.match(out, /Certificate Validation: Certificate issuer isn't Trusted\./);
  });

  test('pdfsig reports bytes appended after signing as not covered', (t) => {
    if (!has('pdfsig')) return t.skip('pdfsig not installed (apt-get install poppler-utils)');
    const { out } = pdfsig(write('appended.pdf', Buffer.concat([signed, Buffer.from('\n% update\n%%EOF\n')])));
    assert.match(out, /Not total document signed/);
  });

  test('the placeholder PDF is reproducible: the same input gives the same bytes', async () => {
    const again = await renderPdf({ ...INPUT, signature: { ...SIGNATURE } });
    assert.ok(again.equals(placeholder));
    const unsigned = await renderPdf(INPUT);
    assert.ok(!unsigned.equals(placeholder));
    // Without the option, no trace of a signature field.
    for (const token of ['/ByteRange', '/AcroForm', '/Sig'])
      assert.equal(unsigned.indexOf(token, 0, 'latin1'), -1, token);
  });

  test('the placeholder holds the given signature values and a printable, invisible widget', () => {
    const text = placeholder.toString('latin1');
    // Matched one by one, so a failure names the pattern instead of printing the whole PDF.
    for (const pattern of [
      /\/SubFilter \/adbe\.pkcs7\.detached\n/,
      /\/M \(D:20261120000000Z\)\n/,
      /\/Location \(Testville\)\n/,
      /\/Subtype \/Widget\n[^>]*\/Rect \[0 0 0 0\]\n[^>]*\/F 4\n>>/,
      /\/SigFlags 3\n/,
    ]) {
      assert.ok(pattern.test(text), String(pattern));
    }
    assert.ok(!text.includes('NeedAppearances'), 'PDF/A forbids NeedAppearances true');
    assert.ok(text.endsWith('%%EOF'), 'no final end-of-line, so signing keeps the length');
  });

  test('a signed PDF stays a tagged PDF/A-3a file with embedded fonts that qpdf finds no error in', (t) => {
    if (!has('qpdf') || !has('pdfinfo')) return t.skip('qpdf or poppler-utils not installed');
    const info = execFileSync('pdfinfo', [signedFile], { encoding: 'utf8' });
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.match(info, /^Form:\s+AcroForm$/m);
    assert.match(info, /^PDF version:\s+1\.7$/m);
    const meta = execFileSync('pdfinfo', ['-meta', signedFile], { encoding: 'utf8' });
    assert.match(meta, /<pdfaid:part>3<\/pdfaid:part>/);
    assert.match(meta, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    const fonts = execFileSync('pdffonts', [signedFile], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const line of fonts) assert.match(line, /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/, line);
    const check = spawnSync('qpdf', ['--check', signedFile], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.doesNotMatch(check.stdout + check.stderr, /WARNING/i);
  });

  test('sameSignedContent is true for a signed PDF and the placeholder it was made from', () => {
    assert.equal(signed.length, placeholder.length);
    assert.ok(!signed.equals(placeholder));
    assert.equal(sameSignedContent(signed, placeholder), true);
  });

  test('sameSignedContent is false when one byte of the content differs', () => {
    const changed = Buffer.from(signed);
    // A byte of the first stream (structure or page content), far from the signature dictionary.
    const at = changed.indexOf('stream\n', 0, 'latin1') + 'stream\n'.length + 2;
    flipBit(changed, at);
    assert.equal(sameSignedContent(changed, placeholder), false);
    const regenerated = Buffer.from(placeholder);
    flipBit(regenerated, regenerated.length - 10);
    assert.equal(sameSignedContent(signed, regenerated), false);
  });

  test('sameSignedContent is false, and the layout refused, when bytes are appended after signing', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% update\n%%EOF')]);
    assert.equal(sameSignedContent(appended, Buffer.concat([placeholder, Buffer.from('\n% update\n%%EOF')])), false);
    assert.throws(() => readSignatureLayout(appended), /bytes were added or removed after signing/);
    assert.throws(() => signedContent(appended), /bytes were added or removed after signing/);
  });

  test('sameSignedContent is false for an unsigned placeholder compared with itself', () => {
    assert.equal(sameSignedContent(placeholder, placeholder), false);
    assert.throws(() => readSignatureLayout(placeholder), /not a signed ByteRange/);
  });

  test('the ByteRange covers everything but /Contents, and signedContent returns exactly those bytes', () => {
    const { byteRange, contents } = readSignatureLayout(signed);
    assert.deepEqual(byteRange, [0, contents.start, contents.end, signed.length - contents.end]);
    assert.equal(
      signed.subarray(contents.start - '/Contents '.length, contents.start).toString('latin1'),
      '/Contents ',
    );
    const covered = signedContent(signed);
    assert.equal(covered.length, signed.length - (contents.end - contents.start));
    assert.ok(covered.equals(Buffer.concat([signed.subarray(0, byteRange[1]), signed.subarray(byteRange[2])])));
  });

  test('verifiedPadesSigner reads the signer from the signature and checks it covers the bytes', () => {
    assert.equal(verifiedPadesSigner(signed), COMMON_NAME);
    const changed = Buffer.from(signed);
    flipBit(changed, changed.indexOf('stream\n', 0, 'latin1') + 'stream\n'.length + 2);
    assert.throws(() => verifiedPadesSigner(changed), /messageDigest differs/);
  });

  test('verifiedPadesSigner refuses a signature value that was tampered with', () => {
    const { contents } = readSignatureLayout(signed);
    const hex = signed.subarray(contents.start + 1, contents.end - 1).toString('latin1');
    // The last non-padding hex digit: inside the RSA signature value, at the end of the DER.
    const at = contents.start + 1 + hex.replace(/0+$/, '').length - 1;
    const changed = Buffer.from(signed);
    changed[at] = changed[at] === 0x31 ? 0x32 : 0x31;
    assert.throws(() => verifiedPadesSigner(changed), /no certificate in the signature verifies it/);
  });

  test('signPdf refuses a PDF without a signature placeholder', async () => {
    await assert.rejects(signPdf(await renderPdf(INPUT), signer), /has no signature placeholder/);
  });
});

describe('loadPadesSigner', () => {
  test('exposes the common name of the certificate', () => {
    assert.equal(signer.commonName, COMMON_NAME);
  });

  test('is undefined when no PKCS#12 file is configured', () => {
    assert.equal(loadPadesSigner({}), undefined);
  });

  test('refuses a wrong passphrase, naming CRYPTPEER_PADES_P12_PASSPHRASE', () => {
    assert.throws(
      () => loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: p12, CRYPTPEER_PADES_P12_PASSPHRASE: 'not the passphrase' }),
      /^Error: \[pades\] CRYPTPEER_PADES_P12_PASSPHRASE: cannot open .*signer\.p12: wrong passphrase$/,
    );
  });

  test('asks for the passphrase of a protected file', () => {
    assert.throws(
      () => loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: p12 }),
      /CRYPTPEER_PADES_P12_PASSPHRASE: .*the file is protected: set CRYPTPEER_PADES_P12_PASSPHRASE/,
    );
  });

  test('refuses an unreadable file, naming CRYPTPEER_PADES_P12_FILE', () => {
    assert.throws(
      () => loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: join(dir, 'missing.p12') }),
      /^Error: \[pades\] CRYPTPEER_PADES_P12_FILE: cannot read .*missing\.p12$/,
    );
  });

  test('refuses a file that is not PKCS#12, naming CRYPTPEER_PADES_P12_FILE', () => {
    const file = write('not.p12', Buffer.from('not a PKCS#12 file'));
    assert.throws(() => loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: file }), /CRYPTPEER_PADES_P12_FILE: .*not\.p12/);
  });

  test('refuses a key P12Signer cannot sign with (EC), naming CRYPTPEER_PADES_P12_FILE', () => {
    const file = makeP12(dir, 'ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    assert.throws(
      () => loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: file, CRYPTPEER_PADES_P12_PASSPHRASE: PASSPHRASE }),
      /CRYPTPEER_PADES_P12_FILE: .*ec\.p12: the private key is not an RSA key/,
    );
  });

  test('refuses a certificate that is not valid at load time', () => {
    const env = { CRYPTPEER_PADES_P12_FILE: p12, CRYPTPEER_PADES_P12_PASSPHRASE: PASSPHRASE };
    assert.throws(
      () => loadPadesSigner(env, new Date('2100-01-01T00:00:00Z')),
      /CRYPTPEER_PADES_P12_FILE: .*the certificate of CryptPeer test signer \(fixture\) is valid from .* not now/,
    );
  });
});
