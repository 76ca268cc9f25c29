/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { parseWith } from '../../../src/schemas/parse.ts';
import { declarationSchema } from '../../../src/schemas/declaration.ts';
import { fixture, inputErrorOf, makeProject } from './helpers.ts';

/** Loads a project copy with `changes`, returning the InputError it must raise. */
async function refusal(changes: Record<string, string | null>) {
  const project = makeProject(changes);
  try {
    return await inputErrorOf(() => loadComplianceData(project.root));
  } finally {
    project.remove();
  }
}

describe('compliance inputs', () => {
  test('loads the project data: one draft declaration, two advisories, one SBOM per deliverable', () => {
    const data = loadComplianceData();
    assert.deepEqual(
      data.declarations.map((d) => [d.file, d.data.status]),
      [['content/declarations/cryptpeer-2.4.0.yaml', 'draft']],
    );
    assert.deepEqual(
      data.advisories.map((a) => a.data.id),
      ['CPSA-2026-001', 'CPSA-2026-002'],
    );
    assert.deepEqual(
      data.sboms.map((s) => s.file),
      ['content/sbom/2.4.0/client.cdx.json', 'content/sbom/2.4.0/relay-server.cdx.json'],
    );
  });

  test('refuses an issued declaration missing Annex V fields, naming the file and each field', async () => {
    const error = await refusal({
      'content/declarations/cryptpeer-2.4.0.yaml': fixture('declaration-issued-missing-fields.yaml'),
    });
    const file = 'content/declarations/cryptpeer-2.4.0.yaml';
    assert.deepEqual(error.message.split('\n').sort(), [
      `${file}: additionalInformation: required when status is issued (Annex V item 8, additional information)`,
      `${file}: conformityAssessment.notifiedBody: required when status is issued (Annex V item 7, notified body or \`none\`)`,
      `${file}: conformityAssessment.procedure: required when status is issued (Annex V item 7, procedure)`,
      `${file}: object: required when status is issued (Annex V item 4, object of the declaration)`,
      `${file}: product.identification: required when status is issued (Annex V item 1, unique identification)`,
      `${file}: signature.function: required when status is issued (Annex V item 8, function of the signatory)`,
      `${file}: signature.name: required when status is issued (Annex V item 8, name of the signatory)`,
      `${file}: signature.place: required when status is issued (Annex V item 8, place of issue)`,
      `${file}: standards: required when status is issued (Annex V item 6, standards or specifications used)`,
    ]);
  });

  test('refuses an issued declaration marked as sample data', () => {
    const issued = {
      ...parseWith(declarationSchema, { status: 'draft', version: '2.4.0', date: '2026-11-20' }, 'x.yaml'),
    };
    const result = declarationSchema.safeParse({ ...issued, status: 'issued', sample: true });
    assert.ok(!result.success);
    assert.ok(
      result.error.issues.some(
        (i) => i.path.join('.') === 'sample' && i.message === 'an issued declaration cannot be sample data',
      ),
    );
  });

  test('accepts a draft with the same gaps', () => {
    const draft = { status: 'draft', version: '2.4.0', date: '2026-11-20' };
    assert.equal(parseWith(declarationSchema, draft, 'x.yaml').status, 'draft');
  });

  test('refuses an issued declaration while the organisation facts are still sample data', async () => {
    const project = makeProject({
      'content/declarations/cryptpeer-2.4.0.yaml': fixture('declaration-issued-complete.yaml'),
    });
    try {
      // As the issue step loads it, before its archive exists.
      const error = await inputErrorOf(() => loadComplianceData(project.root, { issuing: '2.4.0' }));
      assert.match(
        error.message,
        /^content\/declarations\/cryptpeer-2\.4\.0\.yaml: status: an issued declaration needs the manufacturer's confirmed facts, but content\/site\.yaml says sample: true/m,
      );
    } finally {
      project.remove();
    }
  });

  test('refuses status issued written by hand, without an archive', async () => {
    const error = await refusal({
      'content/declarations/cryptpeer-2.4.0.yaml': fixture('declaration-issued-complete.yaml'),
    });
    assert.match(error.message, /status: issued but content\/declarations\/archive\/2\.4\.0\/ does not exist/);
  });

  test('refuses an advisory naming a product version without release notes', async () => {
    const error = await refusal({ 'content/advisories/CPSA-2026-001.yaml': fixture('advisory-unknown-version.yaml') });
    assert.equal(
      error.message,
      'content/advisories/CPSA-2026-001.yaml: products.0.affected.0: unknown product version 2.1.0 (release notes exist for 2.2.0, 2.3.0, 2.4.0)',
    );
  });

  test('refuses a release note listing an advisory that does not exist', async () => {
    const error = await refusal({ 'content/advisories/CPSA-2026-002.yaml': null });
    assert.equal(
      error.message,
      'content/releases/en/2.4.0.md: fixes.0: no advisory CPSA-2026-002 (expected content/advisories/CPSA-2026-002.yaml)',
    );
  });

  test('refuses an advisory whose first fixing release does not list it', async () => {
    const text = fixture('advisory-unknown-version.yaml')
      .replace('affected: [2.1.0, 2.2.0]', 'affected: [2.2.0]')
      .replace('id: CPSA-2026-001', 'id: CPSA-2026-003')
      .replace('fixed: [2.3.0]', 'fixed: [2.4.0]');
    const error = await refusal({ 'content/advisories/CPSA-2026-003.yaml': text });
    assert.equal(
      error.message,
      'content/releases/en/2.4.0.md: fixes: does not list CPSA-2026-003, which content/advisories/CPSA-2026-003.yaml says 2.4.0 fixes',
    );
  });

  test('refuses an advisory for a component the site does not define', async () => {
    const text = fixture('advisory-unknown-version.yaml')
      .replace('affected: [2.1.0, 2.2.0]', 'affected: [2.2.0]')
      .replace('component: client', 'component: web-client');
    const error = await refusal({ 'content/advisories/CPSA-2026-001.yaml': text });
    assert.match(
      error.message,
      /^content\/advisories\/CPSA-2026-001\.yaml: products\.0\.component: unknown component web-client/,
    );
  });

  test('refuses an advisory whose id differs from its file name', async () => {
    const text = fixture('advisory-unknown-version.yaml').replace('affected: [2.1.0, 2.2.0]', 'affected: [2.2.0]');
    const error = await refusal({
      'content/advisories/CPSA-2026-001.yaml': null,
      'content/advisories/CPSA-2026-009.yaml': text,
    });
    assert.match(
      error.message,
      /^content\/advisories\/CPSA-2026-009\.yaml: id: CPSA-2026-001 does not match the file name$/m,
    );
  });

  test('refuses a CVSS vector that is not v3.1, naming the field', async () => {
    const text = fixture('advisory-unknown-version.yaml').replace('CVSS:3.1/AV:L', 'CVSS:3.0/AV:L');
    const error = await refusal({ 'content/advisories/CPSA-2026-001.yaml': text });
    assert.match(error.message, /^content\/advisories\/CPSA-2026-001\.yaml: cvss: expected a CVSS v3\.1 base vector/);
  });

  test('refuses a declaration for an unknown version, and one whose file name disagrees', async () => {
    const text = fixture('declaration-issued-missing-fields.yaml').replace('status: issued', 'status: draft');
    const error = await refusal({
      'content/declarations/cryptpeer-2.4.0.yaml': text.replace('version: 2.4.0', 'version: 9.0.0'),
    });
    const lines = error.message.split('\n');
    assert.ok(
      lines.includes(
        'content/declarations/cryptpeer-2.4.0.yaml: version: unknown product version 9.0.0 (release notes exist for 2.2.0, 2.3.0, 2.4.0)',
      ),
    );
    assert.ok(
      lines.some((l) =>
        l.startsWith('content/declarations/cryptpeer-2.4.0.yaml: version: 9.0.0 does not match the file name'),
      ),
    );
  });

  test('refuses product information whose French list drops an item', async () => {
    const info = fixture('../../../content/product-information.yaml').replace(
      /\n {4}- Supprimez les applications clientes[^\n]*/,
      '',
    );
    const error = await refusal({ 'content/product-information.yaml': info });
    assert.equal(
      error.message,
      'content/product-information.yaml: decommissioning.fr: has 2 items but en has 3: translate every item',
    );
  });

  test('refuses a security.txt contact list without the site security contact', async () => {
    const security = fixture('../../../content/security.yaml').replace(
      'mailto:security@cryptpeer.com',
      'mailto:other@cryptpeer.com',
    );
    const error = await refusal({ 'content/security.yaml': security });
    assert.match(
      error.message,
      /^content\/security\.yaml: securityTxt\.contacts: must include the security contact of content\/site\.yaml/,
    );
  });
});
