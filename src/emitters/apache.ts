import {
  htmlContentType,
  PAGE_PATH_PATTERN,
  policyClasses,
  routeRegex,
  type HeadersManifest,
} from '../manifest/index.ts';
import { escapeRegex, extensionsByType, GENERATED_NOTICE, quoted, siblingPattern } from './shared.ts';

/**
 * The build's precompressed siblings, by Accept-Encoding (mod_rewrite): the request for `/x.css`
 * is mapped to `x.css.br` when the client accepts br and the file exists; mod_mime then takes the
 * type from `.css` and the encoding from `.br`. Asked for by name, a sibling is refused.
 */
function precompressedBlock(manifest: HeadersManifest): string {
  const extensions = manifest.precompressed.extensions.map((e) => escapeRegex(e.slice(1))).join('|');
  const suffixes = manifest.precompressed.encodings.map((e) => e.suffix).join(' ');
  const rules = manifest.precompressed.encodings.map(
    ({ encoding, suffix }) => `RewriteCond "%{HTTP:Accept-Encoding}" "\\b${escapeRegex(encoding)}\\b"
RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}${suffix}" -f
RewriteRule "^(.+\\.(?:${extensions}))$" "$1${suffix}" [L]`,
  );
  return `RemoveType ${suffixes}
${manifest.precompressed.encodings.map(({ encoding, suffix }) => `AddEncoding ${encoding} ${suffix}`).join('\n')}
RewriteEngine On
RewriteCond "%{REQUEST_METHOD}" "!^(${manifest.methods.join('|')})$"
RewriteRule ^ - [R=405,L]
${resourceIsolationBlock(manifest)}
RewriteRule "${siblingPattern(manifest)}" - [R=404,L]
${rules.join('\n')}
Header always merge Vary Accept-Encoding "expr=%{REQUEST_FILENAME} =~ m#\\.(${extensions})(${manifest.precompressed.encodings.map((e) => escapeRegex(e.suffix)).join('|')})?$#"`;
}

/** Fetch Metadata: another site's request that is not a navigation is refused (403). */
function resourceIsolationBlock(manifest: HeadersManifest): string {
  const { allowedSites, navigation } = manifest.resourceIsolation;
  const refused = navigation.refusedDestinations.map(escapeRegex).join('|');
  return `RewriteCond "%{HTTP:Sec-Fetch-Site}" "!^$"
RewriteCond "%{HTTP:Sec-Fetch-Site}" "!^(${allowedSites.map(escapeRegex).join('|')})$" [NC]
RewriteCond "%{HTTP:Sec-Fetch-Mode}|%{REQUEST_METHOD}|%{HTTP:Sec-Fetch-Dest}" "!^${escapeRegex(navigation.mode)}\\|(${navigation.methods.join('|')})\\|(?!(${refused})$)" [NC]
RewriteRule ^ - [F]`;
}

/**
 * `cryptpeer.conf` for Apache httpd 2.4 (mod_headers, mod_mime, mod_rewrite, mod_ssl): include it
 * inside the HTTPS VirtualHost whose DocumentRoot is the built dist/ folder.
 */
export function emitApache(manifest: HeadersManifest): string {
  const common = Object.entries(manifest.common).map(([name, value]) => `Header always set ${name} ${quoted(value)}`);
  const types = extensionsByType(manifest).map(
    ({ type, extensions }) => `AddType ${quoted(type)} ${extensions.join(' ')}`,
  );
  // By policy class (src/manifest/classes.ts): the inert CSP set above, replaced on every HTML path,
  // then on the few exception routes (a later <If> wins), so the file does not grow with the pages.
  const classes = policyClasses(manifest);
  const cspIf = (regex: string, csp: string) =>
    `<If "%{REQUEST_URI} =~ m#${regex}#">\n    Header always set Content-Security-Policy ${quoted(csp)}\n</If>`;
  const routes = [
    cspIf(PAGE_PATH_PATTERN, classes.page),
    ...classes.exceptions.flatMap(({ csp, routes: list }) => list.map((route) => cspIf(routeRegex(route), csp))),
  ];
  const immutable = manifest.cacheControl.immutablePrefixes.map(
    (p) =>
      `<If "%{REQUEST_URI} =~ m#^${escapeRegex(p)}#">\n    Header always set Cache-Control ${quoted(manifest.cacheControl.immutable)}\n</If>`,
  );
  const byName = Object.entries(manifest.assets.contentTypesByName).map(
    ([name, type]) => `<Files "${name}">\n    ForceType ${quoted(type)}\n</Files>`,
  );
  return `# ${GENERATED_NOTICE}
ServerSignature Off
Options -Indexes -MultiViews
# No .htaccess can change these headers, no symlink is followed, no dot file (.well-known/ aside) is
# served; only GET and HEAD are answered (mod_rewrite, below).
<Directory />
    AllowOverride None
    Options -FollowSymLinks -SymLinksIfOwnerMatch
</Directory>
RedirectMatch 404 "/\\.(?!well-known/)"
AddDefaultCharset utf-8
AddType ${quoted(htmlContentType(manifest))} .html
${types.join('\n')}
${byName.join('\n')}
ErrorDocument 404 ${manifest.notFound}
${manifest.forbidden.map((p) => `RedirectMatch 404 ^${escapeRegex(p)}$`).join('\n')}
${precompressedBlock(manifest)}

${common.join('\n')}
Header always unset X-Powered-By
Header always set Content-Security-Policy ${quoted(classes.inert)}
Header always set Cache-Control ${quoted(manifest.cacheControl.revalidate)}
${immutable.join('\n')}
${routes.join('\n')}
`;
}

/** Server-wide lines (httpd.conf level): hide the version in `Server` and error pages. */
export const APACHE_GLOBAL = 'ServerTokens Prod\nServerSignature Off\nTraceEnable Off\n';
