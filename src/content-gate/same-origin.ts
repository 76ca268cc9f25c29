/** Any origin will do: only "is the result still on it" matters, and nothing is fetched. */
const BASE = new URL('https://content-gate.invalid/section/page/');

/**
 * True for a relative reference that stays on the page's origin (`x.png`, `../x.png`, `/img/x.png`).
 * Asks the WHATWG URL parser, the one browsers use, rather than a pattern: it strips tabs and
 * newlines, reads `\` as `/` and sees that `//evil.example/x`, `/\evil.example/x` and
 * `\t//evil.example/x` load from another origin. An absolute URL is refused even when it names this
 * origin: a resource must be a path, so no placeholder host can be smuggled in.
 */
export function isSameOriginReference(url: string): boolean {
  if (URL.canParse(url)) return false;
  const resolved = URL.parse(url, BASE);
  return resolved !== null && resolved.origin === BASE.origin;
}

/**
 * hast-util-sanitize accepts RegExps as value allow-lists and calls `test(value)` on them; this one
 * answers with the URL parser, so the schema — not hand-written code around it — decides which
 * resource URLs are allowed.
 */
export class SameOriginReference extends RegExp {
  constructor() {
    super('(?:)');
  }

  override test(value: string): boolean {
    return isSameOriginReference(value);
  }
}
