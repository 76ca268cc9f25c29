/* eslint @typescript-eslint/no-floating-promises: ["error", { "allowForKnownSafeCalls": [{ "from": "package", "package": "node:test", "name": ["describe", "test", "before", "after"] }] }] */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildWebsiteSbom } from '../../../src/compliance/sbom/index.ts';
import { validateStrict } from '../../../src/compliance/sbom/cyclonedx.ts';
import { BUILD_DATE, ROOT } from './helpers.ts';

interface Lock {
  packages: Record<string, { version?: string; integrity?: string; dev?: boolean }>;
}
interface Bom {
  serialNumber: string;
  metadata: { timestamp: string; component: { name: string; 'bom-ref': string } };
  components: {
    name: string;
    group?: string;
    version: string;
    purl: string;
    scope: string;
    hashes?: { alg: string; content: string }[];
  }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

describe("the website's own SBOM", () => {
  test('is deterministic, valid under the strict CycloneDX 1.6 schema, and lists astro with its SHA-512', async () => {
    const [first, second] = [await buildWebsiteSbom(ROOT, BUILD_DATE), await buildWebsiteSbom(ROOT, BUILD_DATE)];
    const bytes = first.files[0]?.bytes ?? Buffer.alloc(0);
    assert.deepEqual(bytes, second.files[0]?.bytes);
    assert.deepEqual(
      first.files.map((f) => f.path),
      ['/sbom/website.cdx.json', '/sbom/website.cdx.json.sha256', '/sbom/website.cdx.json.sha512'],
    );
    await validateStrict('website.cdx.json', bytes, '1.6');

    const bom = JSON.parse(bytes.toString('utf8')) as Bom;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };
    assert.equal(bom.metadata.component.name, pkg.name);
    assert.equal(bom.metadata.timestamp, BUILD_DATE.toISOString());
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const astro = bom.components.find((c) => c.name === 'astro' && !c.group);
    const locked = lock.packages['node_modules/astro'];
    assert.ok(astro && locked);
    assert.equal(astro.version, locked.version);
    assert.equal(astro.purl, `pkg:npm/astro@${locked.version ?? ''}`);
    assert.equal(astro.scope, 'required');
    const hex = Buffer.from((locked.integrity ?? '').replace(/^sha512-/, ''), 'base64').toString('hex');
    assert.deepEqual(astro.hashes, [{ alg: 'SHA-512', content: hex }]);

    // A scoped name keeps its scope as the group, `@` percent-encoded in the purl; dev-only is optional.
    const check = bom.components.find((c) => c.group === '@astrojs' && c.name === 'check');
    assert.ok(check);
    assert.equal(check.purl, `pkg:npm/%40astrojs/check@${lock.packages['node_modules/@astrojs/check']?.version ?? ''}`);
    assert.equal(check.scope, 'optional');

    // Every distinct name@version of the lockfile, and the site depends on astro.
    const distinct = new Set(
      Object.entries(lock.packages)
        .filter(([path]) => path !== '')
        .map(([path, p]) => `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${p.version ?? ''}`),
    );
    assert.equal(bom.components.length, distinct.size);
    assert.equal(first.componentCount, distinct.size);
    const root = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref']);
    assert.ok(root?.dependsOn?.includes(astro.purl));
    assert.ok(bom.dependencies.find((d) => d.ref === astro.purl)?.dependsOn?.length);
  });
});
