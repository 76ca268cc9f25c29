import semver from 'semver';
import { InputError } from '../schemas/parse.ts';
import type { ComplianceData } from './data.ts';

/**
 * Checks that span files: every version named exists as a release note, advisories and release
 * notes point at each other, ids match file names. All problems are collected, one line each.
 */
export function assertConsistent(data: ComplianceData): void {
  const problems: string[] = [];
  const versions = data.releases.map((r) => r.version);
  const known = `release notes exist for ${versions.join(', ')}`;
  const slug = data.site.product.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const securityContacts = data.security.data.securityTxt.contacts;
  if (!securityContacts.includes(data.site.contacts.security)) {
    problems.push(
      `${data.security.file}: securityTxt.contacts: must include the security contact of content/site.yaml (${data.site.contacts.security})`,
    );
  }

  const seenVersions = new Set<string>();
  for (const { file, data: declaration } of data.declarations) {
    const expected = `content/declarations/${slug}-${declaration.version}.yaml`;
    if (file !== expected)
      problems.push(`${file}: version: ${declaration.version} does not match the file name (expected ${expected})`);
    if (!versions.includes(declaration.version))
      problems.push(`${file}: version: unknown product version ${declaration.version} (${known})`);
    if (seenVersions.has(declaration.version))
      problems.push(`${file}: version: a second declaration for ${declaration.version}`);
    seenVersions.add(declaration.version);
    if (declaration.status === 'issued' && /sample/i.test(data.site.manufacturer.name)) {
      problems.push(
        `${file}: status: an issued declaration cannot name the sample manufacturer of content/site.yaml (${data.site.manufacturer.name})`,
      );
    }
  }

  const components = data.site.product.components.map((c) => c.id);
  const ids = new Set(data.advisories.map((a) => a.data.id));
  for (const { file, data: advisory } of data.advisories) {
    if (file !== `content/advisories/${advisory.id}.yaml`)
      problems.push(`${file}: id: ${advisory.id} does not match the file name`);
    advisory.products.forEach((product, index) => {
      const at = `${file}: products.${index}`;
      if (!components.includes(product.component)) {
        problems.push(
          `${at}.component: unknown component ${product.component} (content/site.yaml product.components: ${components.join(', ') || 'none'})`,
        );
      }
      for (const kind of ['affected', 'fixed'] as const) {
        product[kind].forEach((version, i) => {
          if (!versions.includes(version))
            problems.push(`${at}.${kind}.${i}: unknown product version ${version} (${known})`);
        });
      }
      // The first fixing release must say so in its notes, so readers of either find the other.
      const firstFix = [...product.fixed].sort(semver.compare)[0];
      const release = data.releases.find((r) => r.version === firstFix);
      if (release && !release.fixes.includes(advisory.id)) {
        problems.push(`${release.file}: fixes: does not list ${advisory.id}, which ${file} says ${firstFix} fixes`);
      }
    });
  }
  for (const release of data.releases) {
    release.fixes.forEach((id, index) => {
      const advisory = data.advisories.find((a) => a.data.id === id);
      if (!ids.has(id) || !advisory) {
        problems.push(`${release.file}: fixes.${index}: no advisory ${id} (expected content/advisories/${id}.yaml)`);
      } else if (!advisory.data.products.some((p) => p.fixed.includes(release.version))) {
        problems.push(
          `${advisory.file}: products: no entry lists ${release.version} as fixed, but ${release.file} says it fixes ${id}`,
        );
      }
    });
  }

  for (const sbom of data.sboms) {
    const expected = `content/sbom/${slug}-${sbom.version}.cdx.json`;
    if (sbom.file !== expected) problems.push(`${sbom.file}: file name: expected ${expected}`);
    if (!versions.includes(sbom.version))
      problems.push(`${sbom.file}: version: unknown product version ${sbom.version} (${known})`);
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}
