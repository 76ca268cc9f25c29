import type { HeadersManifest } from '../manifest/index.ts';
import { GENERATED_NOTICE, routeForms } from './shared.ts';

/** A `_headers` value must stay on its line: a newline would start a new rule. */
function line(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`emitter: _headers: ${name} value contains a line break`);
  return `  ${name}: ${value}`;
}

/**
 * Netlify / Cloudflare Pages `_headers`. Both merge every matching rule and join repeated headers
 * with commas, which would turn two CSPs into one stricter union: so the CSP is only ever set by
 * rules that cannot overlap (one per route, plus hashed assets).
 */
export function emitHeadersFile(manifest: HeadersManifest): string {
  const lines = [`# ${GENERATED_NOTICE}`, '/*'];
  for (const [name, value] of Object.entries(manifest.common)) lines.push(line(name, value));
  for (const prefix of manifest.cacheControl.immutablePrefixes) {
    lines.push(
      `${prefix}*`,
      line('Cache-Control', manifest.cacheControl.immutable),
      line('Content-Security-Policy', manifest.assets.csp.inert),
    );
  }
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    for (const form of routeForms(route)) {
      lines.push(form, line('Content-Security-Policy', csp), line('Cache-Control', manifest.cacheControl.revalidate));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `vercel.json`: later rules override earlier ones for the same header, so specific rules come last. */
export function emitVercel(manifest: HeadersManifest): string {
  const toList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
  const escapePath = (path: string) => path.replace(/[()[\]{}?+*:\\]/g, '\\$&');
  const rules = [
    {
      source: '/(.*)',
      headers: toList({
        ...manifest.common,
        'Content-Security-Policy': manifest.assets.csp.inert,
        'Cache-Control': manifest.cacheControl.revalidate,
      }),
    },
    ...manifest.cacheControl.immutablePrefixes.map((p) => ({
      source: `${escapePath(p)}(.*)`,
      headers: toList({ 'Cache-Control': manifest.cacheControl.immutable }),
    })),
    ...Object.entries(manifest.routes).flatMap(([route, { csp }]) =>
      routeForms(route).map((form) => ({
        source: escapePath(form),
        headers: toList({ 'Content-Security-Policy': csp }),
      })),
    ),
  ];
  return `${JSON.stringify({ cleanUrls: false, trailingSlash: true, headers: rules }, null, 2)}\n`;
}
