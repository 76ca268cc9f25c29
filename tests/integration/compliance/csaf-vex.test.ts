import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readCsafLock } from '../../../src/compliance/csaf/lock.ts';
import { buildCsafProvider } from '../../../src/compliance/csaf/provider.ts';
import { createCsafDocuments } from '../../../src/compliance/csaf/publish.ts';
import { validateCsaf } from '../../../src/compliance/csaf/validate.ts';
import { loadComplianceData } from '../../../src/compliance/inputs/index.ts';
import { BUILD_DATE, LINKS, ROOT, inputErrorOf, makeProject } from './helpers.ts';

const ADVISORY = 'content/advisories/CPSA-2026-001.yaml';
const original = readFileSync(join(ROOT, ADVISORY), 'utf8');

interface Branch {
  category: string;
  name: string;
  branches?: Branch[];
  product?: { product_id: string; product_identification_helper: { purl: string } };
}
interface Doc {
  document: { category: string; tracking: { id: string } };
  product_tree: { branches: Branch[] };
  vulnerabilities: {
    product_status: Record<string, string[]>;
    flags?: { label: string; product_ids: string[] }[];
    threats?: { category: string; details: string; product_ids: string[] }[];
    remediations: { category: string; product_ids: string[] }[];
  }[];
}

const parse = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Doc;
const leaves = (branches: Branch[]): Branch[] => branches.flatMap((b) => (b.product ? [b] : leaves(b.branches ?? [])));

/** Loads a temp copy of the project with `yaml` as CPSA-2026-001 and returns the InputError it raises. */
async function refusal(yaml: string) {
  const project = makeProject({ [ADVISORY]: yaml });
  try {
    return await inputErrorOf(() => loadComplianceData(project.root));
  } finally {
    project.remove();
  }
}

describe('CSAF VEX documents', () => {
  test('validate: strict schema, mandatory tests including the csaf_vex profile tests, and the optional tests', async () => {
    const { advisories, warnings } = await createCsafDocuments(loadComplianceData(), LINKS, { optionalTests: true });
    assert.deepEqual(warnings, []);
    for (const { vex } of advisories) {
      const doc = parse(vex.bytes);
      assert.equal(doc.document.category, 'csaf_vex');
      const result = await validateCsaf(doc, true);
      assert.deepEqual([result.errors, result.warnings], [[], []]);
      // Profile 4 (VEX) is checked by 6.1.27.x: prove they ran, not merely that nothing failed.
      for (const name of [
        'csaf_2_0_strict',
        'mandatoryTest_6_1_27_7',
        'mandatoryTest_6_1_27_8',
        'mandatoryTest_6_1_27_9',
      ])
        assert.ok(result.tests.includes(name), name);
      assert.ok(result.tests.includes('mandatoryTest_6_1_27_10'));
      assert.ok(result.tests.includes('optionalTest_6_2_1'));
    }
  });

  test('give every component version a status, justify each known_not_affected and fix each known_affected', async () => {
    const { advisories } = await createCsafDocuments(loadComplianceData(), LINKS);
    const first = advisories.find((a) => a.advisory.data.id === 'CPSA-2026-001') ?? assert.fail();
    const doc = parse(first.vex.bytes);
    assert.equal(doc.document.tracking.id, 'CPSA-2026-001-VEX');
    const [vulnerability] = doc.vulnerabilities;
    const notAffected = ['CSAFPID-relay-server-2.2.0', 'CSAFPID-relay-server-2.3.0', 'CSAFPID-relay-server-2.4.0'];
    assert.deepEqual(vulnerability?.product_status, {
      fixed: ['CSAFPID-client-2.3.0', 'CSAFPID-client-2.4.0'],
      known_affected: ['CSAFPID-client-2.2.0'],
      known_not_affected: notAffected,
    });
    assert.deepEqual(vulnerability.flags, [{ label: 'vulnerable_code_not_present', product_ids: notAffected }]);
    assert.equal(vulnerability.threats?.[0]?.category, 'impact');
    assert.deepEqual(vulnerability.threats[0].product_ids, notAffected);
    assert.deepEqual(
      vulnerability.remediations.map((r) => [r.category, r.product_ids]),
      [['vendor_fix', ['CSAFPID-client-2.2.0']]],
    );
    // Every product in the tree has a status: nothing defined and left unsaid.
    const statuses = Object.values(vulnerability.product_status).flat().sort();
    assert.deepEqual(
      leaves(doc.product_tree.branches)
        .map((b) => b.product?.product_id)
        .sort(),
      statuses,
    );
  });

  test('stay valid without notAffected (no flags, no threats, no known_not_affected)', async () => {
    const project = makeProject({ [ADVISORY]: original.slice(0, original.indexOf('notAffected:')) });
    try {
      const { advisories } = await createCsafDocuments(loadComplianceData(project.root), LINKS, {
        optionalTests: true,
      });
      const doc = parse(advisories[0]?.vex.bytes ?? assert.fail());
      assert.equal(doc.vulnerabilities[0]?.flags, undefined);
      assert.equal(doc.vulnerabilities[0]?.product_status['known_not_affected'], undefined);
      assert.deepEqual((await validateCsaf(doc, true)).warnings, []);
    } finally {
      project.remove();
    }
  });

  test('refuses an unknown justification, an unknown version and a version given two statuses', async () => {
    const justification = await refusal(
      original.replace('justification: vulnerable_code_not_present', 'justification: not_our_code'),
    );
    assert.match(
      justification.message,
      /^content\/advisories\/CPSA-2026-001\.yaml: notAffected\.0\.justification: .*vulnerable_code_not_present/,
    );
    const version = await refusal(original.replace('versions: [2.2.0, 2.3.0, 2.4.0]', 'versions: [2.1.0, 2.2.0]'));
    assert.match(
      version.message,
      /^content\/advisories\/CPSA-2026-001\.yaml: notAffected\.0\.versions\.0: unknown product version 2\.1\.0 /,
    );
    const twice = await refusal(original.replace('component: relay-server', 'component: client'));
    assert.equal(
      twice.message,
      'content/advisories/CPSA-2026-001.yaml: notAffected.0.versions.0: client 2.2.0 is already listed in products.0.affected\n' +
        'content/advisories/CPSA-2026-001.yaml: notAffected.0.versions.1: client 2.3.0 is already listed in products.0.fixed\n' +
        'content/advisories/CPSA-2026-001.yaml: notAffected.0.versions.2: client 2.4.0 is already listed in products.0.fixed',
    );
    const component = await refusal(original.replace('component: relay-server', 'component: web-client'));
    assert.match(
      component.message,
      /^content\/advisories\/CPSA-2026-001\.yaml: notAffected\.0\.component: unknown component web-client /,
    );
  });

  test('name each product by the component purl of content/site.yaml plus @version, in both documents', async () => {
    const data = loadComplianceData();
    const { advisories } = await createCsafDocuments(data, LINKS);
    const purls = new Map(data.site.product.components.map((c) => [c.id, c.purl]));
    let checked = 0;
    for (const { document, vex } of advisories) {
      for (const bytes of [document.bytes, vex.bytes]) {
        for (const leaf of leaves(parse(bytes).product_tree.branches)) {
          const [, component = '', version = ''] =
            /^CSAFPID-(.+)-(\d+\.\d+\.\d+)$/.exec(leaf.product?.product_id ?? '') ?? [];
          assert.equal(leaf.product?.product_identification_helper.purl, `${purls.get(component) ?? '?'}@${version}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 10);
  });
});

describe('CSAF ROLIE feed', () => {
  test('lists every TLP:WHITE document with its hashes, newest first, updated at the newest revision', async () => {
    const provider = await buildCsafProvider(loadComplianceData(), LINKS, {
      signingKey: undefined,
      buildDate: BUILD_DATE,
      lock: readCsafLock(ROOT),
    });
    assert.equal(provider.feedPath, '/.well-known/csaf/white/feed-tlp-white.json');
    const file = provider.files.find((f) => f.path === provider.feedPath) ?? assert.fail('no feed');
    const { feed } = JSON.parse(file.bytes.toString('utf8')) as {
      feed: {
        id: string;
        title: string;
        link: { rel: string; href: string }[];
        category: { scheme: string; term: string }[];
        updated: string;
        entry: {
          id: string;
          link: { rel: string; href: string }[];
          published: string;
          updated: string;
          content: { type: string; src: string };
          format: { schema: string; version: string };
        }[];
      };
    };
    assert.equal(feed.id, 'cryptpeer-csaf-feed-tlp-white');
    assert.deepEqual(feed.link, [
      { rel: 'self', href: 'https://cryptpeer.com/.well-known/csaf/white/feed-tlp-white.json' },
    ]);
    assert.deepEqual(feed.category, [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }]);
    // Not the build date (2026-11-26): the newest revision, so the feed changes only with a document.
    assert.equal(feed.updated, '2026-10-06T00:00:00.000Z');
    assert.deepEqual(
      feed.entry.map((e) => [e.id, e.published, e.updated]),
      [
        ['CPSA-2026-002', '2026-10-06T00:00:00.000Z', '2026-10-06T00:00:00.000Z'],
        ['CPSA-2026-002-VEX', '2026-10-06T00:00:00.000Z', '2026-10-06T00:00:00.000Z'],
        ['CPSA-2026-001', '2026-06-16T00:00:00.000Z', '2026-06-16T00:00:00.000Z'],
        ['CPSA-2026-001-VEX', '2026-06-16T00:00:00.000Z', '2026-06-16T00:00:00.000Z'],
      ],
    );
    const vex = feed.entry[1] ?? assert.fail();
    const url = 'https://cryptpeer.com/.well-known/csaf/white/2026/cpsa-2026-002-vex.json';
    assert.deepEqual(vex.link, [
      { rel: 'self', href: url },
      { rel: 'hash', href: `${url}.sha256` },
      { rel: 'hash', href: `${url}.sha512` },
    ]);
    assert.deepEqual(vex.content, { type: 'application/json', src: url });
    assert.deepEqual(vex.format, {
      schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json',
      version: '2.0',
    });
    // The feed is part of the provider tree and its listing.
    const listing = provider.listings.find((l) => l.path === '/.well-known/csaf/white/') ?? assert.fail();
    assert.ok(listing.entries.some((e) => e.name === 'feed-tlp-white.json'));
  });
});
