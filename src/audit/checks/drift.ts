import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';

/** `--expect`: every header the manifest names, sent with exactly its value. */
export const DRIFT_RULES = defineRules([
  {
    id: 'manifest-drift',
    severity: 'high',
    scope: 'page',
    title: 'Header differs from the headers manifest',
    help: 'Only with `--expect <manifest.json>`: each header `resolveHeaders(manifest, path)` gives for the page (and for each same-origin script and stylesheet fetched) must be present with exactly that value. Headers the manifest does not name are not compared. Fix the server config (regenerate it from the build) rather than the manifest.',
    reference: 'https://cryptpeer.com/website-security/',
  },
] as const);

/** `--expect`: what the headers manifest gives each path (its `resolveHeaders`), and its 404 page. */
export interface ExpectedHeaders {
  /** The path whose headers a 404 answer must carry. */
  notFound: string;
  headersFor: (path: string) => Readonly<Record<string, string>>;
}

/**
 * Exact comparison with the headers manifest: every header it names must be sent with exactly its
 * value. Extra headers (Date, ETag, Server…) are not compared; `Server` versions have their own rule.
 * `subject` names what was fetched when it is not the page itself (a stylesheet of the page).
 */
export function checkDrift(
  url: string,
  headers: Headers,
  expected: Readonly<Record<string, string>>,
  subject = '',
): Finding[] {
  const prefix = subject ? `${subject}: ` : '';
  return Object.entries(expected).flatMap(([name, value]) => {
    const actual = headers.get(name);
    if (actual === value) return [];
    const message =
      actual === null
        ? `${prefix}${name} is absent; the manifest expects ${JSON.stringify(value)}`
        : `${prefix}${name} is ${JSON.stringify(actual)}; the manifest expects ${JSON.stringify(value)}`;
    return [DRIFT_RULES.finding('manifest-drift', url, message, { header: name, expected: value, actual })];
  });
}
