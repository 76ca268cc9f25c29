// The content gate (src/content-gate/, in the Markdown/MDX pipeline) refuses what content may not
// carry, naming the content file and line. Each case writes one bad page or release note into a
// throw-away project and runs the real build (astro build + harden + manifest + emit + verify).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { build, CASE_TIMEOUT_MS, expectRefused, lineOf, project, releaseText, writePage } from './fixture-build.ts';

interface PageCase {
  name: string;
  ext: 'md' | 'mdx';
  body: string;
  /** Where the refused construct starts in `body` (default: all of it). */
  needle?: string;
  key: RegExp;
}

const cases: readonly PageCase[] = [
  { name: 'an inline <script> in a .md page', ext: 'md', body: '<script>alert(1)</script>', key: /<script\b/ },
  { name: 'an inline <script> in a .mdx page', ext: 'mdx', body: '<script>alert(1)</script>', key: /<script\b/ },
  {
    name: 'a <script type="module" src="/x.js"> in a .md page',
    ext: 'md',
    body: '<script type="module" src="/x.js"></script>',
    key: /<script\b/,
  },
  {
    name: 'an inline <svg><script> in a .md page',
    ext: 'md',
    body: '<svg><script>alert(1)</script></svg>',
    key: /<svg\b|<script\b/,
  },
  {
    name: 'an inline <style> in a .md page',
    ext: 'md',
    body: '<style>body { display: none }</style>',
    key: /<style\b/,
  },
  {
    name: 'a <meta http-equiv="refresh"> to another origin in a .md page',
    ext: 'md',
    body: '<meta http-equiv="refresh" content="0;url=https://other.example">',
    key: /<meta\b/,
  },
  {
    name: 'a <meta name="referrer" content="unsafe-url"> in a .md page',
    ext: 'md',
    body: '<meta name="referrer" content="unsafe-url">',
    key: /<meta\b/,
  },
  {
    name: 'an <a referrerpolicy="unsafe-url"> in a .md page',
    ext: 'md',
    body: '<a href="/legal/" referrerpolicy="unsafe-url">legal</a>',
    key: /referrerpolicy/i,
  },
  {
    name: 'a <meta name="csp-capabilities" content="wasm connect"> in a .md page',
    ext: 'md',
    body: '<meta name="csp-capabilities" content="wasm connect">',
    key: /<meta\b/,
  },
  {
    name: 'a forged <meta name="cryptpeer-route" content="search" data-seal=…> in a .md page',
    ext: 'md',
    body: `<meta name="cryptpeer-route" content="search" data-seal="${'ab'.repeat(32)}">`,
    key: /<meta\b/,
  },
  {
    name: 'a third-party image in Markdown syntax',
    ext: 'md',
    body: 'An image: ![x](https://other.example/x.png)',
    needle: '![x]',
    key: /other\.example/,
  },
  {
    name: 'a third-party <img src> in a .md page',
    ext: 'md',
    body: '<img src="https://other.example/x.png" alt="x">',
    key: /other\.example/,
  },
  {
    name: 'an MDX export reading a secret from process.env',
    ext: 'mdx',
    body: 'export const x = process.env.CRYPTPEER_OPENPGP_PASSPHRASE',
    key: /\bexport\b/,
  },
  {
    name: 'an MDX expression {process.env.HOME}',
    ext: 'mdx',
    body: 'Home is {process.env.HOME}.',
    needle: '{process',
    key: /\bexpression\b/,
  },
  { name: "an MDX import of 'node:fs'", ext: 'mdx', body: "import fs from 'node:fs'", key: /\bimport\b/ },
  {
    // The line of the element, not of the HTML block it sits in.
    name: 'an onerror handler on the third line of a raw HTML block, after a list',
    ext: 'md',
    body: '- one\n- two\n\n<div>\n<p>fine</p>\n<img src="x.png" alt="" onerror="alert(1)">\n</div>',
    needle: '<img',
    key: /onerror/,
  },
];

describe('the content gate refuses, naming the content file and line', { concurrency: 2 }, () => {
  for (const c of cases) {
    test(`refuses ${c.name}`, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const temp = project(t);
      const { file, text } = writePage(temp, c.body, c.ext);
      await expectRefused(t, temp, { file, line: lineOf(text, c.needle ?? c.body), key: c.key });
    });
  }

  test('refuses an inline <script> in a release note', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    const temp = project(t);
    const body = '<script>alert(1)</script>';
    const file = 'content/releases/en/2.4.1.md';
    const text = releaseText(body);
    temp.write(file, text);
    temp.write('content/releases/fr/2.4.1.md', releaseText('Notes sans rien de particulier.'));
    await expectRefused(t, temp, { file, line: lineOf(text, body), key: /<script\b/ });
  });

  test(
    'builds a safe page and release note: links to other origins, a same-origin image, a code block',
    { timeout: CASE_TIMEOUT_MS },
    async (t) => {
      const temp = project(t);
      const body = [
        'See [the CryptPeer repository](https://github.com/example/cryptpeer) and <https://other.example/docs>.',
        '',
        '![The CryptPeer mark](/favicon.svg)',
        '',
        '```ts',
        "const greeting: string = '<script>alert(1)</script>';",
        '```',
      ].join('\n');
      writePage(temp, body, 'md');
      temp.write('content/releases/en/2.4.1.md', releaseText(body));
      temp.write('content/releases/fr/2.4.1.md', releaseText(body));
      const result = await build(temp);
      assert.equal(result.status, 0, result.output);
      const clean = /\[verify\] \d+ pages clean/.exec(result.output);
      assert.ok(clean, `no "[verify] N pages clean" line\n${result.output}`);
      const page = temp.read('dist/fixture/index.html');
      assert.match(page, /href="https:\/\/github\.com\/example\/cryptpeer"/);
      assert.match(page, /<img src="\/favicon\.svg" alt="The CryptPeer mark"/);
      // The code block is text: its <script> is escaped, and Prism wrote classes only.
      assert.match(page, /&#x3C;script>|&lt;script&gt;/);
      assert.match(page, /class="language-ts"/);
      assert.ok(temp.exists('dist/releases/2.4.1/index.html'), 'the release note was not built');
      t.diagnostic(`exit ${result.status}: ${clean[0]}`);
    },
  );
});
