import { createHash } from 'node:crypto';

export type DigestAlgorithm = 'sha256' | 'sha512';

export function digestHex(algorithm: DigestAlgorithm, bytes: Uint8Array | string): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/**
 * One line in the coreutils format (`<hex>  <file name>`), so `sha256sum -c` checks a download
 * and CSAF requirement 18 is met (the file starts with the hash, then a space and the name).
 */
export function checksumLine(algorithm: DigestAlgorithm, bytes: Uint8Array | string, fileName: string): string {
  return `${digestHex(algorithm, bytes)}  ${fileName}\n`;
}

/** A `SHA256SUMS` / `SHA512SUMS` listing, sorted by file name so it never depends on build order. */
export function checksumList(
  algorithm: DigestAlgorithm,
  files: readonly { name: string; bytes: Uint8Array }[],
): string {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => checksumLine(algorithm, file.bytes, file.name))
    .join('');
}
