import assert from 'node:assert/strict';

/** Header names a Node server adds on its own (connection management, date, framing). */
export const TRANSPORT_HEADERS = ['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding'] as const;

export interface ExpectHeadersOptions {
  /** Also fail on any header present in `actual` but not named in `expected` (names in `ignore` excepted). */
  exact?: boolean;
  /** Lower-case names left out of the `exact` comparison. */
  ignore?: readonly string[];
  /** Prefix for the failure message, e.g. the server and the path. */
  context?: string;
}

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Lower-cased name → value; repeated values joined with `, ` as the Fetch standard does. */
function toMap(actual: HeaderSource): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? value : `${previous}, ${value}`);
  };
  if (actual instanceof Headers) {
    for (const [name, value] of actual) add(name, value);
    return map;
  }
  for (const [name, value] of Object.entries(actual)) {
    if (value === undefined) continue;
    add(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  return map;
}

/**
 * Compares response headers with an expectation, names compared case-insensitively.
 * An expected value of `null` means the header must be absent.
 */
export function expectHeaders(
  actual: HeaderSource,
  expected: Readonly<Record<string, string | null>>,
  options: ExpectHeadersOptions = {},
): void {
  const got = toMap(actual);
  const wanted = new Map(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
  const problems: string[] = [];
  for (const [name, value] of wanted) {
    const value_ = got.get(name);
    if (value === null) {
      if (value_ !== undefined) problems.push(`${name}: expected absent, got ${JSON.stringify(value_)}`);
    } else if (value_ === undefined) {
      problems.push(`${name}: missing, expected ${JSON.stringify(value)}`);
    } else if (value_ !== value) {
      problems.push(`${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(value_)}`);
    }
  }
  if (options.exact) {
    const ignored = new Set((options.ignore ?? []).map((n) => n.toLowerCase()));
    for (const [name, value] of got) {
      if (!wanted.has(name) && !ignored.has(name)) problems.push(`${name}: unexpected header ${JSON.stringify(value)}`);
    }
  }
  assert.deepEqual(problems, [], `${options.context ?? ''}headers differ:\n  ${problems.join('\n  ')}`);
}
