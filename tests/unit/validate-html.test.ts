import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  parseVnuReport,
  resolveJava,
  resolveVnuJar,
  summariseWarnings,
  validateHtml,
} from '../../src/lib/validate-html.ts';

const REPORT = JSON.stringify({
  messages: [
    {
      type: 'error',
      url: 'file:/site/dist/search/index.html',
      lastLine: 2,
      firstColumn: 980,
      lastColumn: 1169,
      message: 'Stray start tag "script".',
    },
    {
      type: 'error',
      url: 'file:/site/dist/./a.html',
      firstLine: 3,
      lastLine: 4,
      lastColumn: 7,
      subType: 'fatal',
      message: 'Cannot recover after last error.',
    },
    { type: 'non-document-error', subType: 'io', url: 'file:/site/dist/b.html', message: 'Cannot read file.' },
    { type: 'info', subType: 'warning', url: 'file:/site/dist/a.html', lastLine: 1, firstColumn: 9, message: 'CSP' },
    { type: 'info', subType: 'warning', url: 'file:/site/dist/b.html', lastLine: 1, firstColumn: 9, message: 'CSP' },
    {
      type: 'info',
      subType: 'warning',
      url: 'file:/site/dist/c.txt',
      message: 'File was not checked. Files must have .html extensions.',
    },
    {
      type: 'info',
      url: 'file:/site/dist/a.html',
      lastLine: 1,
      message: 'Trailing slash on void elements has no effect.',
    },
  ],
});

describe('validate-html', () => {
  test('names each finding dist/<file>:<line>:<col>, errors including fatal and I/O ones', () => {
    assert.deepEqual(parseVnuReport(REPORT, '/site/dist'), [
      { level: 'error', location: 'dist/search/index.html:2:980', message: 'Stray start tag "script".' },
      { level: 'error', location: 'dist/a.html:3:7', message: 'Cannot recover after last error.' },
      { level: 'error', location: 'dist/b.html', message: 'Cannot read file.' },
      { level: 'warning', location: 'dist/a.html:1:9', message: 'CSP' },
      { level: 'warning', location: 'dist/b.html:1:9', message: 'CSP' },
      { level: 'info', location: 'dist/a.html:1', message: 'Trailing slash on void elements has no effect.' },
    ]);
  });

  test('reports each distinct warning once, with how many more places have it', () => {
    assert.deepEqual(summariseWarnings(parseVnuReport(REPORT, '/site/dist')), [
      'dist/a.html:1:9: warning: CSP (and 1 more)',
    ]);
  });

  test('takes Java from JAVA, then JAVA_HOME, then PATH', () => {
    assert.equal(resolveJava({ JAVA: '/opt/jdk/bin/java', JAVA_HOME: '/usr/lib/jvm/x' }), '/opt/jdk/bin/java');
    assert.equal(resolveJava({ JAVA_HOME: '/usr/lib/jvm/x' }), '/usr/lib/jvm/x/bin/java');
    assert.equal(resolveJava({}), 'java');
  });

  test('finds vnu.jar through the installed package', () => {
    assert.match(resolveVnuJar(), /node_modules\/vnu-jar\/build\/dist\/vnu\.jar$/);
    assert.ok(existsSync(resolveVnuJar()));
  });

  test('refuses a missing dist/ with what to do', () => {
    assert.throws(() => validateHtml('/nonexistent/dist'), {
      message: '[validate-html] dist/ does not exist: run npm run build first',
    });
  });
});
