import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';
import { defineTexts } from '../i18n/texts.ts';
import { checksumLine, digestHex } from './checksums.ts';

/** A file the build publishes: its URL path and its exact bytes. */
export interface PublishedFile {
  /** @example /declarations/2.4.0/cryptpeer-2.4.0-eu-declaration-of-conformity-en.pdf */
  path: string;
  bytes: Buffer;
}

/** What a page shows about a download: where, how big, and the digests a reader can check. */
export interface FileFacts {
  path: string;
  name: string;
  size: number;
  sha256: string;
  sha512: string;
}

export const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function factsOf(file: PublishedFile): FileFacts {
  return {
    path: file.path,
    name: fileName(file.path),
    size: file.bytes.length,
    sha256: digestHex('sha256', file.bytes),
    sha512: digestHex('sha512', file.bytes),
  };
}

/** The file followed by its `.sha256` and `.sha512` companions (`<hex>  <name>`, as sha256sum writes). */
export function withChecksums(file: PublishedFile): PublishedFile[] {
  const name = fileName(file.path);
  return [
    file,
    { path: `${file.path}.sha256`, bytes: Buffer.from(checksumLine('sha256', file.bytes, name)) },
    { path: `${file.path}.sha512`, bytes: Buffer.from(checksumLine('sha512', file.bytes, name)) },
  ];
}

// French writes octets: 12 o, 3,4 ko.
const SIZE_UNITS = defineTexts({
  byte: { en: 'B', fr: 'o' },
  kilobyte: { en: 'kB', fr: 'ko' },
});

/** Human size for download lists: bytes below 1 kB, else kB with one decimal (1 kB = 1000 B). */
export function formatSize(bytes: number, locale: Locale): string {
  const unit = SIZE_UNITS(locale);
  if (bytes < 1000) return `${bytes} ${unit.byte}`;
  const kb = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(bytes / 1000);
  return `${kb} ${unit.kilobyte}`;
}
