// Standards-level helper (CSP Level 3 syntax), shared by the build's verify step and the audit so
// both read a policy the same way; it depends on nothing of the project.
/** Parses a CSP header value into directive name → source list (lower-cased names, order kept). */
export function parseCsp(value: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** The sources that apply to `directive`, following CSP fallbacks (script-src-elem → script-src → default-src). */
export function effectiveSources(
  csp: ReadonlyMap<string, readonly string[]>,
  directive: string,
): readonly string[] | undefined {
  const chain: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
    'script-src': ['script-src', 'default-src'],
    'style-src': ['style-src', 'default-src'],
  };
  for (const name of chain[directive] ?? [directive, 'default-src']) {
    const sources = csp.get(name);
    if (sources) return sources;
  }
  return undefined;
}
