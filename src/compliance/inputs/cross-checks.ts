import semver from 'semver';
import { InputError } from '../../schemas/parse.ts';
import type { DeclarationData } from '../../schemas/declaration.ts';
import type { ComplianceData } from './types.ts';
import { isSample, parseBom, SAMPLE_PROPERTY } from '../sbom/cyclonedx.ts';

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

  data.site.support.versions.forEach(({ version }, index) => {
    if (!versions.includes(version))
      problems.push(
        `content/site.yaml: support.versions.${index}.version: unknown product version ${version} (${known})`,
      );
  });

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
    if (declaration.status === 'issued' && data.site.sample) {
      problems.push(
        `${file}: status: an issued declaration needs the manufacturer's confirmed facts, but content/site.yaml says sample: true`,
      );
    } else if (declaration.status === 'issued' && /sample/i.test(data.site.manufacturer.name)) {
      problems.push(
        `${file}: status: an issued declaration cannot name the sample manufacturer of content/site.yaml (${data.site.manufacturer.name})`,
      );
    }
    problems.push(...checkDeclarationFacts(data, file, declaration));
  }
  problems.push(...checkCoverage(data));

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
    // The VEX document states these versions are safe: only released versions of real deliverables.
    advisory.notAffected?.forEach((entry, index) => {
      const at = `${file}: notAffected.${index}`;
      if (!components.includes(entry.component)) {
        problems.push(
          `${at}.component: unknown component ${entry.component} (content/site.yaml product.components: ${components.join(', ') || 'none'})`,
        );
      }
      entry.versions.forEach((version, i) => {
        if (!versions.includes(version))
          problems.push(`${at}.versions.${i}: unknown product version ${version} (${known})`);
      });
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
    // The layout (content/sbom/<version>/<component-id>.cdx.json) and the purl were checked on reading.
    if (!versions.includes(sbom.version))
      problems.push(`${sbom.file}: version: unknown product version ${sbom.version} (${known})`);
    // While the manufacturer is sample data, so is any SBOM of its product: the file must say so,
    // or a reader could take it for the vendor's real bill of materials.
    if (/sample/i.test(data.site.manufacturer.name) && !isSample(parseBom(sbom.file, sbom.bytes))) {
      problems.push(
        `${sbom.file}: metadata.properties: must contain { "name": "${SAMPLE_PROPERTY}", "value": "true" } while content/site.yaml names the sample manufacturer (${data.site.manufacturer.name})`,
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
}

/**
 * A declaration must agree with the release and the advisories it concerns: it cannot be dated
 * before the version exists, and a declaration still in force cannot cover a version that an
 * advisory lists as affected without a fix in that same version (it would declare conformity of a
 * product with a known exploitable vulnerability: CRA Annex I, Part I, point 2(a)).
 */
function checkDeclarationFacts(data: ComplianceData, file: string, declaration: DeclarationData): string[] {
  const problems: string[] = [];
  const release = data.releases.find((r) => r.version === declaration.version);
  if (release && declaration.date < release.date) {
    problems.push(
      `${file}: date: ${declaration.date} is before the release of ${declaration.version} on ${release.date} (${release.file})`,
    );
  }
  if (declaration.supersededBy) {
    const by = data.declarations.find((d) => d.data.version === declaration.supersededBy?.version);
    if (!by) {
      problems.push(`${file}: supersededBy.version: no declaration for ${declaration.supersededBy.version}`);
    } else if (by.data.status === 'draft') {
      problems.push(`${file}: supersededBy.version: ${by.file} is still a draft; issue it before superseding with it`);
    }
    if (declaration.supersededBy.date < declaration.date)
      problems.push(
        `${file}: supersededBy.date: ${declaration.supersededBy.date} is before the date of issue ${declaration.date}`,
      );
  }
  if (declaration.withdrawn && declaration.withdrawn.date < declaration.date)
    problems.push(
      `${file}: withdrawn.date: ${declaration.withdrawn.date} is before the date of issue ${declaration.date}`,
    );
  if (declaration.status !== 'issued') return problems;
  const range = declaration.covers ?? declaration.version;
  for (const { file: advisoryFile, data: advisory } of data.advisories) {
    for (const product of advisory.products) {
      for (const version of product.affected) {
        if (!semver.satisfies(version, range) || product.fixed.includes(version)) continue;
        problems.push(
          `${file}: status: issued for ${range}, but ${advisoryFile} lists ${version} as affected (${advisory.id}, ${product.component}) ` +
            'with no fix in that version: supersede this declaration with one for a fixed version, or withdraw it',
        );
      }
    }
  }
  return problems;
}

/** Two declarations in force cannot claim the same version. */
function checkCoverage(data: ComplianceData): string[] {
  const problems: string[] = [];
  const inForce = data.declarations.filter((d) => d.data.status === 'issued');
  for (const release of data.releases) {
    const claiming = inForce.filter((d) => semver.satisfies(release.version, d.data.covers ?? d.data.version));
    if (claiming.length > 1) {
      problems.push(
        `${claiming[1]?.file ?? ''}: covers: ${release.version} is also covered by ${claiming[0]?.file ?? ''}; supersede the older declaration`,
      );
    }
  }
  return problems;
}
