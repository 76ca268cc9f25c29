/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as openpgp from 'openpgp';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { main } from '../../../src/compliance/declaration/cli.ts';
import { buildDeclarations } from '../../../src/compliance/declaration/files.ts';
import { readSiteLinks } from '../../../src/compliance/page-links.ts';
import { InputError } from '../../../src/schemas/parse.ts';
import { makeTestP12 } from '../../support/test-pkcs12.ts';
import { fixture, LINKS, makeProject, type Project } from './helpers.ts';

/**
 * A compliance officer's year, in a temp project: draft 2.4.0 → issue (signed with a throwaway
 * PKCS#12 certificate and OpenPGP key made here) → rebuild identical → a template change refused →
 * 2.5.0 drafted, issued, and superseding 2.4.0 → withdraw. Nothing here touches the real content/.
 */
const has = (tool: string, flag = '--version') => spawnSync(tool, [flag], { stdio: 'ignore' }).status === 0;
const COMPLETE = fixture('declaration-issued-complete.yaml').replace('status: issued', 'status: draft');
const RELEASE_250 = `---\nversion: 2.5.0\ndate: 2026-12-01\nsummary: "Test fixture release."\n---\n\nTest fixture.\n`;

let keys = '';
const env: NodeJS.ProcessEnv = {};

before(async () => {
  keys = mkdtempSync(join(tmpdir(), 'cryptpeer-keys-'));
  const p12 = makeTestP12(keys, {
    subject: '/CN=Test Signatory (fixture)',
    passphrase: 'fixture-pass',
    days: 2,
  });
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'Fixture signer', email: 'fixture@example.invalid' }],
    format: 'armored',
  });
  writeFileSync(join(keys, 'openpgp.key'), privateKey);
  writeFileSync(join(keys, 'openpgp.pub'), publicKey);
  Object.assign(env, {
    CRYPTPEER_PADES_P12_FILE: p12,
    CRYPTPEER_PADES_P12_PASSPHRASE: 'fixture-pass',
    CRYPTPEER_OPENPGP_KEY_FILE: join(keys, 'openpgp.key'),
  });
});

after(() => rmSync(keys, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
}
async function cli(project: Project, args: string[], withKeys = true): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, {
    root: project.root,
    env: withKeys ? env : {},
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

const issuedProject = (changes: Record<string, string | null> = {}) =>
  makeProject({
    'content/site.yaml': fixture('site-issued.yaml'),
    'content/declarations/cryptpeer-2.4.0.yaml': COMPLETE,
    ...changes,
  });

const build = (project: Project) =>
  buildDeclarations(loadComplianceData(project.root), readSiteLinks(project.root, 'https://cryptpeer.com'));

describe('declaration lifecycle', () => {
  let project: Project;
  before(() => {
    project = issuedProject({ 'content/releases/en/2.5.0.md': RELEASE_250 });
  });
  after(() => project.remove());

  test('issue archives signed documents and marks the YAML issued', async () => {
    const run = await cli(project, ['issue', '2.4.0', '--date', '2026-11-20']);
    assert.equal(run.code, 0, run.err);
    const dir = join(project.root, 'content/declarations/archive/2.4.0');
    const names = readdirSync(dir);
    assert.ok(names.includes('issued.json'));
    assert.ok(names.includes('SHA256SUMS.asc'));
    assert.equal(names.filter((n) => n.endsWith('.pdf')).length, 4);
    assert.equal(names.filter((n) => n.endsWith('.html')).length, 4, 'one HTML snapshot per document');
    const yaml = readFileSync(join(project.root, 'content/declarations/cryptpeer-2.4.0.yaml'), 'utf8');
    assert.match(yaml, /^status: issued$/m);
    assert.match(run.out, /Test Signatory \(fixture\)/);
  });

  test(
    'the archived PDF carries a signature pdfsig validates',
    { skip: !has('pdfsig', '-v') && 'pdfsig missing' },
    () => {
      const dir = join(project.root, 'content/declarations/archive/2.4.0');
      const pdf = readdirSync(dir).find((n) => n.endsWith('-eu-declaration-of-conformity-en.pdf'));
      assert.ok(pdf);
      const result = spawnSync('pdfsig', [join(dir, pdf)], { encoding: 'utf8' });
      assert.match(result.stdout, /Signature Validation: Signature is Valid\./);
      assert.match(result.stdout, /Total document signed/);
    },
  );

  test('every published file has an OpenPGP signature gpg verifies', { skip: !has('gpg') && 'gpg missing' }, () => {
    const home = mkdtempSync(join(tmpdir(), 'cryptpeer-gpg-'));
    try {
      // The reader's path: the public key published with the files, not the test's own copy.
      const dir = join(project.root, 'content/declarations/archive/2.4.0');
      assert.equal(
        readFileSync(join(dir, 'openpgp-key.asc'), 'utf8').trim(),
        readFileSync(join(keys, 'openpgp.pub'), 'utf8').trim(),
      );
      execFileSync('gpg', ['--homedir', home, '--batch', '--import', join(dir, 'openpgp-key.asc')], {
        stdio: 'ignore',
      });
      const signatures = readdirSync(dir).filter((n) => n.endsWith('.asc') && n !== 'openpgp-key.asc');
      assert.ok(signatures.length >= 10, signatures.join(' '));
      for (const asc of signatures) {
        const verify = spawnSync('gpg', [
          '--homedir',
          home,
          '--batch',
          '--verify',
          join(dir, asc),
          join(dir, asc.slice(0, -4)),
        ]);
        assert.equal(verify.status, 0, `${asc}: ${verify.stderr.toString()}`);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('a rebuild republishes the archived bytes', async () => {
    const set = await build(project);
    const dir = join(project.root, 'content/declarations/archive/2.4.0');
    for (const name of readdirSync(dir).filter(
      (n) => n.endsWith('.pdf') || n.endsWith('.json') || n.endsWith('SUMS'),
    )) {
      if (name === 'issued.json') continue;
      const published = set.files.find((f) => f.path === `/declarations/2.4.0/${name}`);
      assert.ok(published, name);
      assert.ok(published.bytes.equals(readFileSync(join(dir, name))), name);
    }
    assert.ok(!set.files.some((f) => f.path.endsWith('.html')), 'snapshots stay in the archive');
    assert.equal(set.documents[0]?.lifecycle.padesSigner, 'Test Signatory (fixture)');
  });

  test('a change that would alter an issued document is refused, naming the archived file', async () => {
    const site = join(project.root, 'content/site.yaml');
    const original = readFileSync(site, 'utf8');
    writeFileSync(site, original.replace('1 Test Street', '2 Test Street'));
    try {
      await assert.rejects(build(project), (error: Error) => {
        assert.ok(error instanceof InputError);
        assert.match(
          error.message,
          /archive\/2\.4\.0\/cryptpeer-2\.4\.0-eu-declaration-of-conformity-en\.pdf: the issued declaration 2\.4\.0 would change/,
        );
        assert.match(error.message, /npm run declaration -- new/);
        return true;
      });
    } finally {
      writeFileSync(site, original);
    }
  });

  test('an edited archive file is refused', () => {
    const file = join(project.root, 'content/declarations/archive/2.4.0/SHA512SUMS');
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
    try {
      assert.throws(
        () => loadComplianceData(project.root),
        /SHA512SUMS: sha256 [0-9a-f]+ .* does not match issued\.json/,
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  /** Rewrites an archived file and its manifest entry, as an author covering their tracks would. */
  const forge = async (name: string, change: (bytes: Buffer) => Buffer, check: () => Promise<unknown>) => {
    const dir = join(project.root, 'content/declarations/archive/2.4.0');
    const manifestFile = join(dir, 'issued.json');
    const [manifest, original] = [readFileSync(manifestFile), readFileSync(join(dir, name))];
    const changed = change(original);
    const entries = JSON.parse(manifest.toString('utf8')) as {
      files: Record<string, { sha256: string; size: number }>;
    };
    const entry = entries.files[name];
    assert.ok(entry, name);
    Object.assign(entry, { sha256: createHash('sha256').update(changed).digest('hex'), size: changed.length });
    writeFileSync(join(dir, name), changed);
    writeFileSync(manifestFile, JSON.stringify(entries));
    try {
      await check();
    } finally {
      writeFileSync(join(dir, name), original);
      writeFileSync(manifestFile, manifest);
    }
  };

  test('a manifest naming another PAdES signer is refused', async () => {
    const file = join(project.root, 'content/declarations/archive/2.4.0/issued.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replaceAll('"padesSigner": "Test Signatory (fixture)"', '"padesSigner": "Chief Executive"'),
    );
    try {
      await assert.rejects(
        build(project),
        /padesSigner: "Chief Executive", but .*\.pdf is signed by "Test Signatory \(fixture\)"/,
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  test('an OpenPGP signature that does not verify is refused, even with the manifest rehashed', async () => {
    const other = readFileSync(join(project.root, 'content/declarations/archive/2.4.0/SHA256SUMS.asc'));
    await forge(
      'SHA512SUMS.asc',
      () => other,
      () => assert.rejects(build(project), /SHA512SUMS\.asc: does not verify with openpgp-key\.asc/),
    );
  });

  test('a PDF whose signature value was replaced is refused, even with the manifest rehashed', async () => {
    const dir = join(project.root, 'content/declarations/archive/2.4.0');
    const pdf = readdirSync(dir).find((n) => n.endsWith('-eu-declaration-of-conformity-fr.pdf'));
    assert.ok(pdf);
    await forge(
      pdf,
      (bytes) => {
        // Flip one hex digit of the signature value, near the end of the DER (the RSA signature).
        const copy = Buffer.from(bytes);
        const at = copy.indexOf('00000000', copy.indexOf('/Contents <'), 'latin1') - 8;
        copy[at] = copy[at] === 0x61 ? 0x62 : 0x61;
        return copy;
      },
      () => assert.rejects(build(project), /\.pdf: \[pades\]/),
    );
  });

  test('status cannot be edited back to draft while the archive exists', () => {
    const file = join(project.root, 'content/declarations/cryptpeer-2.4.0.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('status: issued', 'status: draft'));
    try {
      assert.throws(() => loadComplianceData(project.root), /never returns to draft/);
    } finally {
      writeFileSync(file, original);
    }
  });

  test('new drafts the next version from the previous assessment', async () => {
    const run = await cli(project, ['new', '2.5.0', '--date', '2026-12-02']);
    assert.equal(run.code, 0, run.err);
    const yaml = readFileSync(join(project.root, 'content/declarations/cryptpeer-2.5.0.yaml'), 'utf8');
    assert.match(yaml, /^status: draft$/m);
    assert.match(yaml, /eu-type-examination/);
    assert.doesNotMatch(yaml, /identification:/, 'what identifies a version is written anew');
  });

  test('issuing an incomplete draft names each missing Annex V field and writes nothing', async () => {
    const run = await cli(project, ['issue', '2.5.0', '--date', '2026-12-02']);
    assert.equal(run.code, 1);
    assert.match(run.err, /product\.identification: required when status is issued \(Annex V item 1/);
    assert.match(run.err, /object: required when status is issued \(Annex V item 4/);
    assert.ok(!existsSync(join(project.root, 'content/declarations/archive/2.5.0')));
    assert.match(
      readFileSync(join(project.root, 'content/declarations/cryptpeer-2.5.0.yaml'), 'utf8'),
      /^status: draft$/m,
    );
  });

  test('issue 2.5.0 (unsigned) and supersede 2.4.0: both published with their status', async () => {
    const file = join(project.root, 'content/declarations/cryptpeer-2.5.0.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}product:\n  identification:\n    en: Version 2.5.0 (fixture)\n    fr: Version 2.5.0 (test)\nobject:\n  en: Fixture object 2.5.0\n  fr: Objet de test 2.5.0\n`,
    );
    const issue = await cli(project, ['issue', '2.5.0', '--date', '2026-12-02'], false);
    assert.equal(issue.code, 0, issue.err);
    assert.match(issue.out, /none \(CRYPTPEER_PADES_P12_FILE not set\)/);
    const supersede = await cli(project, ['supersede', '2.4.0', '--by', '2.5.0', '--date', '2026-12-02']);
    assert.equal(supersede.code, 0, supersede.err);
    const set = await build(project);
    const statuses = new Map(set.documents.map((d) => [d.version, d.status]));
    assert.equal(statuses.get('2.4.0'), 'superseded');
    assert.equal(statuses.get('2.5.0'), 'issued');
    const old = set.documents.find((d) => d.version === '2.4.0');
    assert.deepEqual(old?.lifecycle.supersededBy, { version: '2.5.0', date: '2026-12-02' });
    assert.equal(old.model.status, 'issued', 'the superseded documents are still the issued ones');
  });

  test('withdraw keeps the documents and records the reason', async () => {
    const run = await cli(project, [
      'withdraw',
      '2.4.0',
      '--date',
      '2026-12-03',
      '--reason-en',
      'Fixture reason.',
      '--reason-fr',
      'Raison de test.',
    ]);
    assert.equal(run.code, 0, run.err);
    const set = await build(project);
    const doc = set.documents.find((d) => d.version === '2.4.0' && d.locale === 'fr');
    assert.equal(doc?.status, 'withdrawn');
    assert.equal(doc.lifecycle.withdrawn?.reason, 'Raison de test.');
  });
});

describe('declaration CLI refusals', () => {
  test('bad usage exits 2 with the usage text', async () => {
    const project = issuedProject();
    try {
      for (const args of [[], ['frobnicate'], ['issue'], ['issue', '2.4.0', '--bogus'], ['supersede', '2.4.0']]) {
        const run = await cli(project, args);
        assert.equal(run.code, 2, args.join(' '));
        assert.match(run.err, /usage: npm run declaration/);
      }
    } finally {
      project.remove();
    }
  });

  test('sample organisation data cannot be issued', async () => {
    const project = makeProject({ 'content/declarations/cryptpeer-2.4.0.yaml': COMPLETE });
    try {
      const run = await cli(project, ['issue', '2.4.0', '--date', '2026-11-20'], false);
      assert.equal(run.code, 1);
      assert.match(run.err, /content\/site\.yaml says sample: true/);
    } finally {
      project.remove();
    }
  });

  test('a declaration dated before its release is refused', async () => {
    const project = issuedProject();
    try {
      const run = await cli(project, ['issue', '2.4.0', '--date', '2026-10-01'], false);
      assert.equal(run.code, 1);
      assert.match(run.err, /date: 2026-10-01 is before the release of 2\.4\.0 on 2026-10-06/);
    } finally {
      project.remove();
    }
  });

  test('issuing for a version an advisory lists as affected is refused', async () => {
    const project = issuedProject({
      'content/declarations/cryptpeer-2.4.0.yaml': null,
      'content/declarations/cryptpeer-2.2.0.yaml': COMPLETE.replaceAll('2.4.0', '2.2.0'),
    });
    try {
      const run = await cli(project, ['issue', '2.2.0', '--date', '2026-11-20'], false);
      assert.equal(run.code, 1);
      assert.match(run.err, /lists 2\.2\.0 as affected \(CPSA-2026-001/);
    } finally {
      project.remove();
    }
  });

  test('internal control with a notified body is refused', () => {
    const project = issuedProject({
      'content/declarations/cryptpeer-2.4.0.yaml': COMPLETE.replace(
        'procedure: eu-type-examination',
        'procedure: internal-control',
      ),
    });
    try {
      assert.throws(() => loadComplianceData(project.root), /conformityAssessment\.notifiedBody: must be none/);
    } finally {
      project.remove();
    }
  });

  test('issued by editing the YAML, without an archive, is refused', () => {
    const project = issuedProject({
      'content/declarations/cryptpeer-2.4.0.yaml': fixture('declaration-issued-complete.yaml'),
    });
    try {
      assert.throws(
        () => loadComplianceData(project.root),
        /npm run declaration -- issue 2\.4\.0, never by editing status/,
      );
    } finally {
      project.remove();
    }
  });

  test('the unit links match the site links used by the documents', () => {
    const project = makeProject();
    try {
      const links = readSiteLinks(project.root, 'https://cryptpeer.com');
      for (const locale of ['en', 'fr'] as const)
        for (const key of ['compliance/declaration-of-conformity', 'releases', 'security/advisories'])
          assert.equal(links.page(locale, key), LINKS.page(locale, key));
    } finally {
      project.remove();
    }
  });
});
