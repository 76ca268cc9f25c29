import { signDetached, type SigningKey } from '../openpgp.ts';
import type { PublishedFile } from '../published.ts';

/** Files that already are a companion of another: signing them would sign a signature or a digest of one file. */
const COMPANION = /\.(asc|sha256|sha512)$/;

/**
 * `<path>.asc` for each file: a detached, armored OpenPGP signature dated `date`. Reproducible:
 * the configuration in openpgp.ts drops OpenPGP.js's random salt notation, and EdDSA and RSA
 * PKCS#1 v1.5 signatures are deterministic, so the same key, bytes and date give the same file.
 * The caller passes the documents and the SHA256SUMS/SHA512SUMS listings; a `.asc`, `.sha256` or
 * `.sha512` companion is refused, as is a file given twice, so nothing is signed twice over.
 */
export async function signDetachedFiles(
  files: readonly PublishedFile[],
  key: SigningKey,
  date: Date,
): Promise<PublishedFile[]> {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (COMPANION.test(path))
      throw new Error(`[openpgp] ${path}: a .asc/.sha256/.sha512 companion is not signed; sign the file it belongs to`);
    if (seen.has(path)) throw new Error(`[openpgp] ${path}: given twice`);
    seen.add(path);
  }
  const signatures: PublishedFile[] = [];
  for (const file of files) {
    signatures.push({ path: `${file.path}.asc`, bytes: Buffer.from(await signDetached(file.bytes, key, date)) });
  }
  return signatures;
}
