import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentKind } from '../../../src/audit/checks/content-type.ts';
import { PageScan } from '../../../src/audit/checks/page-scan.ts';
import type { Finding } from '../../../src/audit/report/types.ts';

describe('Content-Type, read as Fetch extracts a MIME type', () => {
  const cases: [string, string, string | undefined][] = [
    ['text/html', 'html', undefined],
    [' TEXT/HTML ;charset="UTF-8"', 'html', 'UTF-8'],
    // Two headers are joined by Headers.get: the last valid value wins.
    ['text/html, text/html', 'html', undefined],
    ['text/plain, text/html', 'html', undefined],
    ['text/html, text/plain', 'other', undefined],
    ['text/html, application/xhtml+xml', 'xml', undefined],
    // A charset carries over to a later value of the same type, not across a change of type.
    ['text/html;charset=utf-16le, text/html', 'html', 'utf-16le'],
    ['text/html;charset=utf-16le, text/plain, text/html', 'html', undefined],
    ['text/html; x="a,text/plain"; charset=shift_jis', 'html', 'shift_jis'],
    ['text/html, */*', 'html', undefined],
    ['application/xhtml+xml', 'xml', undefined],
    ['text/xml', 'xml', undefined],
    ['application/xml', 'xml', undefined],
    ['image/svg+xml', 'xml', undefined],
    ['', 'sniffed', undefined],
    ['texthtml', 'sniffed', undefined],
    ['unknown/unknown', 'sniffed', undefined],
    ['application/json', 'other', undefined],
  ];
  for (const [header, kind, charset] of cases) {
    test(`${JSON.stringify(header)} is rendered as ${kind}`, () => {
      assert.deepEqual(documentKind(header), { kind, charset });
    });
  }
});

function scan(contentType: string, body: string): string[] | Finding {
  const page = new PageScan(contentType);
  page.write(new TextEncoder().encode(body));
  const result = page.finish('https://site.example/', { bytes: body.length, complete: true });
  return Array.isArray(result) ? result.map((e) => e.tag) : result;
}

// `<script/>` is not self-closing in HTML: the HTML scan sees the second script as its text, while
// an XML parser runs both.
const XHTML =
  '<html xmlns="http://www.w3.org/1999/xhtml"><script/><script src="https://cdn.example/x.js"></script></html>';

describe('pages browsers parse as XML are not judged as HTML', () => {
  test('an XHTML page is page-xml, not a pass', () => {
    const result = scan('application/xhtml+xml; charset=utf-8', XHTML);
    assert.equal((result as Finding).ruleId, 'page-xml');
    assert.match((result as Finding).message, /application\/xhtml\+xml/);
  });

  test('an untyped body starting with <?xml is sniffed as XML', () => {
    assert.equal((scan('', `\n <?xml version="1.0"?>${XHTML}`) as Finding).ruleId, 'page-xml');
  });

  test('an untyped body starting with markup is scanned as HTML', () => {
    assert.deepEqual(scan('', '<!doctype html><script src="/a.js"></script>'), ['script']);
  });

  test('the charset comes from the last Content-Type value, as Fetch reads it', () => {
    const utf16 = Buffer.from('<script src="/a.js"></script>', 'utf16le');
    const page = new PageScan('text/html;charset=utf-8, text/html;charset=utf-16le');
    page.write(utf16);
    const found = page.finish('https://site.example/', { bytes: utf16.length, complete: true });
    assert.ok(Array.isArray(found));
    assert.deepEqual(
      found.map((e) => e.tag),
      ['script'],
    );
  });
});
