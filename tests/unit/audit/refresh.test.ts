import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeElements } from '../../../src/audit/checks/base-url.ts';
import { HtmlScanner } from '../../../src/audit/checks/html-scan.ts';
import { checkMetaRefresh, checkRefreshHeader, refreshTarget } from '../../../src/audit/checks/refresh.ts';

const PAGE = 'https://site.example/docs/';

function metaRefreshes(html: string): string[] {
  const scanner = new HtmlScanner();
  scanner.write(html);
  scanner.end();
  return checkMetaRefresh(PAGE, placeElements(scanner.found, PAGE).placed).map((f) => f.message);
}

describe('declarative refresh, read as HTML reads it', () => {
  const cases: [string, string | undefined][] = [
    ['0;url=https://a.example/', 'https://a.example/'],
    ['  5 , URL = "https://a.example/x" trailing', 'https://a.example/x'],
    [".5;Url='//a.example/'", '//a.example/'],
    ['1.2.3 https://a.example/', 'https://a.example/'],
    ['0; "https://a.example/', 'https://a.example/'],
    ['0;u r l=https://a.example/', 'u r l=https://a.example/'],
    ['0;urlx=https://a.example/', 'urlx=https://a.example/'],
    ['0', ''],
    ['3;  ', ''],
    ['x;url=https://a.example/', undefined],
    ['0x;url=https://a.example/', undefined],
    ['', undefined],
  ];
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(refreshTarget(value), expected);
    });
  }
});

describe('refresh-off-origin', () => {
  test('a meta refresh to another origin is a finding, with its line; same-origin ones are not', () => {
    const html = `<!doctype html><head>
<meta http-equiv="Refresh" content="0; url=https://evil.example/">
<meta http-equiv=refresh content="0;url=/fr/"><meta http-equiv=refresh content="30">
<meta name=refresh content="0;url=https://name.example/"></head>
<body><template><meta http-equiv=refresh content="0;url=https://inert.example/"></template>
<meta http-equiv=REFRESH content="1,javascript:alert(1)">`;
    assert.deepEqual(metaRefreshes(html), [
      '<meta http-equiv="refresh" content="0; url=https://evil.example/"> (line 2) sends the visitor to https://evil.example',
      '<meta http-equiv="refresh" content="1,javascript:alert(1)"> (line 6) sends the visitor to an opaque origin (javascript:)',
    ]);
  });

  test('a meta refresh resolves against the base in force, and srcdoc documents are read too', () => {
    const html = `<base href="https://cdn.example/"><meta http-equiv=refresh content="0;url=next">
<iframe srcdoc="<meta http-equiv=refresh content='0;url=https://frame.example/'>"></iframe>`;
    assert.deepEqual(metaRefreshes(html), [
      '<meta http-equiv="refresh" content="0;url=next"> (line 1) sends the visitor to https://cdn.example',
      '<meta http-equiv="refresh" content="0;url=https://frame.example/"> (line 1) in iframe srcdoc (line 2) sends the visitor to https://frame.example',
    ]);
  });

  test('a Refresh header to another origin is a finding; to the same origin it is not', () => {
    const off = new Headers({ refresh: '0; URL=//evil.example/' });
    assert.deepEqual(
      checkRefreshHeader(PAGE, PAGE, off).map((f) => [f.ruleId, f.message]),
      [['refresh-off-origin', 'the Refresh header "0; URL=//evil.example/" sends the visitor to https://evil.example']],
    );
    assert.deepEqual(checkRefreshHeader(PAGE, PAGE, new Headers({ refresh: '0;url=/fr/' })), []);
    assert.deepEqual(checkRefreshHeader(PAGE, PAGE, new Headers()), []);
  });
});
