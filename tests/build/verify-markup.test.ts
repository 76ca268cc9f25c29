// What only the post-build steps see: HTML and SVG files copied from public/ (author input that no
// content gate reads) and the JavaScript the project's own components bundle. harden / verify must
// refuse each, naming the public/ file and line (or the emitted bundle).
import { describe, test } from 'node:test';
import { CASE_TIMEOUT_MS, expectRefused, lineOf, project, publicHtml, writePublic } from './fixture-build.ts';

interface HtmlCase {
  name: string;
  markup: string;
  /** Where the refused construct starts in `markup` (default: all of it). */
  needle?: string;
  key: RegExp;
}

const htmlCases: readonly HtmlCase[] = [
  { name: 'an inline <script>', markup: '<script>alert(1)</script>', key: /inline <script> is not declared/ },
  { name: 'an inline <style>', markup: '<style>body { display: none }</style>', key: /inline <style> is not declared/ },
  {
    name: 'a <meta http-equiv="refresh"> to another origin',
    markup: '<meta http-equiv="refresh" content="0;url=https://other.example">',
    key: /<meta http-equiv="refresh">/,
  },
  {
    name: 'a <meta name="referrer" content="unsafe-url">',
    markup: '<meta name="referrer" content="unsafe-url">',
    key: /<meta name="referrer">/,
  },
  {
    name: 'an <a referrerpolicy="unsafe-url">',
    markup: '<a href="/legal/" referrerpolicy="unsafe-url">legal</a>',
    key: /referrerpolicy="unsafe-url"/,
  },
  {
    name: 'a <meta name="csp-capabilities" content="wasm connect">',
    markup: '<meta name="csp-capabilities" content="wasm connect">',
    key: /<meta name="csp-capabilities">/,
  },
  {
    name: 'a forged <meta name="cryptpeer-route" content="search" data-seal=…>',
    markup: `<meta name="cryptpeer-route" content="search" data-seal="${'ab'.repeat(32)}">`,
    key: /no valid seal/,
  },
  {
    name: 'a third-party <img src>',
    markup: '<img src="https://other.example/x.png" alt="x">',
    key: /https:\/\/other\.example\/x\.png from another origin/,
  },
  {
    // The line of the element in a multi-line file, not of its parent.
    name: 'an onclick handler on the third line of a <div>',
    needle: '<button',
    markup: '<div>\n<p>fine</p>\n<button type="button" onclick="alert(1)">x</button>\n</div>',
    key: /inline event handler onclick= on <button>/,
  },
];

describe('harden and verify refuse what public/ and bundles carry', { concurrency: 2 }, () => {
  for (const c of htmlCases) {
    test(`refuses ${c.name} in public/evil.html`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      const text = publicHtml(c.markup);
      writePublic(temp, 'evil.html', text);
      await expectRefused(t, temp, { file: 'public/evil.html', line: lineOf(text, c.needle ?? c.markup), key: c.key });
    });
  }

  for (const [label, root, script] of [
    ['a <script>', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">', '<script>'],
    // XML resolves prefixes: bound to the SVG namespace, <s:script> is a script to the browser.
    [
      'a prefixed <s:script>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg">',
      '<s:script>',
    ],
  ] as const) {
    test(`refuses an SVG file in public/ that carries ${label}`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      const close = script.replace('<', '</');
      const text = [
        root,
        '  <rect width="10" height="10"/>',
        `  ${script}alert(document.domain)${close}`,
        '</svg>',
        '',
      ].join('\n');
      writePublic(temp, 'logo.svg', text);
      await expectRefused(t, temp, {
        file: 'public/logo.svg',
        line: lineOf(text, script),
        key: /<script> in an SVG file/,
      });
    });
  }

  test(
    'refuses a bundled import of a third-party URL in a component <script> (trusted code)',
    { timeout: CASE_TIMEOUT_MS },
    async (t) => {
      const temp = project(t);
      const from = "import { startSearch } from '../search/ui.ts';";
      temp.edit('src/layouts/Search.astro', from, `import 'https://cdn.example.com/x.js';\n      ${from}`);
      // The bundle has no meaningful source line: the file name is the Search layout's script chunk.
      await expectRefused(t, temp, {
        file: /dist\/_astro\/Search[\w.-]*\.js(?::\d+)?/,
        key: /^imports https:\/\/cdn\.example\.com\/x\.js/,
      });
    },
  );
});
