import type { Finding } from '../report/types.ts';
import { finding, quote, type HeaderCheck } from './finding.ts';

/** Headers that only describe the software behind the site (OWASP Secure Headers: "remove"). */
export const LEAKY_HEADERS = [
  'X-Powered-By',
  'X-AspNet-Version',
  'X-AspNetMvc-Version',
  'X-Generator',
  'X-Drupal-Cache',
  'X-Drupal-Dynamic-Cache',
  'X-Runtime',
  'X-Version',
  'X-Backend-Server',
  'X-Powered-CMS',
] as const;

export const leaksCheck: HeaderCheck = {
  rules: ['server-version', 'info-leak-header'],
  run({ url, headers }) {
    const findings: Finding[] = [];
    const server = headers.get('server');
    // `nginx` and `Caddy` name the product only; a digit means a version (`nginx/1.22.1`, `Apache/2.4.57 (Debian)`).
    if (server !== null && /\d/.test(server)) {
      findings.push(finding('server-version', url, `Server ${quote(server)} discloses a version`));
    }
    for (const name of LEAKY_HEADERS) {
      const value = headers.get(name);
      if (value !== null) findings.push(finding('info-leak-header', url, `${name}: ${quote(value)} is sent`));
    }
    return findings;
  },
};
