import type { Sourced } from '../inputs/index.ts';
import type { SecurityData } from '../../schemas/security.ts';
import { InputError } from '../../schemas/parse.ts';
import { DAY_MS, startOfDay, toRfc3339 } from '../dates.ts';
import { absolute, PAGE_KEYS, type SiteLinks } from '../links.ts';
import { CSAF_PROVIDER_METADATA_PATH, openpgpKeyPath, SECURITY_TXT_PATH } from '../paths.ts';
import { parseSecurityTxt } from './parse.ts';

/** RFC 9116 §2.5.5: Expires should be less than a year ahead. */
export const MAX_EXPIRY_DAYS = 365;

/**
 * The `Expires` value for a build made at `buildDate`. Refuses, naming the file and the field, an
 * expiry already past (the file would be stale the moment it is published) or more than a year
 * ahead (RFC 9116 advises against it, so that outdated contacts age out).
 */
export function getSecurityTxtExpiry(security: Sourced<SecurityData>, buildDate: Date): Date {
  const { expiresAfterDays, expiresOn } = security.data.securityTxt;
  const field = expiresOn === undefined ? 'securityTxt.expiresAfterDays' : 'securityTxt.expiresOn';
  const expires =
    expiresOn === undefined ? new Date(buildDate.getTime() + (expiresAfterDays ?? 0) * DAY_MS) : startOfDay(expiresOn);
  const shown = toRfc3339(expires);
  if (expires.getTime() <= buildDate.getTime()) {
    throw new InputError(
      `${security.file}: ${field}: security.txt would expire on ${shown}, which is not after the build date ${toRfc3339(buildDate)}`,
    );
  }
  if (expires.getTime() > buildDate.getTime() + MAX_EXPIRY_DAYS * DAY_MS) {
    throw new InputError(
      `${security.file}: ${field}: security.txt would expire on ${shown}, more than a year after the build date ${toRfc3339(buildDate)} (RFC 9116 §2.5.5)`,
    );
  }
  return expires;
}

export interface SecurityTxtOptions {
  /** The product the contact is for (`product.name` of content/site.yaml). @example CryptPeer */
  productName: string;
  /**
   * Fingerprint of the build's OpenPGP key (upper-case hex). The CSAF provider publishes that key
   * at `openpgpKeyPath(fingerprint)`; security.txt then points researchers to it.
   */
  openpgpFingerprint?: string | undefined;
}

/**
 * `/.well-known/security.txt` (RFC 9116) as plain text: contacts, the OpenPGP key to encrypt
 * reports with (when one is configured), expiry, languages, canonical URL, the disclosure policy
 * page and the CSAF provider metadata (CSAF requirement 8). The result is parsed back with the
 * strict parser before it is returned, so an invalid file never ships.
 */
export function createSecurityTxt(
  security: Sourced<SecurityData>,
  links: SiteLinks,
  buildDate: Date,
  options: SecurityTxtOptions,
): string {
  const { securityTxt } = security.data;
  const { openpgpFingerprint, productName } = options;
  const lines = [
    `# Security contact for ${new URL(links.origin).host} and the ${productName} product (RFC 9116).`,
    `# Generated from ${security.file}; advisories are published as CSAF 2.0 documents.`,
    ...securityTxt.contacts.map((contact) => `Contact: ${contact}`),
    // RFC 9116 §2.5.4: the key itself, by URI, next to the contacts it protects. The URL is derived
    // from the fingerprint, never typed in, so it always names the key the site publishes.
    ...(openpgpFingerprint ? [`Encryption: ${absolute(links, openpgpKeyPath(openpgpFingerprint))}`] : []),
    `Expires: ${toRfc3339(getSecurityTxtExpiry(security, buildDate))}`,
    `Preferred-Languages: ${securityTxt.preferredLanguages.join(', ')}`,
    `Canonical: ${absolute(links, SECURITY_TXT_PATH)}`,
    `Policy: ${absolute(links, links.page('en', PAGE_KEYS.disclosure))}`,
    `Policy: ${absolute(links, links.page('fr', PAGE_KEYS.disclosure))}`,
    `CSAF: ${absolute(links, CSAF_PROVIDER_METADATA_PATH)}`,
  ];
  const text = `${lines.join('\n')}\n`;
  parseSecurityTxt(text, { now: buildDate, canonical: absolute(links, SECURITY_TXT_PATH) });
  return text;
}
