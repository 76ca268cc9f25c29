import assert from 'node:assert/strict';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function get(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const key = Object.keys(source).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : source[key];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Asserts each expected header: a string must match exactly, `null` means the header must be absent.
 * Names are case-insensitive, as in HTTP.
 */
export function expectHeaders(actual: HeaderSource, expected: Record<string, string | null>, context = ''): void {
  for (const [name, value] of Object.entries(expected)) {
    const got = get(actual, name);
    if (value === null) assert.equal(got, undefined, `${context}${name} must be absent, got ${JSON.stringify(got)}`);
    else assert.equal(got, value, `${context}${name}`);
  }
}
