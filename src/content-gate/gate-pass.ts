import type { Element } from 'hast';
import type {
  EstreeProgram,
  HastNode,
  HastPluginDefinition,
  HastVisitorContext,
  MdxJsxFlowElementHast,
  MdxJsxTextElementHast,
} from 'satteri';
import { checkElement, checkHastElement } from './check-element.ts';
import { messages } from './messages.ts';
import { isCommentOnly } from './mdx-expression.ts';
import { checkEsm } from './mdx-esm.ts';
import { checkJsx } from './mdx-jsx.ts';
import { ContentGateError, type Problem } from './problems.ts';
import { scanRawHtml } from './raw-html.ts';

export interface GateDocument {
  /** Absolute path of the content file, when the pipeline knows it. */
  file: string | undefined;
  /** How messages name the file: `content/releases/en/2.4.0.md`. */
  label: string;
  /** Parser line + lineOffset = line in the file on disk. */
  lineOffset: number;
  componentsDir: string;
  /** Parser line of each code block, in order (see code-lines.ts). */
  codeLines: number[];
}

/**
 * The checks for one document, as a satteri hast plugin: it runs after Markdown became hast and
 * before MDX becomes JavaScript, so nothing of the file has been compiled or run. It collects every
 * problem and throws once, in `after`, so an author sees the whole list in one build.
 */
export function createGatePass(document: GateDocument): HastPluginDefinition {
  const problems: Problem[] = [];
  const imported = new Set<string>();
  const used: { name: string; line: number | undefined }[] = [];
  let pres = 0;
  let preLine: number | undefined; // of the <pre> visited last: the walk is in document order
  const lineOf = (node: Readonly<HastNode>, ctx: HastVisitorContext): number | undefined => {
    // Nodes the pipeline made (Prism's spans, the footnotes section) have no position: use the
    // nearest ancestor that has one, or the code block's. No line beats a wrong one (the root's).
    for (let at: Readonly<HastNode> | undefined = node; at && at.type !== 'root'; at = ctx.parent(at)) {
      const line = at.position?.start.line ?? (at.type === 'element' && at.tagName === 'pre' ? preLine : undefined);
      if (line !== undefined) return line + document.lineOffset;
    }
    return undefined;
  };
  const element = (node: Readonly<Element>, ctx: HastVisitorContext) => {
    if (node.tagName === 'pre') preLine = document.codeLines[pres++];
    report(lineOf(node, ctx), checkHastElement(node));
  };
  const report = (line: number | undefined, found: readonly string[]) => {
    for (const message of found) problems.push({ line, message });
  };
  // Any code in `{…}` runs when the page renders; only MDX comments (`{/* … */}`) pass.
  const expression = (value: string, program: EstreeProgram | null, line: number | undefined) => {
    const empty = program === null || program.body.length === 0;
    if (!empty || !isCommentOnly(value)) report(line, [messages.expression(value)]);
  };
  const jsx = (node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, line: number | undefined) => {
    const result = checkJsx(node.name, node.attributes);
    report(line, result.problems);
    if (result.component) used.push({ name: result.component, line });
  };
  return {
    name: 'content-gate',
    options: { position: true },
    element: { filter: [], visit: element },
    raw(node, ctx) {
      const line = lineOf(node, ctx) ?? 1;
      const scan = scanRawHtml(node.value);
      if (!scan.terminated) report(line, [messages.unterminatedHtml()]);
      for (const tag of scan.tags) report(line + tag.line - 1, checkElement(tag.tagName, tag.attributes));
    },
    mdxjsEsm(node, ctx) {
      const line = lineOf(node, ctx) ?? 1;
      const result = checkEsm(node.parseExpression(), node.value, document.file, document.componentsDir);
      for (const problem of result.problems) report(line + problem.line, [problem.message]);
      for (const name of result.components) imported.add(name);
    },
    mdxFlowExpression: (node, ctx) => expression(node.value, node.parseExpression(), lineOf(node, ctx)),
    mdxTextExpression: (node, ctx) => expression(node.value, node.parseExpression(), lineOf(node, ctx)),
    mdxJsxFlowElement: { filter: [], visit: (node, ctx) => jsx(node, lineOf(node, ctx)) },
    mdxJsxTextElement: { filter: [], visit: (node, ctx) => jsx(node, lineOf(node, ctx)) },
    after() {
      for (const { name, line } of used) if (!imported.has(name)) report(line, [messages.component(name)]);
      if (problems.length > 0) throw new ContentGateError(document.label, problems);
    },
  };
}
