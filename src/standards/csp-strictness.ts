// The one standard of what makes a Content-Security-Policy weak, called by the build's verify step
// (on every route of the headers manifest) and by the audit (on every page it fetches), so the site
// cannot pass the build with a policy the audit would flag, nor the reverse. It depends on nothing
// of the project: the audit's rule table gives each id its severity and help text.
export type CspPolicy = ReadonlyMap<string, readonly string[]>;

export interface StrictnessOptions {
  /**
   * Origins (`https://cdn.example`, lower case) a reviewed configuration allows to serve scripts,
   * each file pinned by its hash: the build passes its own allow-list; the audit passes none.
   */
  readonly reviewedHosts?: readonly string[];
}

/** The directives that decide which code runs and which styles apply. */
const CODE_DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
];

const BARE_SCHEME = /^[a-z][a-z0-9+.-]*:$/i;
/** A keyword (`'self'`), a nonce or a hash: everything quoted. */
const QUOTED = /^'.*'$/;
const HASH_OR_NONCE = /^'(nonce-|sha256-|sha384-|sha512-)/i;

/** `directive lists X` for each code directive whose sources match. */
function inCodeDirectives(policy: CspPolicy, match: (source: string) => boolean, what: string): string | undefined {
  const hits = CODE_DIRECTIVES.flatMap((name) => {
    const bad = (policy.get(name) ?? []).filter(match);
    return bad.length > 0 ? [`${name} ${what} ${bad.join(' ')}`] : [];
  });
  return hits.length > 0 ? hits.join('; ') : undefined;
}

const keyword = (word: string) => (source: string) => source.toLowerCase() === word;

/**
 * A source list that only names the page itself or exact HTTPS origins: `'none'`, `'self'`,
 * `https://partner.example`. Wildcards, bare schemes, plain-HTTP hosts and keywords such as
 * `'unsafe-inline'` make it unrestricted.
 */
export function isRestrictedSourceList(sources: readonly string[]): boolean {
  if (sources.length === 0) return false;
  const lower = sources.map((s) => s.toLowerCase());
  // `'none'` next to other sources is ignored by browsers: judge the others.
  const rest = lower.filter((s) => s !== "'none'");
  if (rest.length === 0) return true;
  return rest.every((s) => s === "'self'" || (/^https:\/\/[^*/]+(\/[^*]*)?$/.test(s) && !s.includes('*')));
}

function restricted(policy: CspPolicy, directive: string): string | undefined {
  const sources = policy.get(directive);
  if (!sources) return `no ${directive} directive (it has no default-src fallback)`;
  return isRestrictedSourceList(sources) ? undefined : `${directive} is ${sources.join(' ') || '(empty)'}`;
}

function exactlyNone(policy: CspPolicy, name: string, missing: string): string | undefined {
  const sources = policy.get(name);
  if (!sources) return missing;
  return sources.length === 1 && sources[0]?.toLowerCase() === "'none'"
    ? undefined
    : `${name} is ${sources.join(' ') || '(empty)'}`;
}

/**
 * Script sources that name hosts (other than `'self'`): any file those hosts serve can run, which
 * is how JSONP endpoints and old library copies on CDNs bypass a policy. With `'strict-dynamic'`,
 * CSP 3 browsers ignore host sources, so the list is then harmless.
 */
function hostAllowList(policy: CspPolicy, reviewed: readonly string[]): string | undefined {
  // The lists that decide script loading: script-src-elem, else script-src, else default-src.
  const chains = [
    ['script-src-elem', 'script-src', 'default-src'],
    ['script-src', 'default-src'],
  ];
  const deciding = new Set(chains.flatMap((chain) => chain.find((name) => policy.has(name)) ?? []));
  const hits = [...deciding].flatMap((directive) => {
    const sources = policy.get(directive) ?? [];
    if (sources.some(keyword("'strict-dynamic'"))) return [];
    // Wildcard hosts are csp-wildcard's finding.
    const hosts = sources.filter(
      (s) => !QUOTED.test(s) && !BARE_SCHEME.test(s) && !s.includes('*') && !reviewed.includes(s.toLowerCase()),
    );
    const pinned = sources.some((s) => HASH_OR_NONCE.test(s));
    return hosts.length > 0
      ? [`${directive} allows code from ${hosts.join(' ')}${pinned ? ' next to its hashes or nonces' : ''}`]
      : [];
  });
  return hits.length > 0 ? hits.join('; ') : undefined;
}

/** A plain-HTTP or plain-WebSocket source in any directive: whatever it loads can be changed in transit. */
function insecureSource(policy: CspPolicy): string | undefined {
  const hits = [...policy].flatMap(([name, sources]) => {
    const bad = sources.filter((s) => /^(http|ws):/i.test(s));
    return bad.length > 0 ? [`${name} allows ${bad.join(' ')}`] : [];
  });
  return hits.length > 0 ? hits.join('; ') : undefined;
}

export const CSP_STRICTNESS = [
  { id: 'csp-unsafe-inline', test: (p: CspPolicy) => inCodeDirectives(p, keyword("'unsafe-inline'"), 'allows') },
  { id: 'csp-unsafe-eval', test: (p: CspPolicy) => inCodeDirectives(p, keyword("'unsafe-eval'"), 'allows') },
  { id: 'csp-unsafe-hashes', test: (p: CspPolicy) => inCodeDirectives(p, keyword("'unsafe-hashes'"), 'allows') },
  {
    id: 'csp-wildcard',
    test: (p: CspPolicy) => inCodeDirectives(p, (s) => s.includes('*'), 'has the wildcard source'),
  },
  {
    id: 'csp-bare-scheme',
    test: (p: CspPolicy) => inCodeDirectives(p, (s) => BARE_SCHEME.test(s), 'allows the whole scheme'),
  },
  { id: 'csp-host-allowlist', test: (p: CspPolicy, o: StrictnessOptions) => hostAllowList(p, o.reviewedHosts ?? []) },
  { id: 'csp-insecure-source', test: insecureSource },
  { id: 'csp-default-src', test: (p: CspPolicy) => exactlyNone(p, 'default-src', 'no default-src directive') },
  {
    id: 'csp-object-src',
    test: (p: CspPolicy) =>
      exactlyNone(p, p.has('object-src') ? 'object-src' : 'default-src', 'neither object-src nor default-src is set'),
  },
  { id: 'csp-base-uri', test: (p: CspPolicy) => restricted(p, 'base-uri') },
  { id: 'csp-frame-ancestors', test: (p: CspPolicy) => restricted(p, 'frame-ancestors') },
  { id: 'csp-form-action', test: (p: CspPolicy) => restricted(p, 'form-action') },
  {
    id: 'csp-trusted-types',
    test: (p: CspPolicy) =>
      (p.get('require-trusted-types-for') ?? []).some(keyword("'script'"))
        ? undefined
        : "no require-trusted-types-for 'script'",
  },
  {
    id: 'csp-trusted-types-wildcard',
    test: (p: CspPolicy) => {
      const names = p.get('trusted-types') ?? [];
      return names.includes('*') ? `trusted-types allows any policy name (${names.join(' ')})` : undefined;
    },
  },
] as const satisfies readonly {
  id: string;
  test: (policy: CspPolicy, options: StrictnessOptions) => string | undefined;
}[];

export type CspStrictnessId = (typeof CSP_STRICTNESS)[number]['id'];

/** Every weakness of one policy, by id, in the standard's order. */
export function cspWeaknesses(
  policy: CspPolicy,
  options: StrictnessOptions = {},
): { id: CspStrictnessId; problem: string }[] {
  return CSP_STRICTNESS.flatMap(({ id, test }) => {
    const problem = test(policy, options);
    return problem === undefined ? [] : [{ id, problem }];
  });
}
