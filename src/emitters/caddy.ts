import {
  htmlContentType,
  PAGE_PATH_PATTERN,
  policyClasses,
  routeRegex,
  type HeadersManifest,
} from '../manifest/index.ts';
import { escapeRegex, extensionsByType, GENERATED_NOTICE, quoted, quotedPattern, siblingPattern } from './shared.ts';

/**
 * `cryptpeer-headers.caddy`: imported in the site block and again in handle_errors, so a 404 page
 * carries the same headers as any page. Per-path values come from `map` on the request path, whose
 * entries Caddy tries in order: the CSP map is written by policy class (src/manifest/classes.ts),
 * exception routes first, so its length and lookup cost do not grow with the page count.
 */
export function emitCaddyHeaders(manifest: HeadersManifest): string {
  const classes = policyClasses(manifest);
  const csp = [
    ...classes.exceptions.flatMap(({ csp: value, routes }) =>
      routes.map((route) => `\t${quotedPattern(`~${routeRegex(route)}`)} ${quoted(value)}`),
    ),
    `\t${quotedPattern(`~${PAGE_PATH_PATTERN}`)} ${quoted(classes.page)}`,
  ];
  const types: string[] = [];
  for (const { type, extensions } of extensionsByType(manifest)) {
    types.push(`\t~(?i)(${extensions.map(escapeRegex).join('|')})$ ${quoted(type)}`);
  }
  for (const [name, type] of Object.entries(manifest.assets.contentTypesByName))
    types.push(`\t~/${escapeRegex(name)}$ ${quoted(type)}`);
  const cache = manifest.cacheControl.immutablePrefixes.map(
    (p) => `\t~^${escapeRegex(p)} ${quoted(manifest.cacheControl.immutable)}`,
  );
  const common = Object.entries(manifest.common).map(([name, value]) => `\t${name} ${quoted(value)}`);
  return `# ${GENERATED_NOTICE}
map {path} {cryptpeer_csp} {
${csp.join('\n')}
\tdefault ${quoted(classes.inert)}
}
map {path} {cryptpeer_type} {
\t~${PAGE_PATH_PATTERN} ${quoted(htmlContentType(manifest))}
${types.join('\n')}
\tdefault ${quoted(manifest.assets.defaultContentType)}
}
map {path} {cryptpeer_cache} {
${cache.join('\n')}
\tdefault ${quoted(manifest.cacheControl.revalidate)}
}
header {
\t-Server
${common.join('\n')}
\tContent-Security-Policy {cryptpeer_csp}
\tContent-Type {cryptpeer_type}
\tCache-Control {cryptpeer_cache}
}
`;
}

/**
 * A complete Caddyfile: automatic HTTPS for the site's host, the site served from
 * /srv/cryptpeer/dist, host-only files refused, 404s with full headers.
 *
 * Caddy answers a request whose Host matches no site block with an empty 200 and no headers at
 * all. So the site block also takes every other Host over HTTPS (`https://`, a catch-all that
 * adds no certificate: an unknown TLS server name still fails the handshake), as nginx's and
 * Apache's default server do; and plain HTTP, whatever its Host, redirects to the canonical
 * origin, never to the client's Host.
 */
export function emitCaddyfile(
  manifest: HeadersManifest,
  site = new URL(manifest.origin).hostname,
  root = '/srv/cryptpeer/dist',
  globals = '',
): string {
  const forbidden =
    manifest.forbidden.length > 0 ? `\t@hostonly path ${manifest.forbidden.join(' ')}\n\terror @hostonly 404\n` : '';
  const { allowedSites, navigation } = manifest.resourceIsolation;
  // Fetch Metadata: another site's request that is not a navigation is refused (403). A CEL
  // expression, so the three headers and the method are read in one place, as the manifest says.
  const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
  const crossSite = `\t@crosssite expression \`{header.Sec-Fetch-Site} != "" && !({header.Sec-Fetch-Site} in ${list(allowedSites)}) && !({header.Sec-Fetch-Mode} == ${JSON.stringify(navigation.mode)} && {method} in ${list(navigation.methods)} && !({header.Sec-Fetch-Dest} in ${list(navigation.refusedDestinations)}))\`
\terror @crosssite 403
`;
  // The manifest's methods only; dot files (.well-known/ aside) are never served. Caddy's file_server follows
  // symlinks and has no switch for it: verify refuses any symlink in dist/ at build time.
  const methods = `\t@methods not method ${manifest.methods.join(' ')}\n\terror @methods 405\n`;
  const dotfiles = `\t@dotfiles {\n\t\tpath_regexp /\\.\n\t\tnot path /.well-known/*\n\t}\n\terror @dotfiles 404\n`;
  // The build's precompressed siblings are sent by Accept-Encoding, never by name.
  const siblings = `\t@siblings path_regexp ${siblingPattern(manifest)}\n\terror @siblings 404\n`;
  const fileServer = `file_server {\n\t\tprecompressed ${manifest.precompressed.encodings.map((e) => e.encoding).join(' ')}\n\t}`;
  return `# ${GENERATED_NOTICE}
{
\t# no admin API listening on localhost:2019: this server only serves files
\tadmin off
${globals}}

${site}, https:// {
\troot * ${root}
\timport cryptpeer-headers.caddy
${methods}${crossSite}${forbidden}${dotfiles}${siblings}\t${fileServer}
\thandle_errors {
\t\trewrite * ${manifest.notFound}
\t\timport cryptpeer-headers.caddy
\t\t${fileServer.replaceAll('\n', '\n\t')}
\t}
}

http:// {
\tredir ${manifest.origin}{uri} 301
}
`;
}
