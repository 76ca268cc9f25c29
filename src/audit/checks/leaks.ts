import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';
import { OWASP_HEADERS } from '../rules/refs.ts';
import { quote, type HeaderCheck } from './finding.ts';

/** Headers that tell attackers which software and version to attack. */
export const LEAK_RULES = defineRules([
  {
    id: 'server-version',
    severity: 'low',
    scope: 'page',
    title: 'Server header discloses a version',
    help: 'The `Server` header must not contain a version number (`nginx/1.22.1`): it tells attackers which known vulnerabilities to try. Use `server_tokens off;` (nginx) or remove the header.',
    reference: `${OWASP_HEADERS}#prevent-information-disclosure-via-http-headers`,
  },
  {
    id: 'info-leak-header',
    severity: 'low',
    scope: 'page',
    title: 'Header discloses the technology stack',
    help: 'Remove `X-Powered-By`, `X-AspNet-Version`, `X-AspNetMvc-Version`, `X-Generator`, `X-Drupal-Cache`, `X-Runtime` and similar headers: they only help attackers.',
    reference: `${OWASP_HEADERS}#prevent-information-disclosure-via-http-headers`,
  },
] as const);

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
  rules: LEAK_RULES.ids,
  run({ url, headers }) {
    const { finding } = LEAK_RULES;
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
