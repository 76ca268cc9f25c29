import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeElements } from '../../../src/audit/checks/base-url.ts';
import { HtmlScanner, MAX_SRCDOC_DEPTH } from '../../../src/audit/checks/html-scan.ts';
import { PageScan } from '../../../src/audit/checks/page-scan.ts';
import { checkThirdPartyLoads } from '../../../src/audit/checks/third-party.ts';
import type { Finding } from '../../../src/audit/report/types.ts';

const PAGE = 'https://site.example/';

function loads(html: string): string[] {
  const scanner = new HtmlScanner();
  scanner.write(html);
  scanner.end();
  return checkThirdPartyLoads(PAGE, placeElements(scanner.found, PAGE).placed).map((f) => f.message);
}

describe('frames, embeds and resource hints on another origin', () => {
  test('each element that makes the browser contact another origin is a finding', () => {
    const html = `<iframe src="https://video.example/e"></iframe>
<object data="//cdn.example/o"></object><embed src="https://cdn.example/e">
<portal src="https://p.example/"></portal>
<link rel=prefetch href="https://cdn.example/p"><link rel="preload" as="font" href="https://fonts.example/f.woff2">
<link rel=preconnect href="https://fonts.example"><link rel="icon" href="https://cdn.example/i.png">
<iframe src="data:text/html,<script src=https://evil.example/x.js></script>"></iframe>`;
    assert.deepEqual(loads(html), [
      'iframe "https://video.example/e" (line 1) loads from https://video.example',
      'object "//cdn.example/o" (line 2) loads from https://cdn.example',
      'embed "https://cdn.example/e" (line 2) loads from https://cdn.example',
      'portal "https://p.example/" (line 3) loads from https://p.example',
      'link rel=prefetch "https://cdn.example/p" (line 4) loads from https://cdn.example',
      'link rel=preload "https://fonts.example/f.woff2" (line 4) loads from https://fonts.example',
      'link rel=preconnect "https://fonts.example" (line 5) loads from https://fonts.example',
      'link rel=icon "https://cdn.example/i.png" (line 5) loads from https://cdn.example',
      'iframe "data:text/html,<script src=https://evil.example/x.js></script>" (line 6) loads from an opaque origin (data:)',
    ]);
  });

  test('a frame of a frameset, and a frame after an off-origin base, count too', () => {
    assert.deepEqual(loads('<frameset><frame src="https://f.example/"></frameset>'), [
      'frame "https://f.example/" (line 1) loads from https://f.example',
    ]);
    assert.deepEqual(loads('<base href="https://cdn.example/"><iframe src="v"></iframe>'), [
      'iframe "v" (line 1) loads from https://cdn.example',
    ]);
  });

  test('same-origin loads, about:blank, hyperlinks and inert markup are not', () => {
    const html = `<iframe src="/same"></iframe><iframe src="about:blank"></iframe><embed src="x.svg">
<link rel=canonical href="https://prod.example/"><link rel=alternate hreflang=fr href="https://prod.example/fr/">
<template><iframe src="https://t.example/"></iframe></template><math><iframe src="https://m.example/"></iframe></math>`;
    assert.deepEqual(loads(html), []);
  });

  test('scripts and stylesheets are left to the SRI rules', () => {
    assert.deepEqual(
      loads(
        '<link rel=stylesheet href="https://cdn.example/a.css"><link rel=modulepreload href="https://cdn.example/m.js">',
      ),
      [],
    );
  });

  test('an iframe srcdoc document is scanned too', () => {
    assert.deepEqual(loads(`<iframe srcdoc="<iframe src='https://in.example/'></iframe>"></iframe>`), [
      `iframe "https://in.example/" (line 1) in iframe srcdoc (line 1) loads from https://in.example`,
    ]);
  });

  test(`srcdoc documents nested more than ${MAX_SRCDOC_DEPTH} deep are page-unjudged`, () => {
    let html = '<p>';
    for (let i = 0; i <= MAX_SRCDOC_DEPTH; i++)
      html = `<iframe srcdoc="${html.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`;
    const page = new PageScan('text/html');
    page.write(new TextEncoder().encode(html));
    const result = page.finish(PAGE, { bytes: html.length, complete: true });
    assert.equal((result as Finding).ruleId, 'page-unjudged');
    assert.match((result as Finding).message, /srcdoc/);
  });
});
