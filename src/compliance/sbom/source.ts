import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { InputError } from '../../schemas/parse.ts';
import type { SiteData } from '../../schemas/site.ts';
import { inspectSbom, type CdxSpecVersion } from './cyclonedx.ts';

export const SBOM_CONTENT_DIR = 'content/sbom';

/** One SBOM as the author supplied it: `content/sbom/<version>/<component-id>.cdx.json`. */
export interface SbomSource {
  /** @example content/sbom/2.4.0/relay-server.cdx.json */
  file: string;
  /** Product version the SBOM describes, from its folder. @example 2.4.0 */
  version: string;
  /** Deliverable it describes, from its file name: an id of content/site.yaml product.components. @example relay-server */
  component: string;
  /** CycloneDX version the file declares (checked against that version's strict schema at build). */
  specVersion: CdxSpecVersion;
  /** Published as supplied, byte for byte. */
  bytes: Buffer;
}

/** `pkg:generic/cryptpeer/client@2.4.0`: how advisories and SBOMs name one version of a deliverable. */
export function deliverablePurl(site: SiteData, component: string, version: string): string | undefined {
  const purl = site.product.components.find((c) => c.id === component)?.purl;
  return purl === undefined ? undefined : `${purl}@${version}`;
}

const LAYOUT = `${SBOM_CONTENT_DIR}/<version>/<component-id>.cdx.json`;

/**
 * Reads every SBOM under content/sbom/, which holds only release-version folders of CycloneDX JSON
 * files named after a deliverable. Anything else is refused rather than skipped: an author who
 * drops a file elsewhere would otherwise believe it published. All problems are reported at once.
 */
export function readSbomSources(root: string, site: SiteData): SbomSource[] {
  const ids = site.product.components.map((c) => c.id);
  const known = `content/site.yaml product.components: ${ids.join(', ') || 'none'}`;
  const problems: string[] = [];
  const sources: SbomSource[] = [];
  for (const entry of entries(root, SBOM_CONTENT_DIR)) {
    const path = `${SBOM_CONTENT_DIR}/${entry.name}`;
    if (!entry.directory) {
      const flat = /^[a-z0-9-]+?-(\d+\.\d+\.\d+[^/]*)\.(?:cdx|spdx)\.json$/.exec(entry.name);
      problems.push(
        flat
          ? `${path}: file name: SBOMs now live one per deliverable at ${LAYOUT} (${ids.join(', ')}): move it to ${SBOM_CONTENT_DIR}/${flat[1]}/<component-id>.cdx.json`
          : `${path}: unexpected ${entry.kind}: ${SBOM_CONTENT_DIR}/ holds only version folders (${LAYOUT})`,
      );
      continue;
    }
    if (semver.valid(entry.name) !== entry.name) {
      problems.push(`${path}/: folder name: expected a release version such as 2.4.0 (${LAYOUT})`);
      continue;
    }
    const files = entries(root, path);
    if (files.length === 0) problems.push(`${path}/: empty folder: add ${path}/<component-id>.cdx.json or remove it`);
    for (const file of files) {
      const at = `${path}/${file.name}`;
      const match = /^(.+)\.(cdx|spdx)\.json$/.exec(file.name);
      if (file.kind !== 'file' || !match) {
        problems.push(`${at}: unexpected ${file.kind}: expected <component-id>.cdx.json (${LAYOUT})`);
      } else if (match[2] === 'spdx') {
        // No maintained, small JS validator for SPDX 2.3 JSON exists; publishing an unvalidated file
        // would break the rule that every published SBOM passed a strict schema.
        problems.push(
          `${at}: format: SPDX is not accepted, only CycloneDX JSON 1.4 to 1.6 (e.g. \`syft -o cyclonedx-json\` or cdxgen)`,
        );
      } else if (!ids.includes(match[1] ?? '')) {
        problems.push(`${at}: file name: unknown component ${match[1] ?? ''} (${known})`);
      } else {
        const component = match[1] ?? '';
        const bytes = readFileSync(join(root, at));
        const purl = deliverablePurl(site, component, entry.name) ?? '';
        try {
          const { specVersion } = inspectSbom(at, bytes, { purl, version: entry.name });
          sources.push({ file: at, version: entry.name, component, specVersion, bytes });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          problems.push(error.message);
        }
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return sources.sort((a, b) => semver.compare(a.version, b.version) || a.component.localeCompare(b.component));
}

interface Entry {
  name: string;
  directory: boolean;
  kind: string;
}

// lstat, not stat: a symbolic link would publish whatever file it points to on the build machine.
function entries(root: string, dir: string): Entry[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(`${dir}/: cannot be read`, { cause: error });
  }
  return names.sort().map((name) => {
    const stat = lstatSync(join(root, dir, name));
    const kind = stat.isSymbolicLink() ? 'symbolic link' : stat.isDirectory() ? 'folder' : 'file';
    return { name, directory: stat.isDirectory(), kind };
  });
}
