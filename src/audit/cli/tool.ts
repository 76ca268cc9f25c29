import { readFileSync } from 'node:fs';

// The version printed in reports and SARIF comes from package.json, so it cannot drift from the release.
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };

export const TOOL = {
  name: 'cryptpeer-audit',
  version: pkg.version ?? '0.0.0',
  informationUri: 'https://cryptpeer.com/website-security/',
} as const;
