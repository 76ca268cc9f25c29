/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import {
  buildSboms,
  matchAdvisoriesToSboms,
  reportBsiFields,
  sbomFindings,
  validateSbom,
  type SbomSource,
} from '../../../src/compliance/sbom/index.ts';
import { BUILD_DATE, ROOT, fixture, inputErrorOf, makeProject } from './helpers.ts';

const CLIENT = 'content/sbom/2.4.0/client.cdx.json';
const RELAY = 'content/sbom/2.4.0/relay-server.cdx.json';
const content = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The message loading a project with `changes` fails with. */
async function loadError(changes: Record<string, string | null>): Promise<string> {
  const project = makeProject(changes);
  try {
    return (await inputErrorOf(() => loadComplianceData(project.root))).message;
  } finally {
    project.remove();
  }
}

describe('SBOM', () => {
  test('loads one SBOM per deliverable of a version (CycloneDX 1.6 and 1.5) and publishes each byte for byte', async () => {
    const data = loadComplianceData();
    assert.deepEqual(
      data.sboms.map((s) => [s.file, s.version, s.component, s.specVersion]),
      [
        [CLIENT, '2.4.0', 'client', '1.6'],
        [RELAY, '2.4.0', 'relay-server', '1.5'],
      ],
    );
    const { sboms, files, website } = await buildSboms(data, { root: ROOT, buildDate: BUILD_DATE });
    assert.equal(website.json.path, '/sbom/website.cdx.json');
    assert.ok(files.some((f) => f.path === '/sbom/website.cdx.json.sha512'));
    assert.deepEqual(
      sboms.map((s) => [s.json.path, s.purl, s.specVersion, s.sample, s.componentCount]),
      [
        ['/sbom/2.4.0/client.cdx.json', 'pkg:generic/cryptpeer/client@2.4.0', '1.6', true, 4],
        ['/sbom/2.4.0/relay-server.cdx.json', 'pkg:generic/cryptpeer/relay-server@2.4.0', '1.5', true, 3],
      ],
    );
    for (const source of data.sboms) {
      const path = `/sbom/${source.version}/${source.component}.cdx.json`;
      assert.deepEqual(files.find((f) => f.path === path)?.bytes, source.bytes);
      assert.ok(files.some((f) => f.path === `${path}.sha256`));
      assert.ok(files.some((f) => f.path === `${path}.sha512`));
    }
  });

  test('accepts a CycloneDX 1.4 SBOM, checked against the 1.4 schema', async () => {
    const project = makeProject({ [RELAY]: fixture('sbom-1.4.cdx.json') });
    try {
      const data = loadComplianceData(project.root);
      const source = data.sboms.find((s) => s.component === 'relay-server');
      assert.equal(source?.specVersion, '1.4');
      const result = await validateSbom(source, data);
      assert.equal(result.specVersion, '1.4');
      assert.equal(result.componentCount, 1);
    } finally {
      project.remove();
    }
  });

  test('refuses an unknown property under the strict schema, naming the file and its JSON path', async () => {
    const data = loadComplianceData();
    const source: SbomSource = {
      file: CLIENT,
      version: '2.4.0',
      component: 'client',
      specVersion: '1.6',
      bytes: Buffer.from(fixture('sbom-invalid.cdx.json')),
    };
    const error = await inputErrorOf(() => validateSbom(source, data));
    assert.deepEqual(error.message.split('\n'), [
      `${CLIENT}: (root): fails the strict CycloneDX 1.6 JSON schema`,
      `${CLIENT}: components.1.colour: unknown property`,
    ]);
  });

  test('refuses an SBOM whose metadata.component is not the deliverable of its path', async () => {
    const wrong = content(CLIENT).replaceAll(
      'pkg:generic/cryptpeer/client@2.4.0',
      'pkg:generic/cryptpeer/client@2.3.0',
    );
    assert.equal(
      await loadError({ [CLIENT]: wrong }),
      `${CLIENT}: metadata.component.purl: expected pkg:generic/cryptpeer/client@2.4.0 (the purl of the deliverable in content/site.yaml, @ the version folder), got "pkg:generic/cryptpeer/client@2.3.0"`,
    );
    const version = content(RELAY).replace('"version": "2.4.0"', '"version": "2.4.1"');
    assert.equal(
      await loadError({ [RELAY]: version }),
      `${RELAY}: metadata.component.version: expected 2.4.0 (from the folder name), got "2.4.1"`,
    );
  });

  test('refuses a CycloneDX version outside 1.4–1.6', async () => {
    assert.equal(
      await loadError({ [CLIENT]: content(CLIENT).replace('"specVersion": "1.6"', '"specVersion": "1.3"') }),
      `${CLIENT}: specVersion: expected one of 1.4, 1.5, 1.6, got "1.3"`,
    );
  });

  test('refuses anything under content/sbom/ outside <version>/<component-id>.cdx.json', async () => {
    const message = await loadError({
      'content/sbom/cryptpeer-2.4.0.cdx.json': content(CLIENT),
      'content/sbom/latest/client.cdx.json': content(CLIENT),
      'content/sbom/2.4.0/desktop-client.cdx.json': content(CLIENT),
      'content/sbom/2.4.0/client.spdx.json': '{}',
      'content/sbom/2.4.0/notes.txt': 'x',
    });
    assert.deepEqual(message.split('\n'), [
      'content/sbom/2.4.0/client.spdx.json: format: SPDX is not accepted, only CycloneDX JSON 1.4 to 1.6 (e.g. `syft -o cyclonedx-json` or cdxgen)',
      'content/sbom/2.4.0/desktop-client.cdx.json: file name: unknown component desktop-client (content/site.yaml product.components: client, relay-server)',
      'content/sbom/2.4.0/notes.txt: unexpected file: expected <component-id>.cdx.json (content/sbom/<version>/<component-id>.cdx.json)',
      'content/sbom/cryptpeer-2.4.0.cdx.json: file name: SBOMs now live one per deliverable at content/sbom/<version>/<component-id>.cdx.json (client, relay-server): move it to content/sbom/2.4.0/<component-id>.cdx.json',
      'content/sbom/latest/: folder name: expected a release version such as 2.4.0 (content/sbom/<version>/<component-id>.cdx.json)',
    ]);
  });

  test('refuses a symbolic link, which would publish whatever file it points to', async () => {
    const project = makeProject({ [RELAY]: null });
    try {
      symlinkSync('/etc/hostname', join(project.root, RELAY));
      const error = await inputErrorOf(() => loadComplianceData(project.root));
      assert.equal(
        error.message,
        `${RELAY}: unexpected symbolic link: expected <component-id>.cdx.json (content/sbom/<version>/<component-id>.cdx.json)`,
      );
    } finally {
      project.remove();
    }
  });

  test('refuses an SBOM for a version without release notes', async () => {
    const text = content(CLIENT).replaceAll('2.4.0', '2.5.0');
    assert.equal(
      await loadError({ 'content/sbom/2.5.0/client.cdx.json': text }),
      'content/sbom/2.5.0/client.cdx.json: version: unknown product version 2.5.0 (release notes exist for 2.2.0, 2.3.0, 2.4.0)',
    );
  });

  test('refuses an SBOM that does not say it is sample data while the manufacturer is sample data', async () => {
    const unmarked = content(RELAY).replace('"cryptpeer:sample-data"', '"cryptpeer:note"');
    assert.match(
      await loadError({ [RELAY]: unmarked }),
      /^content\/sbom\/2\.4\.0\/relay-server\.cdx\.json: metadata\.properties: must contain \{ "name": "cryptpeer:sample-data", "value": "true" \}/,
    );
  });
});

describe('BSI TR-03183-2 field report', () => {
  const bom = {
    serialNumber: 'urn:uuid:00000000-0000-5000-8000-000000000000',
    metadata: {
      timestamp: '2026-10-06T00:00:00Z',
      component: { 'bom-ref': 'app', name: 'app', version: '1.0.0', purl: 'pkg:generic/x/app@1.0.0' },
    },
    components: [
      {
        'bom-ref': 'a',
        name: 'a',
        version: '1.0.0',
        licenses: [{ license: { id: 'MIT' } }],
        hashes: [{ alg: 'SHA-512', content: 'ab'.repeat(64) }],
        components: [{ 'bom-ref': 'a1', name: 'a1', hashes: [{ alg: 'SHA-256', content: 'cd'.repeat(32) }] }],
      },
    ],
    dependencies: [{ ref: 'app', dependsOn: ['a'] }, { ref: 'a' }],
  };

  test('reports, per field, how many components carry it and which components miss a hash or a licence', () => {
    const report = reportBsiFields(bom);
    assert.deepEqual(report.sbom, [
      { field: 'creator', present: false },
      { field: 'timestamp', present: true },
      { field: 'sbomUri', present: true },
    ]);
    assert.equal(report.componentCount, 3);
    const count = (field: string) => report.components.find((c) => c.field === field)?.present;
    assert.equal(count('hash'), 1);
    assert.equal(count('licences'), 1);
    assert.equal(count('dependencies'), 2);
    assert.equal(count('identifiers'), 1);
    const missing = (path: string) => report.incomplete.find((c) => c.path === path)?.missing ?? [];
    assert.ok(missing('metadata.component').includes('hash'));
    assert.ok(missing('metadata.component').includes('licences'));
    assert.ok(!missing('components.0').includes('hash'));
    // A SHA-256 is not the SHA-512 the guideline asks for.
    assert.ok(missing('components.0.components.0').includes('hash'));
    assert.ok(missing('components.0.components.0').includes('version'));
  });

  test('counts a SHA-512 on the distribution reference as the hash of the deployable form', () => {
    const report = reportBsiFields({
      components: [
        {
          name: 'b',
          externalReferences: [
            {
              type: 'distribution',
              url: 'https://x.example/b.tgz',
              hashes: [{ alg: 'SHA-512', content: 'ef'.repeat(64) }],
            },
          ],
        },
      ],
    });
    assert.equal(report.components.find((c) => c.field === 'hash')?.present, 1);
    assert.equal(report.components.find((c) => c.field === 'deployableUri')?.present, 1);
  });

  test('compliance:check warns per SBOM with the missing fields and counts', () => {
    const findings = sbomFindings(loadComplianceData());
    const client = findings.find((f) => f.file === CLIENT);
    assert.equal(client?.level, 'warning');
    assert.match(client.message, /^BSI TR-03183-2 v2\.1\.0 fields missing: .*licences in 2 of 5 components/);
    assert.match(client.message, /SHA-512 hash in 2 of 5 components/);
    assert.match(findings.find((f) => f.file === RELAY)?.message ?? '', /SBOM creator \(e-mail or URL\)/);
  });
});

describe('advisories and SBOMs', () => {
  test('matches each advisory product version to the SBOM whose metadata.component.purl names it', () => {
    const matches = matchAdvisoriesToSboms(loadComplianceData());
    const summary = matches.map((m) => `${m.advisory} ${m.component}@${m.version} ${m.sbom?.path ?? 'none'}`);
    assert.deepEqual(summary, [
      'CPSA-2026-001 client@2.2.0 none',
      'CPSA-2026-001 client@2.3.0 none',
      'CPSA-2026-001 client@2.4.0 /sbom/2.4.0/client.cdx.json',
      'CPSA-2026-002 relay-server@2.2.0 none',
      'CPSA-2026-002 relay-server@2.3.0 none',
      'CPSA-2026-002 relay-server@2.4.0 /sbom/2.4.0/relay-server.cdx.json',
    ]);
    assert.equal(matches[2]?.purl, 'pkg:generic/cryptpeer/client@2.4.0');
  });

  test('compliance:check notes each advisory product without an SBOM', () => {
    const notices = sbomFindings(loadComplianceData()).filter((f) => f.level === 'notice');
    assert.equal(notices.length, 4);
    assert.deepEqual(notices[0], {
      level: 'notice',
      file: 'content/advisories/CPSA-2026-001.yaml',
      message:
        'products.0.affected.0: no SBOM for pkg:generic/cryptpeer/client@2.2.0 (affected), so the advisory cannot point to one',
    });
  });
});
