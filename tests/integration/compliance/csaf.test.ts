/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as openpgp from 'openpgp';
import { digestHex } from '../../../src/compliance/checksums.ts';
import { cvss31BaseScore, roundUp } from '../../../src/compliance/csaf/cvss.ts';
import { readCsafLock } from '../../../src/compliance/csaf/lock.ts';
import { buildCsafProvider, sourceField } from '../../../src/compliance/csaf/provider.ts';
import { validateCsaf } from '../../../src/compliance/csaf/validate.ts';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import type { SigningKey } from '../../../src/compliance/openpgp.ts';
import { csafFileName } from '../../../src/compliance/paths.ts';
import { BUILD_DATE, LINKS, ROOT, fixture, inputErrorOf, makeProject } from './helpers.ts';

const options = { signingKey: undefined, buildDate: BUILD_DATE, lock: readCsafLock(ROOT) };
const text = (files: { path: string; bytes: Buffer }[], path: string) =>
  files.find((f) => f.path === path)?.bytes.toString('utf8') ?? assert.fail(`no ${path}`);

describe('CSAF 2.0 provider', () => {
  test('names files by CSAF §5.1: lower case, other characters runs replaced by one underscore', () => {
    assert.equal(csafFileName('CPSA-2026-001'), 'cpsa-2026-001.json');
    assert.equal(csafFileName('Example Company - 2019-YH3234'), 'example_company_-_2019-yh3234.json');
    assert.equal(csafFileName('RHBA-2019:0024'), 'rhba-2019_0024.json');
    assert.equal(csafFileName('a+b//c'), 'a+b_c.json');
  });

  test('computes CVSS v3.1 base scores as FIRST specifies', () => {
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), {
      baseScore: 9.8,
      baseSeverity: 'CRITICAL',
    });
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'), {
      baseScore: 10,
      baseSeverity: 'CRITICAL',
    });
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'), {
      baseScore: 6.1,
      baseSeverity: 'MEDIUM',
    });
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N'), {
      baseScore: 4.7,
      baseSeverity: 'MEDIUM',
    });
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:L/I:N/A:N'), {
      baseScore: 1.9,
      baseSeverity: 'LOW',
    });
    assert.deepEqual(cvss31BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'), {
      baseScore: 0,
      baseSeverity: 'NONE',
    });
    assert.equal(roundUp(4.02), 4.1);
    assert.equal(roundUp(4.0), 4);
  });

  test('publishes the sample advisories as valid csaf_security_advisory and csaf_vex documents, optional tests included', async () => {
    const provider = await buildCsafProvider(loadComplianceData(), LINKS, { ...options, optionalTests: true });
    assert.deepEqual(provider.warnings, []);
    assert.deepEqual(
      provider.entries.map((e) => [e.path, e.vex.path]),
      [
        ['/.well-known/csaf/white/2026/cpsa-2026-001.json', '/.well-known/csaf/white/2026/cpsa-2026-001-vex.json'],
        ['/.well-known/csaf/white/2026/cpsa-2026-002.json', '/.well-known/csaf/white/2026/cpsa-2026-002-vex.json'],
      ],
    );
    for (const entry of provider.entries) {
      const documents = [
        { facts: entry.json, category: 'csaf_security_advisory', id: entry.advisory.data.id },
        { facts: entry.vex.json, category: 'csaf_vex', id: `${entry.advisory.data.id}-VEX` },
      ];
      for (const { facts, category, id } of documents) {
        const json = text(provider.files, facts.path);
        const document = JSON.parse(json) as { document: { category: string; tracking: { id: string } } };
        assert.equal(document.document.category, category);
        assert.equal(document.document.tracking.id, id);
        assert.deepEqual((await validateCsaf(document, true)).errors, []);
        // Requirement 18: the hash file starts with the hex digest, then the file name.
        assert.equal(text(provider.files, `${facts.path}.sha256`), `${digestHex('sha256', json)}  ${facts.name}\n`);
        assert.equal(text(provider.files, `${facts.path}.sha512`), `${digestHex('sha512', json)}  ${facts.name}\n`);
      }
    }
  });

  test('links each advisory to the release notes that fix it and to its own canonical URL', async () => {
    const provider = await buildCsafProvider(loadComplianceData(), LINKS, options);
    const doc = JSON.parse(text(provider.files, '/.well-known/csaf/white/2026/cpsa-2026-001.json')) as {
      document: { references: { category: string; url: string }[] };
      vulnerabilities: { product_status: Record<string, string[]>; remediations: { url: string }[] }[];
    };
    const urls = doc.document.references.map((r) => `${r.category} ${r.url}`);
    // Sample advisories say so inside the machine-readable document too.
    assert.match(text(provider.files, '/.well-known/csaf/white/2026/cpsa-2026-001.json'), /"title": "Sample data"/);
    assert.ok(urls.includes('self https://cryptpeer.com/.well-known/csaf/white/2026/cpsa-2026-001.json'));
    assert.ok(urls.includes('external https://cryptpeer.com/releases/2.3.0/'));
    assert.ok(urls.includes('self https://cryptpeer.com/security/advisories/cpsa-2026-001/'));
    assert.ok(urls.includes('external https://cryptpeer.com/.well-known/csaf/white/2026/cpsa-2026-001-vex.json'));
    assert.deepEqual(doc.vulnerabilities[0]?.product_status, {
      fixed: ['CSAFPID-client-2.3.0', 'CSAFPID-client-2.4.0'],
      known_affected: ['CSAFPID-client-2.2.0'],
    });
    assert.equal(doc.vulnerabilities[0].remediations[0]?.url, 'https://cryptpeer.com/releases/2.3.0/');
  });

  test('writes index.txt, changes.csv (CSAF 2.0 requirement 13) with the VEX documents, and provider-metadata.json', async () => {
    const provider = await buildCsafProvider(loadComplianceData(), LINKS, options);
    assert.equal(
      text(provider.files, '/.well-known/csaf/white/index.txt'),
      '2026/cpsa-2026-002.json\n2026/cpsa-2026-002-vex.json\n2026/cpsa-2026-001.json\n2026/cpsa-2026-001-vex.json\n',
    );
    assert.equal(
      text(provider.files, '/.well-known/csaf/white/changes.csv'),
      [
        '"2026/cpsa-2026-002.json","2026-10-06T00:00:00.000Z"',
        '"2026/cpsa-2026-002-vex.json","2026-10-06T00:00:00.000Z"',
        '"2026/cpsa-2026-001.json","2026-06-16T00:00:00.000Z"',
        '"2026/cpsa-2026-001-vex.json","2026-06-16T00:00:00.000Z"',
        '',
      ].join('\n'),
    );
    const metadata = JSON.parse(text(provider.files, '/.well-known/csaf/provider-metadata.json')) as Record<
      string,
      unknown
    >;
    assert.equal(metadata['role'], 'csaf_provider');
    assert.equal(metadata['canonical_url'], 'https://cryptpeer.com/.well-known/csaf/provider-metadata.json');
    assert.deepEqual(metadata['distributions'], [
      {
        directory_url: 'https://cryptpeer.com/.well-known/csaf/white/',
        rolie: {
          feeds: [
            {
              summary: 'All TLP:WHITE CSAF documents of CryptPeer SAS (sample data).',
              tlp_label: 'WHITE',
              url: 'https://cryptpeer.com/.well-known/csaf/white/feed-tlp-white.json',
            },
          ],
        },
      },
    ]);
    assert.equal(metadata['last_updated'], '2026-10-06T00:00:00.000Z');
    assert.equal(metadata['public_openpgp_keys'], undefined);
    assert.deepEqual(
      provider.listings.map((l) => l.path),
      ['/.well-known/csaf/', '/.well-known/csaf/white/', '/.well-known/csaf/white/2026/'],
    );
  });

  test('fails on an advisory the validator rejects, with its message, the file and the field', async () => {
    const project = makeProject({ 'content/advisories/CPSA-2026-001.yaml': fixture('advisory-invalid-cwe.yaml') });
    try {
      const data = loadComplianceData(project.root);
      const error = await inputErrorOf(() => buildCsafProvider(data, LINKS, options));
      assert.equal(
        error.message,
        '[csaf] the CSAF validator rejected 1 finding(s):\ncontent/advisories/CPSA-2026-001.yaml: cwe.name: CSAF /vulnerabilities/0/cwe/name (CPSA-2026-001, CPSA-2026-001-VEX): mandatoryTest_6_1_11: the name does not match the weakness with the given id',
      );
    } finally {
      project.remove();
    }
  });

  test('maps validator paths back to advisory fields', () => {
    assert.equal(sourceField('/vulnerabilities/0/cwe/id'), 'cwe.id');
    assert.equal(sourceField('/vulnerabilities/0/scores/0/cvss_v3/baseScore'), 'cvss');
    assert.equal(sourceField('/document/tracking/revision_history/1/date'), 'revisions.1');
    assert.equal(sourceField('/product_tree/branches/0'), 'products');
    assert.equal(sourceField('/vulnerabilities/0/flags/0/label'), 'notAffected');
    assert.equal(sourceField('/vulnerabilities/0/threats/1/details'), 'notAffected');
    assert.equal(sourceField('/vulnerabilities/0/product_status/known_not_affected/2'), 'notAffected');
    assert.equal(sourceField('/vulnerabilities/0/product_status/fixed/0'), 'products');
    assert.equal(sourceField('/unknown'), '(document)');
  });

  test('becomes a trusted provider with detached OpenPGP signatures when a key is configured', async () => {
    const { privateKey: armored } = await openpgp.generateKey({
      userIDs: [{ name: 'CryptPeer test key (fixture)' }],
      curve: 'ed25519Legacy',
      date: new Date('2026-01-01T00:00:00Z'),
      format: 'armored',
    });
    const privateKey = await openpgp.readPrivateKey({ armoredKey: armored });
    const key: SigningKey = {
      privateKey,
      publicKeyArmored: privateKey.toPublic().armor(),
      fingerprint: privateKey.getFingerprint().toUpperCase(),
    };
    const provider = await buildCsafProvider(loadComplianceData(), LINKS, { ...options, signingKey: key });
    assert.equal(provider.role, 'csaf_trusted_provider');
    const metadata = JSON.parse(text(provider.files, '/.well-known/csaf/provider-metadata.json')) as {
      public_openpgp_keys: { fingerprint: string; url: string }[];
    };
    assert.deepEqual(metadata.public_openpgp_keys, [
      { fingerprint: key.fingerprint, url: `https://cryptpeer.com/.well-known/csaf/openpgp/${key.fingerprint}.asc` },
    ]);
    for (const path of [
      '/.well-known/csaf/white/2026/cpsa-2026-002.json',
      '/.well-known/csaf/white/2026/cpsa-2026-002-vex.json',
    ]) {
      const signature = await openpgp.readSignature({ armoredSignature: text(provider.files, `${path}.asc`) });
      const message = await openpgp.createMessage({
        binary: provider.files.find((f) => f.path === path)?.bytes ?? new Uint8Array(),
      });
      const result = await openpgp.verify({
        message,
        signature,
        verificationKeys: privateKey.toPublic(),
        date: BUILD_DATE,
      });
      assert.equal(await result.signatures[0]?.verified, true);
    }
    // Requirement 15: a signature that exists is listed in the feed entry.
    const feed = JSON.parse(text(provider.files, '/.well-known/csaf/white/feed-tlp-white.json')) as {
      feed: { entry: { id: string; link: { rel: string; href: string }[] }[] };
    };
    for (const entry of feed.feed.entry) {
      assert.equal(entry.link.filter((l) => l.rel === 'signature').length, 1, entry.id);
    }
    assert.ok(
      text(provider.files, `/.well-known/csaf/openpgp/${key.fingerprint}.asc`).startsWith(
        '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      ),
    );
  });
});
