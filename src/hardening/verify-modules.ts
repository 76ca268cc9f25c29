import { ImportType, init, parse } from 'es-module-lexer';
import type { DistFiles } from './dist-files.ts';
import { sourceOf, type BuildTrust } from './trust.ts';

const MODULE_FILE = /\.m?js$/;

/** Bare specifiers the reviewed import maps define (`pagefind-runtime`). */
function declaredSpecifiers(trust: BuildTrust): Set<string> {
  const names = new Set<string>();
  for (const declaration of Object.values(trust.declarations)) {
    for (const text of declaration.importMaps) {
      const map = JSON.parse(text) as { imports?: Record<string, string> };
      for (const name of Object.keys(map.imports ?? {})) names.add(name);
    }
  }
  return names;
}

/**
 * Every static and dynamic import of every JavaScript file in dist/, read with es-module-lexer (the
 * lexer Vite itself uses): a bundle may import only files this build emitted, or a bare name that a
 * declared import map resolves. `<script src="https://cdn…">` in an `.astro` page becomes such an
 * import of a third-party URL, which SRI on the bundle would not cover.
 */
export async function verifyModules(files: readonly string[], dist: DistFiles, trust: BuildTrust): Promise<string[]> {
  await init;
  const bare = declaredSpecifiers(trust);
  const problems: string[] = [];
  for (const file of files.filter((f) => MODULE_FILE.test(f))) {
    const source = sourceOf(file, trust);
    const code = dist.read(`/${file}`)?.toString('utf8') ?? '';
    let imports;
    try {
      [imports] = parse(code, file);
    } catch (error) {
      problems.push(`${source}: cannot be read as JavaScript (${(error as Error).message})`);
      continue;
    }
    for (const entry of imports) {
      if (entry.t === ImportType.ImportMeta) continue;
      const specifier = entry.n;
      if (specifier === undefined) {
        problems.push(`${source}: import() of a computed URL (${code.slice(entry.ss, entry.se).slice(0, 80)})`);
        continue;
      }
      if (bare.has(specifier)) continue;
      let url: URL;
      try {
        url = new URL(specifier, `https://build.invalid/${file}`);
      } catch {
        problems.push(`${source}: imports "${specifier}", which no declared import map defines`);
        continue;
      }
      const isPath = /^(\.{0,2}\/)(?!\/)/.test(specifier);
      if (!isPath || url.origin !== 'https://build.invalid') {
        problems.push(`${source}: imports ${specifier} (another origin, or a name no declared import map defines)`);
      } else if (trust.publicFiles.has(url.pathname) || !dist.read(url.pathname)) {
        problems.push(`${source}: imports ${url.pathname}, which is not a module this build emitted`);
      }
    }
  }
  return problems;
}
