/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildCompliance } from '../../../src/compliance/build.ts';
import { checkCompliance } from '../../../src/compliance/check.ts';
import { loadComplianceData } from '../../../src/compliance/data.ts';
import { BUILD_DATE, LINKS, fixture, makeProject } from './helpers.ts';

/** A project whose dist/ holds a security.txt expiring on `expires`. */
function withBuiltSecurityTxt(expires: string) {
  const project = makeProject();
  mkdirSync(join(project.root, 'dist/.well-known'), { recursive: true });
  writeFileSync(
    join(project.root, 'dist/.well-known/security.txt'),
    `Contact: mailto:security@cryptpeer.com\nExpires: ${expires}\n`,
  );
  return project;
}

const levels = (findings: { level: string; file: string; message: string }[]) =>
  findings.map((f) => `${f.level} ${f.file}: ${f.message}`);

describe('compliance:check', () => {
  test('reports drafts as warnings and a valid security.txt as a notice', () => {
    const project = withBuiltSecurityTxt('2027-05-25T00:00:00Z');
    try {
      const findings = checkCompliance({ root: project.root, now: BUILD_DATE, dist: join(project.root, 'dist') });
      assert.deepEqual(levels(findings), [
        'notice dist/.well-known/security.txt: valid until 2027-05-25T00:00:00Z',
        'warning content/declarations/cryptpeer-2.4.0.yaml: status: draft – the 2.4.0 documents are watermarked "not a declaration of conformity"',
      ]);
    } finally {
      project.remove();
    }
  });

  test('warns 30 days before security.txt expires, and errs once it has', () => {
    const project = withBuiltSecurityTxt('2026-12-10T00:00:00Z');
    try {
      const dist = join(project.root, 'dist');
      const soon = checkCompliance({ root: project.root, now: BUILD_DATE, dist });
      assert.ok(
        levels(soon).includes(
          'warning dist/.well-known/security.txt: expires in 14 day(s), on 2026-12-10T00:00:00Z: rebuild and deploy before then',
        ),
      );
      const late = checkCompliance({ root: project.root, now: new Date('2026-12-11T00:00:00Z'), dist });
      assert.ok(
        levels(late).includes(
          'error dist/.well-known/security.txt: expired on 2026-12-10T00:00:00Z: rebuild and deploy the site',
        ),
      );
    } finally {
      project.remove();
    }
  });

  test('warns within a year of the end of the support period, and errs after it', () => {
    const project = makeProject();
    try {
      const near = checkCompliance({ root: project.root, now: new Date('2031-06-01T00:00:00Z') });
      assert.ok(
        levels(near).some((l) =>
          l.startsWith('warning content/site.yaml: support.endDate: the support period ends in 214 day(s)'),
        ),
      );
      const after = checkCompliance({ root: project.root, now: new Date('2032-01-01T00:00:00Z') });
      assert.ok(
        levels(after).includes('error content/site.yaml: support.endDate: the support period ended on 2031-12-31'),
      );
    } finally {
      project.remove();
    }
  });

  test('reports invalid data and a configuration that would make the build fail', () => {
    const project = makeProject({ 'content/security.yaml': fixture('security-expired.yaml') });
    try {
      const findings = checkCompliance({ root: project.root, now: BUILD_DATE });
      assert.ok(
        levels(findings).some((l) =>
          l.startsWith(
            'error content/security.yaml: a build now would fail: content/security.yaml: securityTxt.expiresOn',
          ),
        ),
      );
    } finally {
      project.remove();
    }
    const broken = makeProject({ 'content/advisories/CPSA-2026-001.yaml': fixture('advisory-unknown-version.yaml') });
    try {
      const [finding] = checkCompliance({ root: broken.root, now: BUILD_DATE });
      assert.equal(finding?.level, 'error');
      assert.match(finding.message, /products\.0\.affected\.0: unknown product version 2\.1\.0/);
    } finally {
      broken.remove();
    }
  });
});

describe('compliance build', () => {
  test('two builds with the same build date publish byte-identical files', async () => {
    const data = loadComplianceData();
    const first = await buildCompliance(data, LINKS, {
      buildDate: BUILD_DATE,
      signingKey: null,
      generatorVersion: '0.1.0',
    });
    const second = await buildCompliance(data, LINKS, {
      buildDate: BUILD_DATE,
      signingKey: null,
      generatorVersion: '0.1.0',
    });
    assert.deepEqual(
      [...first.files.values()].map((f) => [f.path, f.bytes.toString('base64')]),
      [...second.files.values()].map((f) => [f.path, f.bytes.toString('base64')]),
    );
    assert.equal(first.files.size, 41);
    assert.equal(first.securityTxt.expires.toISOString(), '2027-05-25T00:00:00.000Z');
  });
});
