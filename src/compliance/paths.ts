import type { Locale } from '../i18n/locales.ts';

/**
 * Where generated files live on the site. Documents sit outside the locale trees: one file per
 * language, linked from the pages of both.
 */
export const WELL_KNOWN = '/.well-known';
export const SECURITY_TXT_PATH = `${WELL_KNOWN}/security.txt`;
export const CSAF_ROOT = `${WELL_KNOWN}/csaf`;
export const CSAF_PROVIDER_METADATA_PATH = `${CSAF_ROOT}/provider-metadata.json`;
/** TLP:WHITE (CSAF 2.0's label for public advisories) distribution directory. */
export const CSAF_WHITE_DIR = `${CSAF_ROOT}/white`;
export const OPENPGP_DIR = `${CSAF_ROOT}/openpgp`;

/**
 * `/.well-known/csaf/openpgp/<FINGERPRINT>.asc`: the public key, where the CSAF provider metadata
 * and security.txt's `Encryption:` point. Only an upper-case hex fingerprint is accepted: the value
 * becomes part of a path and a published URL.
 */
export function openpgpKeyPath(fingerprint: string): string {
  if (!/^[0-9A-F]{40,64}$/.test(fingerprint))
    throw new Error(`[paths] not an upper-case hex OpenPGP fingerprint: ${JSON.stringify(fingerprint)}`);
  return `${OPENPGP_DIR}/${fingerprint}.asc`;
}
export const DECLARATIONS_DIR = '/declarations';
export const SBOM_DIR = '/sbom';

export type DeclarationKind = 'full' | 'simplified';

/**
 * CSAF §5.1: the tracking id in lower case, every run of characters other than a-z, 0-9, + and -
 * replaced by one underscore, then `.json`.
 */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** `/.well-known/csaf/white/2026/cpsa-2026-001.json` (CSAF requirement 11: one folder per year of initial release). */
export function csafDocumentPath(trackingId: string, initialReleaseDate: string): string {
  return `${CSAF_WHITE_DIR}/${initialReleaseDate.slice(0, 4)}/${csafFileName(trackingId)}`;
}

export const declarationDir = (version: string): string => `${DECLARATIONS_DIR}/${version}`;

/** `cryptpeer-2.4.0-eu-declaration-of-conformity-en` (no extension). */
export function declarationBaseName(
  productSlug: string,
  version: string,
  kind: DeclarationKind,
  locale: Locale,
): string {
  return `${productSlug}-${version}-${kind === 'simplified' ? 'simplified-' : ''}eu-declaration-of-conformity-${locale}`;
}

export const declarationSchemaPath = (kind: DeclarationKind): string =>
  `${DECLARATIONS_DIR}/${kind === 'simplified' ? 'simplified-' : ''}eu-declaration-of-conformity.schema.json`;

export const productSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
