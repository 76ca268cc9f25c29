// Parser-differential markup in a public/*.html file, which no content gate reads: the verify step
// parses every page as a browser does (parse5, scripting on) and must find the handler or the
// `javascript:` link the wrapper hides, naming the public/ file and line.
import { describe, test } from 'node:test';
import { CASE_TIMEOUT_MS, expectRefused, lineOf, project, publicHtml, writePublic } from './fixture-build.ts';
import { PARSER_TRICKS } from './parser-tricks.ts';

describe('verify sees through parser differentials in public/*.html', { concurrency: 2 }, () => {
  for (const trick of PARSER_TRICKS) {
    test(`refuses ${trick.name} in public/evil.html`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      const text = publicHtml(trick.markup);
      writePublic(temp, 'evil.html', text);
      await expectRefused(t, temp, { file: 'public/evil.html', line: lineOf(text, trick.markup), key: trick.payload });
    });
  }
});
