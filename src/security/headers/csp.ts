import { createRequire } from 'node:module';
import type { Capability, SecurityOptions } from '../options.ts';
import type { Reason } from './header.ts';

// helmet-csp publishes a CommonJS entry only ("exports": { "require" }): load it through require.
type CspMiddleware = (
  req: unknown,
  res: { setHeader(name: string, value: string): void },
  next: (err?: Error) => void,
) => void;
const { default: contentSecurityPolicy } = createRequire(import.meta.url)('helmet-csp') as {
  default: (options: { useDefaults: false; directives: Record<string, string[]> }) => CspMiddleware;
};

/** Why the CSP is sent, for the website-security page (its value varies per response class). */
export const contentSecurityPolicyReason: Reason = {
  en: 'Only what this page was built with may load or run: no inline code unless its hash is listed, no other origin, no framing, no plugin, and DOM sinks refuse strings (Trusted Types).',
  fr: 'Seul ce avec quoi la page a été construite peut se charger ou s’exécuter : pas de code en ligne sans son empreinte, aucune autre origine, aucun encadrement, aucun plugin, et les points d’injection du DOM refusent les chaînes (Trusted Types).',
};

/** What one route loads, as the harden step found it in the built HTML. */
export interface RouteNeeds {
  /** Hash sources (without quotes) of inline scripts and of script files with SRI. @example sha256-abc= */
  scriptHashes: readonly string[];
  /** Hash sources of inline `<style>` elements. */
  styleHashes: readonly string[];
  /** The route loads same-origin module scripts, which may import further modules. */
  scriptFiles: boolean;
  styleFiles: boolean;
  images: boolean;
  fonts: boolean;
  manifest: boolean;
  /** Extra capabilities the page asked for and the policy allows. */
  capabilities: readonly Capability[];
  /** Allow-listed cross-origin script/style origins. */
  externalScriptOrigins?: readonly string[];
  externalStyleOrigins?: readonly string[];
}

export const EMPTY_NEEDS: RouteNeeds = {
  scriptHashes: [],
  styleHashes: [],
  scriptFiles: false,
  styleFiles: false,
  images: false,
  fonts: false,
  manifest: false,
  capabilities: [],
};

/** Directives a `<meta>` CSP cannot carry; browsers ignore them there and log an error. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

type Directives = Record<string, string[]>;

const q = (keyword: string) => `'${keyword}'`;
const orNone = (sources: string[]) => (sources.length > 0 ? sources : [q('none')]);

/** The directives for one route, narrowest first: everything not listed falls back to `default-src 'none'`. */
export function getCspDirectives(options: Pick<SecurityOptions, 'csp'>, needs: RouteNeeds): Directives {
  const has = (c: Capability) => needs.capabilities.includes(c);
  const script = [
    ...needs.scriptHashes.map(q),
    ...(needs.externalScriptOrigins ?? []),
    // Modules a hashed script imports (and the worker it starts) are trusted through it, not by URL.
    ...(needs.scriptFiles ? [q('strict-dynamic')] : []),
    ...(has('wasm') ? [q('wasm-unsafe-eval')] : []),
  ];
  const style = [
    ...(needs.styleFiles ? [q('self')] : []),
    ...(needs.externalStyleOrigins ?? []),
    ...needs.styleHashes.map(q),
  ];
  const directives: Directives = {
    'default-src': [q('none')],
    'script-src': orNone(script),
    'style-src': orNone(style),
  };
  if (needs.images) directives['img-src'] = [q('self')];
  if (needs.fonts) directives['font-src'] = [q('self')];
  // Same origin only, on every page. A page without script cannot use it (fetch, XHR, WebSocket,
  // EventSource and beacons are script APIs), so it opens nothing; without it the directive falls
  // back to 'none' and refuses tools that fetch from inside the page, such as Lighthouse reading
  // /robots.txt. The search page's Pagefind fetches its index under it.
  directives['connect-src'] = [q('self')];
  if (has('worker')) directives['worker-src'] = [q('self')];
  if (needs.manifest) directives['manifest-src'] = [q('self')];
  Object.assign(directives, {
    'object-src': [q('none')],
    'base-uri': [q('none')],
    'form-action': [q('none')],
    'frame-ancestors': [q('none')],
    'upgrade-insecure-requests': [],
    // DOM sinks (innerHTML, eval-like) refuse strings; no policy may be created to bypass that.
    'require-trusted-types-for': [q('script')],
    'trusted-types': [q('none')],
  });
  if (options.csp.reportUri) directives['report-uri'] = [options.csp.reportUri];
  if (options.csp.reportTo) directives['report-to'] = [options.csp.reportTo];
  return directives;
}

/**
 * Serialises directives through helmet-csp, which validates names and values (unquoted keywords,
 * `;` or `,` injection, duplicates) and throws with the directive named.
 */
export function serializeCsp(directives: Directives): string {
  let value: string | undefined;
  let failure: Error | undefined;
  let middleware: CspMiddleware;
  try {
    // helmet-csp validates when the middleware is created: that is where a bad value throws.
    middleware = contentSecurityPolicy({ useDefaults: false, directives });
  } catch (error) {
    throw new Error(`Content-Security-Policy: ${(error as Error).message}`, { cause: error });
  }
  const response = {
    setHeader(_name: string, header: string) {
      value = header;
    },
  };
  middleware({}, response, (err?: Error) => {
    failure = err;
  });
  if (failure) throw new Error(`Content-Security-Policy: ${failure.message}`, { cause: failure });
  if (value === undefined) throw new Error('Content-Security-Policy: helmet-csp produced no header');
  return value.replaceAll(';', '; ');
}

/** The route's `Content-Security-Policy` header value. */
export function getContentSecurityPolicy(options: Pick<SecurityOptions, 'csp'>, needs: RouteNeeds): string {
  return serializeCsp(getCspDirectives(options, needs));
}

/** The same policy for a `<meta http-equiv>` tag: identical but for the header-only directives. */
export function getMetaContentSecurityPolicy(options: Pick<SecurityOptions, 'csp'>, needs: RouteNeeds): string {
  const directives = Object.entries(getCspDirectives(options, needs)).filter(
    ([name]) => !(HEADER_ONLY_DIRECTIVES as readonly string[]).includes(name),
  );
  return serializeCsp(Object.fromEntries(directives));
}

/**
 * CSP for non-HTML responses: nothing may run or load, and nothing may frame them (an SVG or a
 * JSON file opened directly stays inert). Search runs Pagefind in the page (`noWorker`), so no
 * worker script needs a policy of its own; a route that one day starts a worker declares it.
 */
export function getAssetContentSecurityPolicy(): string {
  return serializeCsp({ 'default-src': [q('none')], 'frame-ancestors': [q('none')], sandbox: [] });
}
