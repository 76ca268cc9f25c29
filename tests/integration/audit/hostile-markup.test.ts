import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { main } from '../../../src/audit/cli/cli.ts';
import type { AuditReport } from '../../../src/audit/report/types.ts';

// Pages that tried to make the audit judge something else than a browser loads: a script placed
// before <base>, XHTML parsed as HTML, a Content-Type sent twice, frames and @import on other origins.
const sri = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const PINNED = 'console.log("pinned");';
const CSS = '@import "/css/b.css";\nbody{color:red}';
const FILES: Record<string, [string, string]> = {
  '/app.js': ['text/javascript', 'console.log("other bytes");'],
  '/static/app.js': ['text/javascript', PINNED],
  '/css/a.css': ['text/css; charset=utf-8', CSS],
  '/css/b.css': ['text/css; charset=utf-8', "@import url('https://fonts.example/f.css');"],
};
const PAGES: Record<string, [string[], string]> = {
  // A browser fetches app.js against the page URL (the base comes later): its bytes do not match.
  '/late-base': [
    ['text/html'],
    `<!doctype html><script src="app.js" integrity="${sri(PINNED)}"></script><base href="/static/">`,
  ],
  '/xhtml': [
    ['application/xhtml+xml'],
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><script/><script src="https://cdn.example/x.js"></script></head></html>',
  ],
  '/xml': [['text/xml'], '<html xmlns="http://www.w3.org/1999/xhtml"><script src="https://cdn.example/x.js"/></html>'],
  '/typed-twice': [['text/html', 'text/html'], '<!doctype html><script src="https://cdn.example/lib.js"></script>'],
  '/frames': [
    ['text/html'],
    '<!doctype html><iframe src="https://video.example/e"></iframe><iframe src="/same"></iframe>',
  ],
  '/imports': [['text/html'], `<!doctype html><link rel="stylesheet" href="/css/a.css" integrity="${sri(CSS)}">`],
  // Judged as it is, then sends every visitor elsewhere: a redirect written in the page.
  '/meta-refresh': [
    ['text/html'],
    '<!doctype html><title>t</title><meta http-equiv=refresh content="0;URL=\'https://other.example/\'">',
  ],
  '/header-refresh': [['text/html'], '<!doctype html><title>t</title>'],
};

let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    const file = FILES[req.url ?? ''];
    if (req.url === '/header-refresh') res.setHeader('Refresh', '1; url=https://other.example/');
    if (page) res.setHeader('Content-Type', page[0]).end(page[1]);
    else if (file) res.setHeader('Content-Type', file[0]).end(file[1]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

/** The findings of the audit of one page, as [rule, message] pairs, other than the header rules. */
async function audit(path: string): Promise<[string, string][]> {
  let stdout = '';
  await main(['--no-crawl', '--format', 'json', `${base}${path}`], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
  });
  const report = JSON.parse(stdout) as AuditReport;
  const ids = /^(sri|base|third|css|page|refresh)-/;
  return report.pages.flatMap((p) =>
    p.findings.filter((f) => ids.test(f.ruleId)).map((f): [string, string] => [f.ruleId, f.message]),
  );
}

describe('the audit judges what a browser loads', () => {
  test('a script before <base> is fetched against the page URL: its mismatch is found', async () => {
    assert.deepEqual(await audit('/late-base'), [
      ['sri-mismatch', 'script app.js (line 1): the bytes served do not match its integrity'],
    ]);
  });

  for (const path of ['/xhtml', '/xml']) {
    test(`${path}: a page browsers parse as XML is page-xml, not a pass`, async () => {
      assert.deepEqual(
        (await audit(path)).map(([id]) => id),
        ['page-xml'],
      );
    });
  }

  test('a page typed text/html twice is still scanned', async () => {
    assert.deepEqual(
      (await audit('/typed-twice')).map(([id]) => id),
      ['sri-missing'],
    );
  });

  test('an iframe on another origin is a third-party load', async () => {
    assert.deepEqual(await audit('/frames'), [
      ['third-party-load', 'iframe "https://video.example/e" (line 1) loads from https://video.example'],
    ]);
  });

  test('a meta refresh to another origin is found like a redirect', async () => {
    assert.deepEqual(await audit('/meta-refresh'), [
      [
        'refresh-off-origin',
        `<meta http-equiv="refresh" content="0;URL='https://other.example/'"> (line 1) sends the visitor to https://other.example`,
      ],
    ]);
  });

  test('a Refresh header to another origin is found like a redirect', async () => {
    assert.deepEqual(await audit('/header-refresh'), [
      [
        'refresh-off-origin',
        'the Refresh header "1; url=https://other.example/" sends the visitor to https://other.example',
      ],
    ]);
  });

  test('a pinned stylesheet’s @import is followed to the third-party one it imports', async () => {
    assert.deepEqual(await audit('/imports'), [
      ['css-import', 'stylesheet /css/a.css (line 1) imports "/css/b.css" (line 1), not pinned by integrity'],
      [
        'css-import',
        `stylesheet ${base}/css/b.css (imported) imports "https://fonts.example/f.css" (line 1), not pinned by integrity`,
      ],
      [
        'third-party-load',
        `stylesheet ${base}/css/b.css (imported) imports "https://fonts.example/f.css" (line 1) loads from https://fonts.example`,
      ],
    ]);
  });
});
