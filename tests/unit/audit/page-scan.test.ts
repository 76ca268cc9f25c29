import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_OPEN_ELEMENTS } from '../../../src/audit/checks/html-scan.ts';
import { MAX_PAGE_ELEMENTS, PageScan } from '../../../src/audit/checks/page-scan.ts';
import { PIECE } from '../../../src/audit/checks/streamed-text.ts';
import { subresourcesOf } from '../../../src/audit/checks/subresources.ts';
import type { Finding } from '../../../src/audit/report/types.ts';

const PAGE = 'https://site.example/';
const SCRIPT = '<script src="/evil.js"></script>';

/** Streams `bytes` into a PageScan in chunks of `size`, as the audit reads a body. */
function scan(bytes: Uint8Array, contentType = 'text/html', size = 7, complete = true) {
  const page = new PageScan(contentType);
  for (let i = 0; i < bytes.length; i += size) if (!page.write(bytes.subarray(i, i + size))) break;
  const result = page.finish(PAGE, { bytes: bytes.length, complete });
  return Array.isArray(result) ? subresourcesOf(result, PAGE).map((s) => `${s.kind} ${s.url ?? ''}`) : result;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const unjudged = (result: unknown) => (result as Finding).ruleId;

describe('page bodies, scanned while they stream in', () => {
  test('finds a script whose tag is split across chunks', () => {
    assert.deepEqual(scan(utf8(`<!doctype html><p>${'x'.repeat(3000)}</p>${SCRIPT}`), 'text/html', 1), [
      'script https://site.example/evil.js',
    ]);
  });

  test('a network chunk decoded piece by piece keeps characters and lines across the pieces', () => {
    // The 'é' of the first src straddles the first 4 KiB piece boundary, a CRLF the second.
    const first = '<script src="/é.js"></script>';
    const head = `${'x'.repeat(PIECE - 15)}${first}`;
    const text = `${head}${'y'.repeat(2 * PIECE - 1 - utf8(head).length)}\r\n${SCRIPT}`;
    const page = new PageScan('text/html');
    assert.equal(page.write(utf8(text.padEnd(64 * 1024, ' '))), true);
    const found = page.finish(PAGE, { bytes: 64 * 1024, complete: true });
    assert.ok(Array.isArray(found));
    assert.deepEqual(
      subresourcesOf(found, PAGE).map((s) => [s.url, s.line]),
      [
        ['https://site.example/%C3%A9.js', 1],
        ['https://site.example/evil.js', 2],
      ],
    );
  });

  test('decodes a UTF-16LE page by its Content-Type charset, as browsers do', () => {
    assert.deepEqual(scan(utf16le(`<!doctype html>${SCRIPT}`), 'text/html; charset=utf-16le'), [
      'script https://site.example/evil.js',
    ]);
  });

  test('decodes a UTF-16 page by its byte order mark, whatever the header says', () => {
    assert.deepEqual(scan(utf16le(`\uFEFF<!doctype html>${SCRIPT}`), 'text/html; charset=utf-8'), [
      'script https://site.example/evil.js',
    ]);
  });

  test('decodes by <meta charset> when the header names none (ISO-2022-JP hides ASCII in JIS mode)', () => {
    // In JIS X 0208 mode (ESC $ B) the bytes of `<script…>` are kanji; ESC ( B returns to ASCII.
    const hidden = Buffer.concat([utf8('<meta charset="iso-2022-jp">\x1b$B'), utf8(SCRIPT), utf8('\x1b(B')]);
    assert.deepEqual(scan(hidden), []);
    const shown = Buffer.concat([utf8('<meta charset="iso-2022-jp">\x1b$B!!\x1b(B'), utf8(SCRIPT)]);
    assert.deepEqual(scan(shown), ['script https://site.example/evil.js']);
  });

  test('an SVG <script href> is a script to pin, found in foreign content', () => {
    assert.deepEqual(scan(utf8('<svg><script href="/svg.js"></script><script xlink:href="/x.js"/></svg>')), [
      'svg script https://site.example/svg.js',
      'svg script https://site.example/x.js',
    ]);
  });

  test('a body cut at the size limit is page-unjudged, never a pass', () => {
    assert.equal(unjudged(scan(utf8(`<p>${SCRIPT}`), 'text/html', 7, false)), 'page-unjudged');
  });

  test(`markup nesting more than ${MAX_OPEN_ELEMENTS} elements is page-unjudged`, () => {
    assert.equal(unjudged(scan(utf8('<div>'.repeat(MAX_OPEN_ELEMENTS + 1)), 'text/html', 4096)), 'page-unjudged');
  });

  test(`more than ${MAX_PAGE_ELEMENTS} script, link and base elements is page-unjudged`, () => {
    const many = '<link rel="stylesheet" href="/a.css">'.repeat(MAX_PAGE_ELEMENTS + 1);
    assert.equal(unjudged(scan(utf8(many), 'text/html', 4096)), 'page-unjudged');
  });
});

describe('the scan follows the tree builder', () => {
  test('template contents are not loaded', () => {
    assert.deepEqual(
      scan(utf8(`<template>${SCRIPT}<base href="https://evil.example/"></template><link rel=stylesheet href=a.css>`)),
      ['stylesheet https://site.example/a.css'],
    );
  });
});
