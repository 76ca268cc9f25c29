import { readFileSync } from 'node:fs';

/**
 * Lines to add to a parser line to get the line in the file on disk. Astro does not always parse
 * the file as written: for `.md` content it parses the body without its front matter and trimmed
 * (lines shift by the front matter and the blank lines after it); for `.mdx` it blanks the front
 * matter with spaces (no shift). The parsed text, less its leading whitespace, ends the file, so
 * its last occurrence in the file says where it starts. An unreadable file gives 0.
 */
export function getLineOffset(file: string | undefined, parsed: string): number {
  if (!file) return 0;
  let original: string;
  try {
    original = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return 0;
  }
  const body = parsed.trimStart();
  const at = original.lastIndexOf(body);
  if (at < 0 || body === '') return 0;
  return countLines(original.slice(0, at)) - countLines(parsed.slice(0, parsed.length - body.length));
}

function countLines(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines += 1;
  return lines;
}
