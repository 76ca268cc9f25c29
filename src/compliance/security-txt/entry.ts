import { toRfc3339 } from '../dates.ts';
import type { ComplianceDocument } from '../document.ts';
import { signCleartext } from '../openpgp.ts';
import { openpgpKeyPath, SECURITY_TXT_PATH } from '../paths.ts';
import { createSecurityTxt, getSecurityTxtExpiry } from './build.ts';

export interface SecurityTxtResult {
  expires: Date;
  signed: boolean;
  fingerprint: string | undefined;
}

/** RFC 9116 security.txt, signed inline when a key is configured (§2.3). */
export const securityTxtDocument: ComplianceDocument<SecurityTxtResult> = {
  precheck({ data, buildDate }) {
    getSecurityTxtExpiry(data.security, buildDate);
  },
  async build({ data, links, buildDate, signingKey: key, published }) {
    const expires = getSecurityTxtExpiry(data.security, buildDate);
    // Encryption: names the key file the CSAF provider publishes; refuse to point at a missing one.
    if (key && !published.has(openpgpKeyPath(key.fingerprint)))
      throw new Error(`[security.txt] Encryption: ${openpgpKeyPath(key.fingerprint)} is not published`);
    const text = createSecurityTxt(data.security, links, buildDate, {
      productName: data.site.product.name,
      openpgpFingerprint: key?.fingerprint,
    });
    const bytes = Buffer.from(key ? await signCleartext(text, key, buildDate) : text);
    const log = [
      `[security.txt] expires ${toRfc3339(expires)}${key ? `, signed by ${key.fingerprint}` : ', unsigned (no key configured)'}`,
    ];
    return {
      result: { expires, signed: key !== undefined, fingerprint: key?.fingerprint },
      files: [{ path: SECURITY_TXT_PATH, bytes }],
      log,
    };
  },
};
