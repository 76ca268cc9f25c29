import type { Finding } from '../report/types.ts';
import { finding } from './finding.ts';

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
    return [finding('manifest-drift', url, message, { header: name, expected: value, actual })];
  });
}
