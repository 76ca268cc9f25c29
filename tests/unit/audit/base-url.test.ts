import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeElements } from '../../../src/audit/checks/base-url.ts';
import { HtmlScanner } from '../../../src/audit/checks/html-scan.ts';
import { findSubresources } from '../../../src/audit/checks/subresources.ts';

const PAGE = 'https://site.example/docs/page/';

const urls = (html: string) => findSubresources(html, PAGE).map((s) => s.url);

function baseFindings(html: string) {
  const scanner = new HtmlScanner();
  scanner.write(html);
  scanner.end();
  return placeElements(scanner.found, PAGE).findings.map((f) => [f.ruleId, f.message]);
}

describe('URLs resolve against the base in force where their element stands (frozen base URL)', () => {
  test('an element before <base href> keeps the page URL; those after it use the base', () => {
    const html = '<head><script src="a.js"></script><base href="/static/"><link rel=stylesheet href=b.css></head>';
    assert.deepEqual(urls(html), ['https://site.example/docs/page/a.js', 'https://site.example/static/b.css']);
  });

  test('a <base> without href changes nothing, and a relative base resolves against the page URL', () => {
    const html = '<base target=_top><base href="../x/"><script src="a.js"></script>';
    assert.deepEqual(urls(html), ['https://site.example/docs/x/a.js']);
  });

  test('a second <base href> is ignored for resolution and reported as ambiguous', () => {
    const html = '<base href="/one/"><base href="/two/"><script src="a.js"></script>';
    assert.deepEqual(urls(html), ['https://site.example/one/a.js']);
    assert.deepEqual(baseFindings(html), [['base-ambiguous', '<base href="/two/"> (line 1) after the one of line 1']]);
  });

  test('a base on another origin is reported, and so is one moved out of a table by the parser', () => {
    assert.deepEqual(baseFindings('<p>\n<base href="https://cdn.example/">'), [
      [
        'base-off-origin',
        '<base href="https://cdn.example/"> (line 2) resolves the URLs after it against https://cdn.example/, another origin',
      ],
    ]);
    const moved = '<table><caption><base href="/a/"></caption><base href="/b/"></table>';
    assert.deepEqual(
      baseFindings(moved).map(([id]) => id),
      ['base-ambiguous'],
    );
  });

  test('a base in foreign content or a template is no base', () => {
    const html =
      '<svg><base href="https://evil.example/"></svg><template><base href="/t/"></template><script src=a.js></script>';
    assert.deepEqual(urls(html), ['https://site.example/docs/page/a.js']);
    assert.deepEqual(baseFindings(html), []);
  });

  test('an iframe srcdoc document starts from its parent’s base; its own base stays inside it', () => {
    const html = `<base href="/static/"><iframe srcdoc="<script src=in.js></script><base href=/deep/><script src=deep.js></script>"></iframe><script src=out.js></script>`;
    assert.deepEqual(
      findSubresources(html, PAGE).map((s) => [s.url, s.via]),
      [
        ['https://site.example/static/in.js', 'iframe srcdoc (line 1)'],
        ['https://site.example/deep/deep.js', 'iframe srcdoc (line 1)'],
        ['https://site.example/static/out.js', undefined],
      ],
    );
  });
});
