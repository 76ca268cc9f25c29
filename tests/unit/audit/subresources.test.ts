import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_OPEN_ELEMENTS } from '../../../src/audit/checks/html-scan.ts';
import { classifySubresources, findSubresources } from '../../../src/audit/checks/subresources.ts';

const PAGE = 'https://site.example/docs/page/';
const SRI = `sha384-${'A'.repeat(64)}`;

const HTML = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/a.css" integrity="${SRI}">
<link rel="preload" href="/font.woff2" as="font" crossorigin>
<link rel="preload" href="/b.css" as="style">
<link rel="modulepreload" href="https://cdn.example/m.js" integrity="${SRI}" crossorigin>
<link rel="icon" href="/favicon.svg">
<!-- <script src="/commented-out.js"></script> -->
</head><body>
<script src="rel.js"></script>
<script>inline()</script>
<template><script src="/in-template.js"></script></template>
<div data-x='<script src="/in-attribute.js"></script>'></div>
<script type="module" src="http://cdn.example/x.js"></script>
</body></html>`;

describe('subresources of a page (parse5)', () => {
  test('finds scripts, stylesheets and (module)preloads the browser would load, and nothing else', () => {
    const found = findSubresources(HTML, PAGE);
    assert.deepEqual(
      found.map((s) => [s.kind, s.url, s.integrity !== undefined]),
      [
        ['stylesheet', 'https://site.example/_astro/a.css', true],
        ['preload as=style', 'https://site.example/b.css', false],
        ['modulepreload', 'https://cdn.example/m.js', true],
        ['script', 'https://site.example/docs/page/rel.js', false],
        ['script', 'http://cdn.example/x.js', false],
      ],
    );
    assert.equal(found[0]?.line, 2);
  });

  test('resolves relative URLs against <base href>', () => {
    const [script] = findSubresources('<head><base href="/static/"></head><script src="app.js"></script>', PAGE);
    assert.equal(script?.url, 'https://site.example/static/app.js');
  });

  test('survives deeply nested markup without recursion', () => {
    const deep = `${'<div>'.repeat(MAX_OPEN_ELEMENTS - 10)}<script src="/deep.js"></script>`;
    assert.equal(findSubresources(deep, PAGE).length, 1);
  });

  test('classifies: missing integrity, mixed content, cross-origin not verifiable, same-origin to verify', () => {
    const { findings, verify } = classifySubresources(PAGE, findSubresources(HTML, PAGE));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.message]),
      [
        ['sri-missing', 'preload as=style /b.css (line 4) has no integrity attribute (same-origin)'],
        [
          'sri-unverified',
          `modulepreload https://cdn.example/m.js (line 5): cross-origin integrity not fetched or verified`,
        ],
        ['sri-missing', 'script rel.js (line 9) has no integrity attribute (same-origin)'],
        ['sri-insecure-load', 'script http://cdn.example/x.js (line 13) is loaded over plain HTTP'],
        ['sri-missing', 'script http://cdn.example/x.js (line 13) has no integrity attribute (cross-origin)'],
      ],
    );
    assert.deepEqual(verify, [
      {
        url: 'https://site.example/_astro/a.css',
        integrity: SRI,
        subject: 'stylesheet /_astro/a.css (line 2)',
        stylesheet: true,
      },
    ]);
  });

  test('a plain-HTTP page loading plain-HTTP files is not mixed content', () => {
    const page = 'http://127.0.0.1:4321/';
    const { findings } = classifySubresources(
      page,
      findSubresources(`<script src="/a.js" integrity="${SRI}"></script>`, page),
    );
    assert.deepEqual(findings, []);
  });
});
