// Parser-differential markup in a Markdown page: the content gate must read raw HTML as a browser
// does (after the Markdown pipeline's own HTML parse) and refuse the handler or `javascript:` link
// the wrapper hides, or the wrapper element itself, naming the content file and line.
import { describe, test } from 'node:test';
import { CASE_TIMEOUT_MS, expectRefused, lineOf, project, writePage } from './fixture-build.ts';
import { PARSER_TRICKS } from './parser-tricks.ts';

describe('the content gate sees through parser differentials in Markdown', { concurrency: 2 }, () => {
  for (const trick of PARSER_TRICKS) {
    test(`refuses ${trick.name} in a .md page`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      const { file, text } = writePage(temp, trick.markup, 'md');
      const key = trick.wrapper ? new RegExp(`${trick.payload.source}|${trick.wrapper.source}`) : trick.payload;
      await expectRefused(t, temp, { file, line: lineOf(text, trick.markup), key });
    });
  }
});
