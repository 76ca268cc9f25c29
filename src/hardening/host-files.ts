/**
 * Names that a static host reads as configuration or code instead of serving them as files. A copy
 * of one in public/ (author input) would let an author set headers (a weaker CSP), redirect or
 * proxy routes, password-protect or expose paths, or run code on every request: all of which the
 * project decides in src/security/ and src/emitters/, never in a file an author drops in.
 *
 * Sources: Cloudflare Pages (advanced mode `_worker.js`, Functions `functions/`, `_routes.json`,
 * `_headers`, `_redirects`), Netlify (`_headers`, `_redirects`, `netlify.toml`), Vercel
 * (`vercel.json`, zero-config functions in `api/`), GitHub Pages (`.nojekyll`, `CNAME`), Azure
 * Static Web Apps (`staticwebapp.config.json`, read from any folder of the app), Apache
 * (`.htaccess`, `.htpasswd`, read in every folder) and IIS / Azure App Service (`web.config`, read
 * in every folder). Names compare case-insensitively: IIS and Windows hosts do.
 */
export interface HostFile {
  /** What the host makes of it, after "is": `a Netlify / Cloudflare Pages redirect and proxy rules file`. */
  readonly what: string;
  /** Only at the top of the site does the host look for it (elsewhere the name is ordinary). */
  readonly topLevelOnly?: true;
  /** Only a folder of that name counts (a file `functions` is just a file). */
  readonly folderOnly?: true;
}

const HOST_FILES: ReadonlyMap<string, HostFile> = new Map<string, HostFile>([
  ['_worker.js', { what: 'a Cloudflare Pages worker (advanced mode: code run on every request)' }],
  ['_worker.mjs', { what: 'a Cloudflare Pages worker module (code run on every request)' }],
  ['_routes.json', { what: 'a Cloudflare Pages Functions routing file' }],
  ['_headers', { what: 'a Netlify / Cloudflare Pages header rules file' }],
  ['_redirects', { what: 'a Netlify / Cloudflare Pages redirect and proxy rules file' }],
  ['netlify.toml', { what: 'a Netlify configuration file (headers, redirects, functions)' }],
  ['vercel.json', { what: 'a Vercel configuration file (headers, rewrites, functions)' }],
  ['staticwebapp.config.json', { what: 'an Azure Static Web Apps configuration file (routes, headers, auth)' }],
  ['.htaccess', { what: 'an Apache per-folder configuration file (headers, rewrites, handlers)' }],
  ['.htpasswd', { what: 'an Apache password file' }],
  ['web.config', { what: 'an IIS / Azure App Service configuration file (headers, rewrites, handlers)' }],
  ['.nojekyll', { what: 'a GitHub Pages switch that turns Jekyll off' }],
  ['cname', { what: 'a GitHub Pages custom-domain file', topLevelOnly: true }],
  [
    'functions',
    {
      what: 'a Cloudflare Pages Functions folder (code run on matching requests)',
      topLevelOnly: true,
      folderOnly: true,
    },
  ],
  [
    'api',
    {
      what: 'a Vercel serverless functions folder (code run on matching requests)',
      topLevelOnly: true,
      folderOnly: true,
    },
  ],
]);

/** The host file this entry would be, or undefined when the host serves it as an ordinary file. */
export function getHostFile(name: string, depth: number, isFolder: boolean): HostFile | undefined {
  const hit = HOST_FILES.get(name.toLowerCase());
  if (!hit || (hit.topLevelOnly && depth > 0) || (hit.folderOnly && !isFolder)) return undefined;
  return hit;
}
