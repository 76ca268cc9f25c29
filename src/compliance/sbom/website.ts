import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Contrib, Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { factsOf, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { reportBsiFields, type BsiFieldReport } from './bsi.ts';
import { validateStrict, type CdxBom } from './cyclonedx.ts';
import { spdxExpressionValidate } from './licence-expression.ts';
import { WEBSITE_SBOM_PATH } from './paths.ts';

/** One `packages` entry of package-lock.json (lockfileVersion 2 or 3). */
interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WebsiteSbom {
  json: FileFacts;
  /** Distinct packages (name@version) of the lockfile. */
  componentCount: number;
  fields: BsiFieldReport;
  /** The SBOM and its `.sha256` / `.sha512` files. */
  files: PublishedFile[];
}

const licenses = new Contrib.License.Factories.LicenseFactory(spdxExpressionValidate);

/** `node_modules/a/node_modules/@s/b` → `@s/b`: the installed name (an alias's real name is `entry.name`). */
const installedName = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Node's resolution: the nearest `node_modules/<name>` from `path` up to the root. */
function resolve(packages: Record<string, LockEntry>, path: string, name: string): string | undefined {
  let base = path;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same inputs always give the same serial number. */
function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
// RFC 9562's predefined URL namespace; the name is a URL-like string naming our inputs.
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

function makeComponent(path: string, entry: LockEntry): Models.Component {
  const fullName = entry.name ?? installedName(path);
  const slash = fullName.startsWith('@') ? fullName.indexOf('/') : -1;
  const group = slash === -1 ? undefined : fullName.slice(0, slash);
  const name = slash === -1 ? fullName : fullName.slice(slash + 1);
  const version = entry.version ?? '';
  // purl-spec npm type: the scope is the namespace, its `@` percent-encoded.
  const purl = `pkg:npm/${group ? `${encodeURIComponent(group)}/` : ''}${encodeURIComponent(name)}@${encodeURIComponent(version)}`;
  const component = new Models.Component(Enums.ComponentType.Library, name, {
    bomRef: purl,
    purl,
    version,
    // Dev-only packages are build tools: they are not part of what the site serves.
    scope:
      entry.dev || entry.devOptional || entry.optional ? Enums.ComponentScope.Optional : Enums.ComponentScope.Required,
    ...(group ? { group } : {}),
  });
  for (const part of (entry.integrity ?? '').split(/\s+/).filter(Boolean)) {
    try {
      const [alg, hex] = Contrib.FromNodePackageJson.Utils.parsePackageIntegrity(part);
      component.hashes.set(alg, hex);
    } catch {
      // An integrity in a form npm no longer writes: reported as a missing hash, never guessed.
    }
  }
  if (entry.license) component.licenses.add(licenses.makeFromString(entry.license));
  if (entry.resolved?.startsWith('https://'))
    component.externalReferences.add(
      new Models.ExternalReference(entry.resolved, Enums.ExternalReferenceType.Distribution),
    );
  return component;
}

/**
 * A CycloneDX 1.6 SBOM of this website's npm dependencies, from `package-lock.json` alone (no
 * `npm` process, no network): every locked package with its purl, SHA-512 from `integrity`, the
 * licence the lockfile records and scope `optional` for build-only ones, and the dependency graph
 * as Node resolves it. Deterministic: lists are sorted, the timestamp is `buildDate` and the serial
 * number is a UUID v5 of the inputs (lockfile digest, site name and version, build date), so the
 * same inputs give the same bytes. Validated with the
 * strict 1.6 schema before it is returned.
 */
export async function buildWebsiteSbom(root: string, buildDate: Date): Promise<WebsiteSbom> {
  const lockBytes = readFileSync(join(root, 'package-lock.json'));
  const lock = JSON.parse(lockBytes.toString('utf8')) as {
    lockfileVersion?: number;
    packages?: Record<string, LockEntry>;
  };
  const packages = lock.packages;
  if (!packages || (lock.lockfileVersion ?? 0) < 2)
    throw new Error(
      '[sbom] package-lock.json: lockfileVersion: expected 2 or 3 (a `packages` map); run npm install with npm 7 or later',
    );
  const site = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    description?: string;
  };

  const byPath = new Map<string, Models.Component>();
  const byPurl = new Map<string, Models.Component>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link) continue;
    const made = makeComponent(path, entry);
    // The same name@version installed at several paths is one package (same tarball, same integrity).
    const component = byPurl.get(made.purl ?? '') ?? made;
    // Required as soon as one installed copy is: the copy a runtime package needs is the same package.
    if (made.scope === Enums.ComponentScope.Required) component.scope = made.scope;
    byPurl.set(component.purl ?? '', component);
    byPath.set(path, component);
  }
  const tool = packages['node_modules/@cyclonedx/cyclonedx-library'];
  const website = new Models.Component(Enums.ComponentType.Application, site.name, {
    bomRef: `${site.name}@${site.version}`,
    version: site.version,
    description: `${site.description ?? site.name} Lists the npm packages locked in package-lock.json.`,
  });

  const edges = (path: string, entry: LockEntry, from: Models.Component) => {
    const names = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
      ...(path === '' ? entry.devDependencies : {}),
    };
    for (const name of Object.keys(names)) {
      let target = resolve(packages, path, name);
      // A workspace link points to the folder it stands for.
      const linked = target === undefined ? undefined : packages[target];
      if (linked?.link && linked.resolved) target = linked.resolved;
      const to = target === undefined ? undefined : byPath.get(target);
      if (to && to !== from) from.dependencies.add(to.bomRef);
    }
  };
  edges('', packages[''] ?? {}, website);
  for (const [path, component] of byPath) edges(path, packages[path] ?? {}, component);

  // Named after everything the document is made from, so another lockfile, site version or build
  // date gives another serial number, and the same ones give the same.
  const lockDigest = createHash('sha512').update(lockBytes).digest('hex');
  const inputs = `urn:cryptpeer-site:website-sbom:${site.name}@${site.version}:${lockDigest}:${buildDate.toISOString()}`;
  const bom = new Models.Bom({
    serialNumber: `urn:uuid:${uuidV5(NAMESPACE_URL, inputs)}`,
    metadata: new Models.Metadata({
      timestamp: buildDate,
      lifecycles: new Models.LifecycleRepository([Enums.LifecyclePhase.PreBuild]),
      component: website,
      tools: new Models.Tools({
        components: new Models.ComponentRepository([
          new Models.Component(Enums.ComponentType.Library, 'cyclonedx-library', {
            group: '@cyclonedx',
            ...(tool?.version ? { version: tool.version } : {}),
          }),
        ]),
      }),
    }),
    components: new Models.ComponentRepository(byPurl.values()),
  });
  const text = `${new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)).serialize(bom, { sortLists: true, space: 2 })}\n`;
  const bytes = Buffer.from(text);
  await validateStrict(WEBSITE_SBOM_PATH, bytes, '1.6');
  const file: PublishedFile = { path: WEBSITE_SBOM_PATH, bytes };
  return {
    json: factsOf(file),
    componentCount: byPurl.size,
    fields: reportBsiFields(JSON.parse(text) as CdxBom),
    files: withChecksums(file),
  };
}
