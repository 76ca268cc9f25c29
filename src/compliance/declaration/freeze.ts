import { InputError } from '../../schemas/parse.ts';
import { digestHex } from '../checksums.ts';
import { readPublicKey, verifyDetached } from '../openpgp.ts';
import { sameSignedContent } from '../signing/pades.ts';
import { verifiedPadesSigner } from '../signing/verify-pades.ts';
import type { ArchivedDeclaration, ArchivedFileKind } from './archive.ts';
import { MANIFEST_NAME, OPENPGP_KEY_NAME } from './archive.ts';
import { versionSums, type GeneratedDocument } from './generate.ts';

const short = (bytes: Uint8Array): string => digestHex('sha256', bytes).slice(0, 16);

/**
 * Proves an archive is the issued form of what the data and today's code produce, and returns the
 * files to publish (name → archived bytes). Nothing from the archive is trusted on its own word:
 * which files exist, their kind and whether they are published all follow from the regenerated set,
 * and every byte that can be regenerated is compared. A difference fails the build and says how to
 * go on without rewriting an issued declaration. Signatures cannot be regenerated, so they are
 * verified instead: the signer the pages name is the one each signature proves.
 */
export async function verifyArchive(
  archive: ArchivedDeclaration,
  generated: readonly GeneratedDocument[],
): Promise<Map<string, Buffer>> {
  const { version } = archive.manifest;
  const problems: string[] = [];
  const expected = new Map<string, { kind: ArchivedFileKind[]; published: boolean; regenerated?: Buffer }>();
  for (const g of generated) {
    expected.set(g.pdf.name, {
      kind: archive.manifest.pades ? ['pades'] : ['exact'],
      published: true,
      regenerated: g.pdf.bytes,
    });
    expected.set(g.json.name, { kind: ['exact'], published: true, regenerated: g.json.bytes });
    expected.set(g.snapshot.name, { kind: ['exact'], published: false, regenerated: g.snapshot.bytes });
  }
  expected.set('SHA256SUMS', { kind: ['exact'], published: true });
  expected.set('SHA512SUMS', { kind: ['exact'], published: true });
  const openpgp = archive.manifest.openpgpFingerprint !== undefined;
  for (const name of [...expected.keys()]) {
    const entry = expected.get(name);
    if (entry?.published && !name.endsWith('.html'))
      expected.set(`${name}.asc`, { kind: ['openpgp'], published: true });
  }
  if (openpgp) expected.set(OPENPGP_KEY_NAME, { kind: ['openpgp-key'], published: true });

  const changed = (name: string, detail: string) =>
    problems.push(
      `${archive.dir}/${name}: the issued declaration ${version} would change if generated today (${detail}). ` +
        'Issued documents are frozen: undo the change to the data, the templates or the renderer that alters them, ' +
        `or draft a new declaration (npm run declaration -- new <version>) and supersede ${version} with it.`,
    );

  const published = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(archive.manifest.files)) {
    const want = expected.get(name);
    const bytes = archive.files.get(name);
    if (!want || !bytes) {
      problems.push(`${archive.dir}/${name}: not a file an issued declaration has (${MANIFEST_NAME}: files.${name})`);
      continue;
    }
    if (!want.kind.includes(entry.kind) || want.published !== entry.published) {
      problems.push(
        `${archive.dir}/${MANIFEST_NAME}: files.${name}: kind ${entry.kind} / published ${entry.published} is not what issuing writes`,
      );
      continue;
    }
    if (want.regenerated) {
      const same = entry.kind === 'pades' ? sameSignedContent(bytes, want.regenerated) : bytes.equals(want.regenerated);
      if (!same) changed(name, `archived ${short(bytes)}…, generated ${short(want.regenerated)}…`);
    }
    if (entry.kind === 'openpgp' && !archive.manifest.files[name.slice(0, -'.asc'.length)])
      problems.push(`${archive.dir}/${name}: signs a file the archive does not hold`);
    if (want.published) published.set(name, bytes);
  }
  for (const [name, want] of expected) {
    // Signatures are all there or none: a missing one would publish a file as signed that is not.
    if (want.kind.includes('openpgp') && !openpgp) continue;
    if (!archive.files.has(name)) problems.push(`${archive.dir}/${name}: missing from the archive`);
  }
  problems.push(...(await signatureProblems(archive)));
  // The listings must list what is published, whatever the archive's own copy says.
  const listed = generated
    .flatMap((g) => [g.pdf.name, g.json.name])
    .map((name) => ({ name, bytes: archive.files.get(name) ?? Buffer.alloc(0) }));
  const sums = versionSums(listed);
  for (const [name, bytes] of [
    ['SHA256SUMS', sums.sha256],
    ['SHA512SUMS', sums.sha512],
  ] as const) {
    const archived = archive.files.get(name);
    if (archived && !archived.equals(bytes)) changed(name, 'it does not list the archived documents');
  }
  if (problems.length > 0) throw new InputError(`[declaration archive] ${problems.join('\n')}`);
  return published;
}

/**
 * Checks the signatures an archive holds against what `issued.json` says about them: each PAdES
 * PDF is signed by the certificate named `padesSigner`, and each `.asc` verifies with the archived
 * public key whose fingerprint is `openpgpFingerprint`. Without these checks an author could edit
 * the manifest and have the pages name any signer.
 */
async function signatureProblems(archive: ArchivedDeclaration): Promise<string[]> {
  const { dir, manifest, files } = archive;
  const problems: string[] = [];
  const entries = Object.entries(manifest.files);
  for (const [name] of entries.filter(([, e]) => e.kind === 'pades')) {
    const bytes = files.get(name);
    if (!bytes) continue;
    try {
      const signer = verifiedPadesSigner(bytes);
      if (signer !== manifest.padesSigner)
        problems.push(
          `${dir}/${MANIFEST_NAME}: padesSigner: ${JSON.stringify(manifest.padesSigner)}, but ${name} is signed by ${JSON.stringify(signer)}`,
        );
    } catch (error) {
      problems.push(`${dir}/${name}: ${(error as Error).message}`);
    }
  }
  if (manifest.pades && !manifest.padesSigner) problems.push(`${dir}/${MANIFEST_NAME}: padesSigner: missing`);
  const signatures = entries.filter(([, e]) => e.kind === 'openpgp').map(([name]) => name);
  if (manifest.openpgpFingerprint === undefined) {
    if (signatures.length > 0)
      problems.push(`${dir}/${MANIFEST_NAME}: openpgpFingerprint: missing for ${signatures[0]}`);
    return problems;
  }
  const armored = files.get(OPENPGP_KEY_NAME);
  if (!armored) return problems; // reported as missing by the caller
  let key: Awaited<ReturnType<typeof readPublicKey>>;
  try {
    key = await readPublicKey(armored.toString('utf8'));
  } catch (error) {
    return [...problems, `${dir}/${OPENPGP_KEY_NAME}: not an OpenPGP public key: ${(error as Error).message}`];
  }
  if (key.fingerprint !== manifest.openpgpFingerprint)
    problems.push(
      `${dir}/${MANIFEST_NAME}: openpgpFingerprint: ${manifest.openpgpFingerprint} is not the archived key ${key.fingerprint}`,
    );
  for (const name of signatures) {
    const signed = files.get(name.slice(0, -'.asc'.length));
    const signature = files.get(name);
    if (!signed || !signature) continue;
    try {
      await verifyDetached(signed, signature.toString('utf8'), key.key);
    } catch (error) {
      problems.push(`${dir}/${name}: does not verify with ${OPENPGP_KEY_NAME} (${(error as Error).message})`);
    }
  }
  return problems;
}
