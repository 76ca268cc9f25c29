import type { HeadersManifest } from './schema.ts';

/**
 * The manifest's routes as policy classes, the shape every server config is written in: one page
 * CSP for any HTML path, the few routes whose CSP differs, and the inert CSP for everything else.
 * Configs then grow with the number of distinct policies, not with the number of pages, and a
 * server's lookup cost stays the same at 64 or 10,000 pages.
 *
 * This is exact, not an approximation: the build makes every `*.html` file of dist/ a route (the
 * harden step processes each one), so "ends in .html or /" names exactly the route forms that
 * exist, and any other existing file is an asset. Paths are compared case-sensitively, as the
 * file system does: `/EVIL.HTML` is not a route and gets the inert CSP.
 */
export interface PolicyClasses {
  /** The CSP of every HTML path that is not an exception (the most common route CSP). */
  page: string;
  /** Routes whose CSP is not `page`, grouped by CSP, each matched by its exact URL forms. */
  exceptions: { csp: string; routes: string[] }[];
  /** The CSP of every other path. */
  inert: string;
}

/** The classes of `manifest`; the page class is the most frequent CSP (ties: the smallest string). */
export function policyClasses(manifest: HeadersManifest): PolicyClasses {
  const byCsp = new Map<string, string[]>();
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    // Appended in place: copying the list per route made this quadratic (0.15 s per emitter at 10,000 pages).
    const routes = byCsp.get(csp);
    if (routes) routes.push(route);
    else byCsp.set(csp, [route]);
  }
  const ranked = [...byCsp].sort(([a, ra], [b, rb]) => rb.length - ra.length || (a < b ? -1 : a > b ? 1 : 0));
  const page = ranked[0]?.[0] ?? manifest.assets.csp.inert;
  const exceptions = ranked
    .slice(1)
    .map(([csp, routes]) => ({ csp, routes: routes.sort() }))
    .sort((a, b) => ((a.routes[0] ?? '') < (b.routes[0] ?? '') ? -1 : 1));
  return { page, exceptions, inert: manifest.assets.csp.inert };
}

/** Every URL form a route answers to: `/fr/` and `/fr/index.html`. */
export function routeForms(route: string): string[] {
  return route.endsWith('/') ? [route, `${route}index.html`] : [route];
}

/**
 * The paths the page class covers, as the regex (no delimiters) every server config writes: a
 * directory or an `.html` file, case-sensitive.
 */
export const PAGE_PATH_PATTERN = '(/|\\.html)$';

/** True for a path the page class covers (`PAGE_PATH_PATTERN`). */
export function isPagePath(urlPath: string): boolean {
  return new RegExp(PAGE_PATH_PATTERN).test(urlPath);
}

/**
 * The CSP the emitted configs give `urlPath`: the rule every emitter writes in its own syntax, and
 * the one the emitter tests hold each config to.
 */
export function classCspOf(classes: PolicyClasses, urlPath: string): string {
  for (const { csp, routes } of classes.exceptions) if (routes.some((r) => routeForms(r).includes(urlPath))) return csp;
  return isPagePath(urlPath) ? classes.page : classes.inert;
}

/**
 * A regex (no delimiters) matching exactly the URL forms of `route`. Route paths come from file
 * names, so a character a server regex or config quoting could misread is refused, not escaped.
 */
export function routeRegex(route: string): string {
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(route)) {
    throw new Error(`emitter: route ${JSON.stringify(route)} has a character server configs cannot match safely`);
  }
  const escaped = route.replace(/[.]/g, '\\.');
  return route.endsWith('/') ? `^${escaped}(index\\.html)?$` : `^${escaped}$`;
}
