/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildCompliance } from '../../../src/compliance/build.ts';
import { checkCompliance } from '../../../src/compliance/check.ts';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { BUILD_DATE, LINKS, ROOT, fixture, makeProject } from './helpers.ts';

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
      const lines = levels(findings);
      for (const expected of [
        'notice dist/.well-known/security.txt: valid until 2027-05-25T00:00:00Z',
        'warning content/declarations/cryptpeer-2.4.0.yaml: status: draft – the 2.4.0 documents are watermarked "not a declaration of conformity"',
        'warning content/declarations/cryptpeer-2.4.0.yaml: no issued declaration covers the current version 2.4.0 (its declaration is a draft: npm run declaration -- issue 2.4.0)',
        'warning content/site.yaml: sample: the organisation facts are sample values',
        'warning content/advisories/CPSA-2026-001.yaml: sample: this advisory is sample data',
      ])
        assert.ok(lines.includes(expected), `missing: ${expected}\n${lines.join('\n')}`);
      assert.ok(
        lines.some((l) => /^warning content\/claims\/compliance\.yaml: cra-product-category: awaiting/.test(l)),
      );
      assert.ok(lines.some((l) => /^warning content\/sbom\/2\.4\.0\/relay-server\.cdx\.json: BSI TR-03183-2/.test(l)));
      assert.ok(!lines.some((l) => l.startsWith('error ')), lines.join('\n'));
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

  test('reports the support period of each listed version', () => {
    const site = readFileSync(join(ROOT, 'content/site.yaml'), 'utf8').replace(
      '  endDate: 2031-12-31\n',
      '  endDate: 2031-12-31\n  versions:\n    - version: 2.2.0\n      endDate: 2027-03-31\n    - version: 2.3.0\n      endDate: 2026-06-30\n',
    );
    const project = makeProject({ 'content/site.yaml': site });
    try {
      const lines = levels(checkCompliance({ root: project.root, now: BUILD_DATE }));
      assert.ok(
        lines.some((l) => l.startsWith('warning content/site.yaml: support.versions: support for 2.2.0 ends in')),
        lines.join('\n'),
      );
      assert.ok(lines.includes('notice content/site.yaml: support.versions: support for 2.3.0 ended on 2026-06-30'));
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
      const finding = checkCompliance({ root: broken.root, now: BUILD_DATE }).find((f) => f.level === 'error');
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
    });
    const second = await buildCompliance(data, LINKS, {
      buildDate: BUILD_DATE,
      signingKey: null,
    });
    assert.deepEqual(
      [...first.files.values()].map((f) => [f.path, f.bytes.toString('base64')]),
      [...second.files.values()].map((f) => [f.path, f.bytes.toString('base64')]),
    );
    // Every generated file is published once: declarations, CSAF tree, SBOMs and security.txt.
    const parts = first.declarations.files.length + first.csaf.files.length + 1;
    assert.ok(first.files.size > parts, 'SBOM files are published too');
    assert.ok(first.files.has('/.well-known/security.txt'));
    assert.equal(first.securityTxt.expires.toISOString(), '2027-05-25T00:00:00.000Z');
  });
});
