import type { MdastPluginDefinition } from 'satteri';

/**
 * The highlighter replaces each code block's `<pre>` with one built from an HTML string, without
 * a position, and it interpolates the fence's language unescaped: "```a"onmouseover="…" yields
 * `<pre onmouseover="…">`. The gate catches that after the highlighter, and needs this list, taken
 * before it (one entry per code block, in order, as each becomes one `<pre>`), to name the line.
 */
export function createCodeLines(lines: number[]): MdastPluginDefinition {
  return {
    name: 'content-gate-code-lines',
    options: { position: true },
    code(node) {
      lines.push(node.position?.start.line ?? 0);
    },
  };
}
