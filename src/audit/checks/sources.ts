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
