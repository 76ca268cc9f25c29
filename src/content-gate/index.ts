import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Data, HastPluginEntry, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { createCodeLines } from './code-lines.ts';
import { createGatePass, type GateDocument } from './gate-pass.ts';
import { getLineOffset } from './source-lines.ts';

export { ContentGateError, type Problem } from './problems.ts';
export { messages } from './messages.ts';

export interface ContentGateOptions {
  /** The project root: messages name files relative to it, and its src/ is trusted code. */
  root: string | URL;
}

/**
 * The content-layer gate, satteri plugins for `markdown.processor` (`satteri(createContentGate(…))`:
 * the `.md` renderer and, through `@astrojs/mdx`, the `.mdx` one). Content is untrusted input: a
 * document with unsafe markup or MDX code fails to compile, naming the file and line of every
 * problem. Documents under src/ are code, reviewed as code, and skip the gate; every other
 * document, including one with no file, is content.
 */
export function createContentGate(options: ContentGateOptions): {
  mdastPlugins: MdastPluginEntry[];
  hastPlugins: HastPluginEntry[];
} {
  const root = typeof options.root === 'string' ? options.root : fileURLToPath(options.root);
  const trusted = join(root, 'src') + sep;
  const componentsDir = join(root, 'src', 'components', 'content');
  // One state per document, shared by its two plugins: both factories get the document's data bag.
  const documents = new WeakMap<Data, GateDocument | null>();
  const documentOf = (factory: PluginFactoryContext): GateDocument | null => {
    if (documents.has(factory.data)) return documents.get(factory.data) ?? null;
    // A Vite id may carry a query (`x.mdx?astro…`): the file is the part before it.
    const file = factory.fileURL ? fileURLToPath(factory.fileURL).replace(/\?.*$/s, '') : undefined;
    const label = file ? relative(root, file).split(sep).join('/') : '<content>';
    const lineOffset = getLineOffset(file, factory.source);
    const state = file?.startsWith(trusted) ? null : { file, label, lineOffset, componentsDir, codeLines: [] };
    documents.set(factory.data, state);
    return state;
  };
  return {
    mdastPlugins: [
      (factory) => {
        const state = documentOf(factory);
        return state && createCodeLines(state.codeLines);
      },
    ],
    hastPlugins: [
      (factory) => {
        const state = documentOf(factory);
        return state && createGatePass(state);
      },
    ],
  };
}
