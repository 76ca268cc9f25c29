import { htmlContentType, type HeadersManifest } from '../manifest/index.ts';
import { escapeRegex, extensionsByType, GENERATED_NOTICE, groupRoutesByCsp, quoted, routeForms } from './shared.ts';

/**
 * `cryptpeer.conf` for Apache httpd 2.4 (mod_headers, mod_mime, mod_ssl): include it inside the
 * HTTPS VirtualHost whose DocumentRoot is the built dist/ folder.
 */
export function emitApache(manifest: HeadersManifest): string {
  const common = Object.entries(manifest.common).map(([name, value]) => `Header always set ${name} ${quoted(value)}`);
  const types = extensionsByType(manifest).map(
    ({ type, extensions }) => `AddType ${quoted(type)} ${extensions.join(' ')}`,
  );
  const routes = groupRoutesByCsp(manifest).map(({ csp, routes: list }) => {
    const forms = list
      .flatMap(routeForms)
      .map((r) => `'${r}'`)
      .join(', ');
    return `<If "%{REQUEST_URI} in { ${forms} }">\n    Header always set Content-Security-Policy ${quoted(csp)}\n</If>`;
  });
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
AddDefaultCharset utf-8
AddType ${quoted(htmlContentType(manifest))} .html
${types.join('\n')}
${byName.join('\n')}
ErrorDocument 404 ${manifest.notFound}
${manifest.forbidden.map((p) => `RedirectMatch 404 ^${escapeRegex(p)}$`).join('\n')}

${common.join('\n')}
Header always unset X-Powered-By
Header always set Content-Security-Policy ${quoted(manifest.assets.csp.inert)}
Header always set Cache-Control ${quoted(manifest.cacheControl.revalidate)}
${immutable.join('\n')}
${routes.join('\n')}
`;
}

/** Server-wide lines (httpd.conf level): hide the version in `Server` and error pages. */
export const APACHE_GLOBAL = 'ServerTokens Prod\nServerSignature Off\nTraceEnable Off\n';
