import { policyClasses, routeForms, type HeadersManifest } from '../manifest/index.ts';
import { GENERATED_NOTICE } from './shared.ts';

/** A `_headers` value must stay on its line: a newline would start a new rule. */
function line(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`emitter: _headers: ${name} value contains a line break`);
  return `  ${name}: ${value}`;
}

/** The number of rules Cloudflare Pages documents as the most a `_headers` file may hold. */
export const HEADERS_FILE_RULE_LIMIT = 100;
/** The characters Cloudflare Pages documents as the most one `_headers` line may hold, indent included. */
export const HEADERS_FILE_LINE_LIMIT = 2000;

/**
 * Netlify / Cloudflare Pages `_headers`. Both merge every matching rule and join repeated headers
 * with commas, which would turn two CSPs into one stricter union (the search page would lose its
 * scripts under a page-wide `/*.html` rule). So, unlike the server configs, this file cannot be
 * written by policy class: the CSP is only set by rules that cannot overlap (one per route form,
 * plus hashed assets), and it grows with the page count. Other assets and the 404 page get no CSP
 * header here (each page still carries its CSP as a `<meta>`). The README says what this costs.
 */
export function emitHeadersFile(manifest: HeadersManifest): string {
  const rules = headersFileRules(manifest);
  const notes = headersFileWarnings(manifest).map((warning) => `# ${warning}`);
  return `${[`# ${GENERATED_NOTICE}`, ...notes, ...rules.flat()].join('\n')}\n`;
}

/**
 * What a Cloudflare Pages deploy of `_headers` would not apply: more rules, or longer lines (a CSP
 * with many hashes), than it documents. Not errors: the other hosts and the servers are unaffected.
 */
export function headersFileWarnings(manifest: HeadersManifest): string[] {
  const rules = headersFileRules(manifest);
  const warnings: string[] = [];
  if (rules.length > HEADERS_FILE_RULE_LIMIT)
    warnings.push(
      `${rules.length} rules: over the ${HEADERS_FILE_RULE_LIMIT} Cloudflare Pages documents; the common headers come first.`,
    );
  const long = rules.flat().filter((l) => l.length > HEADERS_FILE_LINE_LIMIT);
  if (long.length > 0)
    warnings.push(
      `${long.length} line(s) over the ${HEADERS_FILE_LINE_LIMIT} characters Cloudflare Pages documents (longest ${Math.max(...long.map((l) => l.length))}, ${long[0]?.trim().split(':')[0]}).`,
    );
  return warnings;
}

/** How many rules `emitHeadersFile` writes (one per URL pattern). */
export function headersFileRuleCount(manifest: HeadersManifest): number {
  return headersFileRules(manifest).length;
}

/** The rules of `_headers`, each its path line then its header lines. */
function headersFileRules(manifest: HeadersManifest): string[][] {
  const rules: string[][] = [['/*', ...Object.entries(manifest.common).map(([name, value]) => line(name, value))]];
  for (const prefix of manifest.cacheControl.immutablePrefixes) {
    rules.push([
      `${prefix}*`,
      line('Cache-Control', manifest.cacheControl.immutable),
      line('Content-Security-Policy', manifest.assets.csp.inert),
    ]);
  }
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    for (const form of routeForms(route)) {
      rules.push([form, line('Content-Security-Policy', csp), line('Cache-Control', manifest.cacheControl.revalidate)]);
    }
  }
  return rules;
}

/**
 * `vercel.json`: later rules override earlier ones for the same header, so the rules go from broad
 * to specific, by policy class (src/manifest/classes.ts): everything inert, then every HTML path,
 * then each exception route. The file does not grow with the page count.
 */
export function emitVercel(manifest: HeadersManifest): string {
  const toList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
  const escapePath = (path: string) => path.replace(/[()[\]{}?+*:\\]/g, '\\$&');
  const classes = policyClasses(manifest);
  const csp = (value: string) => toList({ 'Content-Security-Policy': value });
  const rules = [
    {
      source: '/(.*)',
      headers: toList({
        ...manifest.common,
        'Content-Security-Policy': classes.inert,
        'Cache-Control': manifest.cacheControl.revalidate,
      }),
    },
    ...manifest.cacheControl.immutablePrefixes.map((p) => ({
      source: `${escapePath(p)}(.*)`,
      headers: toList({ 'Cache-Control': manifest.cacheControl.immutable }),
    })),
    ...['/', '/(.*)/', '/(.*)\\.html'].map((source) => ({ source, headers: csp(classes.page) })),
    ...classes.exceptions.flatMap(({ csp: value, routes }) =>
      routes.flatMap(routeForms).map((form) => ({ source: escapePath(form), headers: csp(value) })),
    ),
  ];
  return `${JSON.stringify({ cleanUrls: false, trailingSlash: true, headers: rules }, null, 2)}\n`;
}
