import { PAGE_PATH_PATTERN, policyClasses, routeRegex, type HeadersManifest } from '../manifest/index.ts';
import { escapeRegex, GENERATED_NOTICE, quoted, quotedPattern, siblingPattern } from './shared.ts';

/** Headers that vary by path; every other header is the same on every response. */
const VARYING = new Set(['Content-Security-Policy', 'Cache-Control', 'Content-Type']);

/**
 * `cryptpeer-http.conf` (http context): per-path values computed with `map $uri`, by policy class
 * (src/manifest/classes.ts): the few exception routes, then every HTML path, then the inert default.
 * Regex keys only, because nginx compares plain string keys ignoring case (`/EVIL.HTML` would get the
 * policy of `/evil.html`); `~` regexes are case-sensitive and tried in the order written.
 */
export function emitNginxHttp(manifest: HeadersManifest): string {
  const classes = policyClasses(manifest);
  const csp = [
    ...classes.exceptions.flatMap(({ csp: value, routes }) =>
      routes.map((route) => `    ${quotedPattern(`~${routeRegex(route)}`)} ${quoted(value)};`),
    ),
    `    ${quotedPattern(`~${PAGE_PATH_PATTERN}`)} ${quoted(classes.page)};`,
  ];
  const cache = manifest.cacheControl.immutablePrefixes.map(
    (p) => `    ~^${escapeRegex(p)} ${quoted(manifest.cacheControl.immutable)};`,
  );
  return `# ${GENERATED_NOTICE}
# Include inside http { }. $uri is the path after index resolution (/fr/ becomes /fr/index.html).
map $uri $cryptpeer_csp {
    default ${quoted(classes.inert)};
${csp.join('\n')}
}

${resourceIsolationMap(manifest)}

map $uri $cryptpeer_cache_control {
    default ${quoted(manifest.cacheControl.revalidate)};
${cache.join('\n')}
}

${oncePerResponseMaps(manifest)}
`;
}

/**
 * Fetch Metadata resource isolation: 1 when the request must be refused. The key joins
 * Sec-Fetch-Site, -Mode, -Dest and the method; an absent Sec-Fetch-Site (not a browser) passes.
 */
function resourceIsolationMap(manifest: HeadersManifest): string {
  const { allowedSites, navigation } = manifest.resourceIsolation;
  const sites = ['', ...allowedSites].map(escapeRegex).join('|');
  const refused = navigation.refusedDestinations.map(escapeRegex).join('|');
  return `map "$http_sec_fetch_site:$http_sec_fetch_mode:$http_sec_fetch_dest:$request_method" $cryptpeer_cross_site {
    default 1;
    "~*^(${sites}):" 0;
    "~*^[^:]*:${escapeRegex(navigation.mode)}:(?!(${refused}):)[^:]*:(${navigation.methods.map(escapeRegex).join('|')})$" 0;
}`;
}

/** Maps each Content-Type of the manifest to nginx `types` + `charset_types`, so the header is exact. */
function typesBlock(manifest: HeadersManifest): string {
  const byMime = new Map<string, string[]>();
  const charsetTypes = new Set<string>();
  for (const [ext, type] of Object.entries(manifest.assets.contentTypes)) {
    const [mime = '', param] = type.split(';').map((s) => s.trim());
    if (param === 'charset=utf-8') charsetTypes.add(mime);
    byMime.set(mime, [...(byMime.get(mime) ?? []), ext.slice(1)]);
  }
  const lines = [...byMime].map(([mime, exts]) => `    ${mime} ${[...new Set(exts)].join(' ')};`);
  return `types {
${lines.join('\n')}
}
default_type ${manifest.assets.defaultContentType};
charset utf-8;
charset_types ${[...charsetTypes].sort().join(' ')};`;
}

/** `cryptpeer-server.conf` (server context): types, headers, 404 page and refused host-only files. */
export function emitNginxServer(manifest: HeadersManifest): string {
  const byName = Object.entries(manifest.assets.contentTypesByName).map(
    ([name, type]) => `location ~ /${escapeRegex(name)}$ {
    types { }
    default_type ${quoted(type.split(';')[0] ?? type)};
    include cryptpeer-headers.conf;
}`,
  );
  const forbidden = manifest.forbidden.map((path) => `location = ${path} { return 404; }`);
  return `# ${GENERATED_NOTICE}
# Include inside server { } after setting root to the built dist/ folder.
# No version in the Server header, relative redirects (/fr → /fr/), no directory listings.
server_tokens off;
absolute_redirect off;
autoindex off;
# Also at server level: nginx answers a malformed request (400), a too-long URI (414) or an unknown
# protocol version (505) before choosing a location, with the server's own add_header only.
include cryptpeer-headers.conf;
# No disable_symlinks: with it on, Debian's brotli_static module stops finding the .br siblings
# (every response falls back to gzip; reported upstream as google/ngx_brotli#134). Symlinks in
# dist/ are refused by the build's tree check instead.
${typesBlock(manifest)}
error_page 404 ${manifest.notFound};

# The build's precompressed siblings (index.html.br, index.html.gz), chosen by Accept-Encoding.
# brotli_static needs Debian's libnginx-mod-http-brotli-static (loaded from modules-enabled/).
gzip_static on;
brotli_static on;
gzip_vary on;

# Files present in dist/ for static hosts only, and the siblings by name: never served.
${forbidden.join('\n')}
location ~ ${siblingPattern(manifest)} { return 404; }
location ~ /\\.(?!well-known/) { return 404; }

${byName.join('\n')}

location / {
    try_files $uri $uri/ =404;
    include cryptpeer-headers.conf;
}
`;
}

/** `$cryptpeer_h_x_frame_options` for `X-Frame-Options`: the per-response variable holding its value. */
function headerVariable(name: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`emitter: header name cannot be an nginx variable: ${name}`);
  return `$cryptpeer_h_${name.toLowerCase().replaceAll('-', '_')}`;
}

/** Every header the include adds, name → value (a literal, or the map variable of a varying header). */
function addedHeaders(manifest: HeadersManifest): [string, string][] {
  return [
    ...Object.entries(manifest.common)
      .filter(([name]) => !VARYING.has(name))
      .map(([name, value]): [string, string] => [name, quoted(value)]),
    ['Content-Security-Policy', '$cryptpeer_csp'],
    ['Cache-Control', '$cryptpeer_cache_control'],
  ];
}

/**
 * One volatile map per header: its value, or nothing on a 416. nginx's range filter turns a 200
 * into a 416 after add_header has run, and the 416 is then sent through add_header again: without
 * this every header would be there twice, which makes structured headers such as
 * \`Cross-Origin-Opener-Policy: same-origin, same-origin\` invalid. \`volatile\`: evaluated on each
 * pass, so the first (status 200) adds the headers and the second (416) adds none.
 */
function oncePerResponseMaps(manifest: HeadersManifest): string {
  return addedHeaders(manifest)
    .map(
      ([name, value]) => `map $status ${headerVariable(name)} {
    volatile;
    "416" "";
    default ${value};
}`,
    )
    .join('\n');
}

/**
 * \`cryptpeer-headers.conf\`: the full header set, included at server level (errors nginx answers
 * before choosing a location) and in every location (nginx drops server-level add_header in any
 * location that has its own). \`always\` keeps the headers on errors and redirects.
 */
export function emitNginxHeaders(manifest: HeadersManifest): string {
  const headers = addedHeaders(manifest).map(([name]) => `add_header ${name} ${headerVariable(name)} always;`);
  return `# ${GENERATED_NOTICE}
${headers.join('\n')}
# Only ${manifest.methods.join(' and ')}; refused here (not by nginx's own 405), so the answer carries the headers above.
if ($request_method !~ ^(${manifest.methods.join('|')})$) { return 405; }
# Cross-site requests other than navigations: refused here, so the 403 carries the headers above.
if ($cryptpeer_cross_site) { return 403; }
`;
}

/**
 * A complete example: HTTP redirected to HTTPS, TLS 1.2/1.3 only, the site served from /srv/cryptpeer/dist.
 * Replace the server name, certificate paths and root; keep the includes.
 */
export function emitNginxExample(manifest: HeadersManifest): string {
  const host = new URL(manifest.origin).hostname;
  return `# ${GENERATED_NOTICE}
# Example nginx.conf for ${host}. Copy the four cryptpeer-*.conf files next to it.
# Debian's modules (brotli_static among them: libnginx-mod-http-brotli-static).
include /etc/nginx/modules-enabled/*.conf;
worker_processes auto;
events { worker_connections 1024; }

http {
    include cryptpeer-http.conf;
    sendfile on;
    access_log off;

    # Plain HTTP only redirects; HSTS then keeps browsers on HTTPS.
    server {
        listen 80;
        listen [::]:80;
        server_name ${host};
        server_tokens off;
        # The canonical host, never the client's Host header (which would redirect anywhere).
        return 301 https://${host}$request_uri;
    }

    server {
        # "listen … http2" works on Debian 12's nginx 1.22; nginx ≥ 1.25.1 prefers "http2 on;".
        listen 443 ssl http2;
        listen [::]:443 ssl http2;
        server_name ${host};
        ssl_certificate /etc/ssl/certs/${host}.pem;
        ssl_certificate_key /etc/ssl/private/${host}.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_prefer_server_ciphers off;
        ssl_session_tickets off;

        root /srv/cryptpeer/dist;
        include cryptpeer-server.conf;
    }
}
`;
}
