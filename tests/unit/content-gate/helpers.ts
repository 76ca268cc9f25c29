// Runs documents through the processors Astro itself uses (@astrojs/markdown-satteri's `.md` and
// `.mdx` renderers, Prism on), with the gate plugged in as astro.config.mjs plugs it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { ContentGateError, createContentGate } from '../../../src/content-gate/index.ts';

/** A throw-away project root: messages name files relative to it. */
export const ROOT = mkdtempSync(join(tmpdir(), 'content-gate-'));
process.on('exit', () => rmSync(ROOT, { recursive: true, force: true }));

const processor = satteri(createContentGate({ root: ROOT }));
const shared = { syntaxHighlight: 'prism' } as const;
const markdown = processor.createRenderer(shared);
const mdx = processor.createMdxRenderer?.(shared, { optimize: false });

/** Three lines of front matter, as every real page has: lines in messages must count them. */
export const FRONT = '---\ntitle: Test\nupdated: 2026-11-20\n---\n';

/** Astro blanks the front matter (same lines, spaces) before it parses a file. */
function blankFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---/, (block) => block.replace(/[^\n]/g, ' '));
}

/** Writes `text` at `path` under ROOT, renders it as Astro would, and returns the HTML or JS. */
export async function render(path: string, text: string): Promise<string> {
  const file = join(ROOT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const content = blankFrontMatter(text);
  if (path.endsWith('.mdx')) {
    assert.ok(mdx, 'the satteri processor renders MDX');
    return (await (await mdx).process(content, file, {})).code;
  }
  return (await (await markdown).render(content, { fileURL: pathToFileURL(file) })).code;
}

/** The lines of the gate's error for `text` at `path`, or [] when the gate let it through. */
export async function refusals(path: string, text: string): Promise<string[]> {
  try {
    await render(path, text);
    return [];
  } catch (error) {
    assert.ok(error instanceof ContentGateError, `expected a ContentGateError, got ${String(error)}`);
    return error.message.split('\n');
  }
}
