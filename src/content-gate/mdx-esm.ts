import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { EstreeProgram } from 'satteri';
import { messages } from './messages.ts';

export interface EsmResult {
  /** `line` is 0-based within the ESM block. */
  problems: { line: number; message: string }[];
  /** Local names of the allowed component imports. */
  components: string[];
}

/**
 * MDX runs its `import`/`export` lines in the build process, with the build's secrets in reach
 * (`export const x = process.env.…`, `import fs from 'node:fs'`). Content may only import trusted
 * components, by default import, from a relative path that resolves inside `componentsDir`.
 */
export function checkEsm(
  program: EstreeProgram | null,
  value: string,
  file: string | undefined,
  componentsDir: string,
): EsmResult {
  const result: EsmResult = { problems: [], components: [] };
  if (!program) return { ...result, problems: [{ line: 0, message: messages.unparsableEsm() }] };
  // estree offsets count UTF-8 bytes.
  const bytes = Buffer.from(value, 'utf8');
  const lineAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').split('\n').length - 1;
  for (const statement of program.body) {
    const report = (message: string) => result.problems.push({ line: lineAt(startOf(statement)), message });
    if (statement.type !== 'ImportDeclaration') {
      report(statement.type.startsWith('Export') ? messages.exportStatement() : messages.statement());
      continue;
    }
    const specifier = String(statement.source.value);
    const [only, ...others] = statement.specifiers;
    if (!isComponentPath(specifier, file, componentsDir)) report(messages.importSource(specifier));
    else if (only?.type !== 'ImportDefaultSpecifier' || others.length > 0 || hasModifiers(statement)) {
      report(messages.importForm(specifier));
    } else result.components.push(only.local.name);
  }
  return result;
}

/** `./` or `../` paths only: no package, alias, query (`?raw`), encoding or absolute path. */
function isComponentPath(specifier: string, file: string | undefined, componentsDir: string): boolean {
  if (!file || !/^\.\.?\//.test(specifier) || /[?#%\\\0]/.test(specifier)) return false;
  const inside = relative(componentsDir, resolve(dirname(file), specifier));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** Import attributes (`with { type: 'json' }`) and phases (`import source`, `import defer`). */
function hasModifiers(statement: object): boolean {
  const { attributes, phase } = statement as { attributes?: unknown[]; phase?: unknown };
  return (attributes?.length ?? 0) > 0 || (phase !== null && phase !== undefined);
}

function startOf(node: object): number {
  const { start } = node as { start?: unknown };
  return typeof start === 'number' ? start : 0;
}
