import type { Capability } from './options.ts';
import { SEARCH_IMPORT_MAP } from '../search/import-map.ts';

/**
 * What a route may carry beyond a content page, declared here in reviewed code. A route gets a
 * declaration only from the project's own `<RouteDeclaration>` component (sealed, see
 * declaration-seal.ts); every other route (every content page, every HTML file from public/) may
 * carry no `<script>`, no `<style>`, no form and no extra CSP capability at all, and the build fails
 * on any it finds, whatever its hash. The build never allow-lists what it finds in a page.
 */
export interface RouteDeclaration {
  /** Why the route needs it: read by whoever reviews a change here. */
  reason: string;
  /** Extra CSP capabilities (`'wasm-unsafe-eval'`, `worker-src 'self'`). */
  capabilities: readonly Capability[];
  /** The route may load module scripts that this build bundled into `/_astro/` (never a public/ file). */
  modules: boolean;
  /** Exact texts of the inline import maps the route's components render (before harden adds SRI). */
  importMaps: readonly string[];
  /** Exact texts of other inline scripts and styles its components render (none today: keep it so). */
  inlineScripts: readonly string[];
  inlineStyles: readonly string[];
  /** The route may carry a `<form>` (the CSP still sends `form-action 'none'`). */
  forms: boolean;
  /**
   * The harden step preloads Pagefind's index metadata for the page's `<html lang>`: a file whose
   * hashed name exists only after the Pagefind step, so no component can write the link.
   */
  pagefindMeta: boolean;
}

export const ROUTE_DECLARATIONS = {
  search: {
    reason: "Pagefind runs in the page: its WebAssembly and same-origin fetches of the language's index",
    capabilities: ['wasm'],
    modules: true,
    importMaps: [SEARCH_IMPORT_MAP],
    inlineScripts: [],
    inlineStyles: [],
    forms: true,
    pagefindMeta: true,
  },
} as const satisfies Record<string, RouteDeclaration>;

export type DeclarationName = keyof typeof ROUTE_DECLARATIONS;

/** The declaration of a route with none: a content page. */
export const CONTENT_ROUTE: RouteDeclaration = {
  reason: 'content page: text, links, images and the site stylesheet only',
  capabilities: [],
  modules: false,
  importMaps: [],
  inlineScripts: [],
  inlineStyles: [],
  forms: false,
  pagefindMeta: false,
};

export type DeclarationRegistry = Readonly<Record<string, RouteDeclaration>>;

/** The declaration registered under `name` (none: a content route), or undefined when unknown. */
export function getRouteDeclaration(
  name: string | undefined,
  registry: DeclarationRegistry = ROUTE_DECLARATIONS,
): RouteDeclaration | undefined {
  if (name === undefined) return CONTENT_ROUTE;
  return Object.hasOwn(registry, name) ? registry[name] : undefined;
}
