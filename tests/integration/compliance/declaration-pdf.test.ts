/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { buildDeclarations, type DeclarationSet } from '../../../src/compliance/declaration/files.ts';
import { renderDeclarationPdf } from '../../../src/compliance/declaration/pdf.ts';
import { loadPadesSigner, sameSignedContent, signPdf } from '../../../src/compliance/signing/pades.ts';
import { makeTestP12 } from '../../support/test-pkcs12.ts';
import { fixture, LINKS, makeProject } from './helpers.ts';

/** PDF checks with the tools an archivist would use: poppler (pdfinfo, pdftotext, pdfdetach, pdffonts) and qpdf. */
const run = (command: string, args: string[]): string => execFileSync(command, args, { encoding: 'utf8' });
/** pdftotext breaks lines and hyphenated words; compare text without whitespace or hyphens. */
const squash = (text: string): string => text.replace(/[\s\-‐]+/g, '');

let dir = '';
let draft: DeclarationSet;
let issued: DeclarationSet;
const pdfFile = (set: DeclarationSet, label: string, locale: string, kind: string): string => {
  const doc = set.documents.find((d) => d.locale === locale && d.kind === kind);
  assert.ok(doc, `${label} ${locale} ${kind}`);
  return join(dir, label, doc.pdf.name);
};

/** Writes every file of a declaration set to `dir/label/`. */
function write(set: DeclarationSet, label: string): void {
  for (const file of set.files) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    execFileSync('mkdir', ['-p', join(dir, label)]);
    writeFileSync(join(dir, label, name), file.bytes);
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cryptpeer-pdf-'));
  draft = await buildDeclarations(loadComplianceData(), LINKS);
  const project = makeProject({
    'content/site.yaml': fixture('site-issued.yaml'),
    'content/declarations/cryptpeer-2.4.0.yaml': fixture('declaration-issued-complete.yaml'),
  });
  try {
    // Rendered as the issue step renders it, before any archive exists.
    issued = await buildDeclarations(loadComplianceData(project.root, { issuing: '2.4.0' }), LINKS);
  } finally {
    project.remove();
  }
  write(draft, 'draft');
  write(issued, 'issued');
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every Annex V item of the issued fixture, as label and value, per language. */
const ANNEX_V = {
  en: [
    '1. Product with digital elements: name, type and identification',
    'Name: CryptPeer',
    'Type: End-to-end encrypted messaging software: client applications and self-hostable relay server',
    'Version: 2.4.0',
    'Identification: Version 2.4.0 (test fixture identification)',
    '2. Name and address of the manufacturer or its authorised representative',
    'Manufacturer: Fixture Manufacturer SAS',
    '1 Test Street, 00000 Testville, Testland',
    '3. Sole responsibility',
    'This declaration of conformity is issued under the sole responsibility of the manufacturer, Fixture Manufacturer SAS.',
    '4. Object of the declaration',
    'Test fixture object of the declaration',
    '5. Statement of conformity',
    'The object of the declaration described above is in conformity with the relevant Union harmonisation legislation:',
    'Regulation (EU) 2024/2847 of the European Parliament and of the Council of 23 October 2024',
    'Test fixture other legislation',
    '6. Harmonised standards, common specifications or certifications',
    'Harmonised standard: TEST-STANDARD-0001 – Test fixture standard title',
    '7. Notified body and conformity assessment procedure',
    'Conformity assessment procedure: EU-type examination (module B, Annex VIII, Part II) followed by conformity to EU-type based on internal production control (module C, Annex VIII, Part III), Article 32(1)(b)',
    'Notified body: Test Notified Body (fixture) (number 9999)',
    'Certificate: TEST-CERT-0042',
    '8. Additional information',
    'Test fixture additional information.',
    'Signed for and on behalf of: Fixture Manufacturer SAS',
    'Place and date of issue: Testville, 20 November 2026',
    'Name and function: Test Signatory (fixture), Test function',
  ],
  fr: [
    '1. Produit comportant des éléments numériques : nom, type et identification',
    'Nom : CryptPeer',
    'Type : Logiciel de messagerie chiffrée de bout en bout : applications clientes et serveur relais auto-hébergeable',
    'Identification : Version 2.4.0 (identification de test)',
    '2. Nom et adresse du fabricant ou de son mandataire',
    'Fabricant : Fixture Manufacturer SAS',
    '3. Seule responsabilité',
    'La présente déclaration de conformité est établie sous la seule responsabilité du fabricant, Fixture Manufacturer SAS.',
    '4. Objet de la déclaration',
    'Objet de la déclaration de test',
    '5. Déclaration de conformité',
    'L’objet de la déclaration décrit ci-dessus est conforme à la législation d’harmonisation de l’Union applicable :',
    'Règlement (UE) 2024/2847 du Parlement européen et du Conseil du 23 octobre 2024',
    'Autre législation de test',
    '6. Normes harmonisées, spécifications communes ou certifications',
    'Norme harmonisée : TEST-STANDARD-0001 – Titre de norme de test',
    '7. Organisme notifié et procédure d’évaluation de la conformité',
    'Procédure d’évaluation de la conformité : Examen UE de type (module B, annexe VIII, partie II) suivi de la conformité au type UE fondée sur le contrôle interne de la production (module C, annexe VIII, partie III), article 32, paragraphe 1, point b)',
    'Organisme notifié : Test Notified Body (fixture) (numéro 9999)',
    'Certificat : TEST-CERT-0042',
    '8. Informations complémentaires',
    'Informations complémentaires de test.',
    'Signé par et au nom de : Fixture Manufacturer SAS',
    'Lieu et date d’établissement : Testville, 20 novembre 2026',
    'Nom et fonction : Test Signatory (fixture), Fonction de test',
  ],
} as const;

describe('declaration PDFs', () => {
  for (const locale of ['en', 'fr'] as const) {
    test(`pdftotext finds every Annex V item of an issued declaration (${locale})`, () => {
      const text = squash(run('pdftotext', ['-layout', pdfFile(issued, 'issued', locale, 'full'), '-']));
      for (const item of ANNEX_V[locale]) assert.ok(text.includes(squash(item)), `missing: ${item}`);
    });

    test(`a draft shows every Annex V heading and marks missing fields (${locale})`, () => {
      const text = squash(run('pdftotext', [pdfFile(draft, 'draft', locale, 'full'), '-']));
      for (const heading of ANNEX_V[locale].filter((line) => /^\d\. /.test(line))) {
        assert.ok(text.includes(squash(heading)), `missing heading: ${heading}`);
      }
      assert.ok(
        text.includes(squash(locale === 'en' ? '[To be completed before issue]' : '[À compléter avant l’émission]')),
      );
    });

    test(`the simplified declaration states conformity and gives the exact URL of the full text (${locale})`, () => {
      const text = squash(run('pdftotext', [pdfFile(draft, 'draft', locale, 'simplified'), '-']));
      const url =
        locale === 'en'
          ? 'https://cryptpeer.com/compliance/declaration-of-conformity/2.4.0/'
          : 'https://cryptpeer.com/fr/conformite/declaration-de-conformite/2.4.0/';
      assert.ok(text.includes(squash(url)));
      const statement =
        locale === 'en'
          ? 'declares that the product with digital elements type CryptPeer 2.4.0'
          : 'déclare que le produit comportant des éléments numériques du type CryptPeer 2.4.0';
      assert.ok(text.includes(squash(statement)));
      assert.ok(text.includes(squash('2024/2847')));
    });
  }

  test('a draft carries the watermark on every page; an issued declaration carries none', () => {
    for (const doc of draft.documents) {
      const file = pdfFile(draft, 'draft', doc.locale, doc.kind);
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
      assert.ok(pages >= 1);
      for (let page = 1; page <= pages; page++) {
        // Raw order follows the content stream, where the watermark is drawn first on each page.
        const text = squash(run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-']));
        assert.ok(text.includes(squash('DRAFT – not a declaration of conformity')), `${doc.pdf.name} page ${page}`);
        if (doc.locale === 'fr') assert.ok(text.includes(squash('PROJET – pas une déclaration de conformité')));
      }
    }
    for (const doc of issued.documents) {
      const text = squash(run('pdftotext', ['-raw', pdfFile(issued, 'issued', doc.locale, doc.kind), '-']));
      assert.ok(!text.includes(squash('not a declaration of conformity')), doc.pdf.name);
    }
  });

  test('is a tagged PDF 1.7 with language, title, dates, embedded fonts and PDF/A-3a identification', () => {
    for (const [set, label] of [
      [draft, 'draft'],
      [issued, 'issued'],
    ] as const) {
      for (const doc of set.documents) {
        const file = pdfFile(set, label, doc.locale, doc.kind);
        const info = run('pdfinfo', [file]);
        assert.match(info, /^Tagged:\s+yes$/m, doc.pdf.name);
        assert.match(info, /^PDF version:\s+1\.7$/m);
        assert.match(info, new RegExp(`^Title:\\s+${doc.model.title}`, 'm'));
        assert.match(info, /^Author:\s+\S/m);
        assert.match(info, /^CreationDate:\s+Fri Nov 20 00:00:00 2026 UTC$/m);
        assert.match(info, /^ModDate:\s+Fri Nov 20 00:00:00 2026 UTC$/m);
        const meta = run('pdfinfo', ['-meta', file]);
        assert.match(meta, /<pdfaid:part>3<\/pdfaid:part>/);
        assert.match(meta, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
        assert.match(meta, /<xmp:CreateDate>2026-11-20T00:00:00Z<\/xmp:CreateDate>/);
        assert.match(meta, /<xmp:ModifyDate>2026-11-20T00:00:00Z<\/xmp:ModifyDate>/);
        // PDF/A: every font embedded (no standard-14 fallback).
        const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
        assert.ok(fonts.length > 0);
        for (const line of fonts) assert.match(line, /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/, line);
        // The document language is set in the catalog.
        const catalog = rootOf(file);
        assert.match(catalog, new RegExp(`/Lang \\(${doc.locale}\\)`));
        // Tagged (structure tree), PDF/A output intent, and the JSON as an associated file (PDF/A-3).
        for (const key of ['/StructTreeRoot', '/OutputIntents', '/AF', '/ViewerPreferences'])
          assert.ok(catalog.includes(key), key);
      }
    }
  });

  test('pdfdetach extracts a JSON attachment identical to the published JSON', () => {
    for (const doc of [...draft.documents, ...issued.documents]) {
      const label = draft.documents.includes(doc) ? 'draft' : 'issued';
      const out = mkdtempSync(join(dir, 'detach-'));
      assert.match(
        run('pdfdetach', ['-list', pdfFile(label === 'draft' ? draft : issued, label, doc.locale, doc.kind)]),
        new RegExp(`1: ${doc.json.name}`),
      );
      run('pdfdetach', [
        '-saveall',
        '-o',
        out,
        pdfFile(label === 'draft' ? draft : issued, label, doc.locale, doc.kind),
      ]);
      assert.deepEqual(readdirSync(out), [doc.json.name]);
      assert.deepEqual(readFileSync(join(out, doc.json.name)), readFileSync(join(dir, label, doc.json.name)));
    }
  });

  test('qpdf --check finds no error in any PDF', () => {
    for (const [set, label] of [
      [draft, 'draft'],
      [issued, 'issued'],
    ] as const) {
      for (const doc of set.documents) {
        const result = spawnSync('qpdf', ['--check', pdfFile(set, label, doc.locale, doc.kind)], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /No syntax or stream encoding errors found/);
        assert.doesNotMatch(result.stdout + result.stderr, /WARNING/i);
      }
    }
  });

  test('the same data gives byte-identical files (no clock, no random ID)', async () => {
    const again = await buildDeclarations(loadComplianceData(), LINKS);
    assert.deepEqual(
      again.files.map((f) => [f.path, f.bytes.toString('base64')]),
      draft.files.map((f) => [f.path, f.bytes.toString('base64')]),
    );
  });

  test('SHA256SUMS lists every PDF and JSON of the version with its digest', () => {
    const sums = readFileSync(join(dir, 'draft', 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(sums.length, 8);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'draft'), encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const check512 = spawnSync('sha512sum', ['-c', 'SHA512SUMS'], { cwd: join(dir, 'draft'), encoding: 'utf8' });
    assert.equal(check512.status, 0, check512.stdout + check512.stderr);
  });
});

describe('PAdES-signed declaration PDFs', () => {
  test('an issued declaration signed with PAdES stays tagged PDF/A-3a and qpdf-clean, and pdfsig finds it valid over the whole file', async (t) => {
    if (spawnSync('sh', ['-c', 'command -v pdfsig']).status !== 0)
      return t.skip('pdfsig not installed (apt-get install poppler-utils)');
    const doc = issued.documents.find((d) => d.locale === 'fr' && d.kind === 'full');
    assert.ok(doc);
    // A throwaway RSA key and self-signed certificate, in the test's temp dir only.
    const keys = mkdtempSync(join(dir, 'pades-'));
    const p12 = makeTestP12(keys, { subject: '/CN=Test Signatory (fixture)', passphrase: 'fixture' });
    const signer = loadPadesSigner({ CRYPTPEER_PADES_P12_FILE: p12, CRYPTPEER_PADES_P12_PASSPHRASE: 'fixture' });
    assert.ok(signer);
    const pades = {
      name: 'Fixture Manufacturer SAS',
      reason: 'Déclaration UE de conformité',
      location: 'Testville',
      contactInfo: 'security@example.com',
      date: '2026-11-20T00:00:00Z',
    };
    const json = { name: doc.json.name, bytes: readFileSync(join(dir, 'issued', doc.json.name)) };
    const placeholder = await renderDeclarationPdf(doc.model, json, pades);
    assert.ok(placeholder.equals(await renderDeclarationPdf(doc.model, json, pades)), 'reproducible placeholder');
    const signed = await signPdf(placeholder, signer);
    assert.ok(sameSignedContent(signed, placeholder));
    const file = join(keys, doc.pdf.name);
    writeFileSync(file, signed);

    const sig = spawnSync('pdfsig', ['-no-ocsp', file], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: keys },
    });
    assert.equal(sig.status, 0, sig.stdout + sig.stderr);
    assert.match(sig.stdout, /Total document signed/);
    assert.match(sig.stdout, /Signature Validation: Signature is Valid\./);
    const info = run('pdfinfo', [file]);
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.match(info, /^Form:\s+AcroForm$/m);
    const meta = run('pdfinfo', ['-meta', file]);
    assert.match(meta, /<pdfaid:part>3<\/pdfaid:part>/);
    assert.match(meta, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    for (const line of run('pdffonts', [file]).split('\n').slice(2).filter(Boolean))
      assert.match(line, /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/, line);
    const catalog = rootOf(file);
    for (const entry of ['/StructTreeRoot', '/OutputIntents', '/AF', '/AcroForm', '/Lang (fr)'])
      assert.ok(catalog.includes(entry), entry);
    assert.match(run('pdfdetach', ['-list', file]), new RegExp(`1: ${doc.json.name}`));
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.doesNotMatch(check.stdout + check.stderr, /WARNING/i);
  });
});

/** The document catalog, as qpdf prints it. */
function rootOf(file: string): string {
  const trailer = run('qpdf', ['--show-object=trailer', file]);
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  assert.ok(root, 'no /Root in the trailer');
  return run('qpdf', [`--show-object=${root}`, file]);
}
