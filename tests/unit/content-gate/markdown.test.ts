import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FRONT, refusals } from './helpers.ts';

const FILE = 'content/releases/en/9.9.9.md';
// The body starts on line 6 of the file (4 lines of front matter, a blank line): `at(-3, …)` is line 6.
const at = (bodyLine: number, message: string) => `${FILE}:${bodyLine + 5}: ${message}`;
const NOT = 'is not allowed in content';
const URL_HINT = '(URLs must be http:, https:, mailto:, tel: or relative)';
const MEDIA_HINT = '(images and media must be same-origin relative paths)';

/** [what, body after the front matter, expected lines]. */
const cases: [string, string, string[]][] = [
  ['raw <script>', '<script>alert(1)</script>', [at(1, `<script> ${NOT}`)]],
  ['an uppercase <SCRIPT>', '<SCRIPT SRC="/x.js"></SCRIPT>', [at(1, `<script> ${NOT}`)]],
  ['a <script> in a blockquote', 'Text.\n\n> quoted\n> <script>alert(1)</script>', [at(4, `<script> ${NOT}`)]],
  ['a <script> in a list item', '- one\n- two <script>alert(1)</script>', [at(2, `<script> ${NOT}`)]],
  ...[
    'style',
    'iframe',
    'frameset',
    'object',
    'embed',
    'applet',
    'form',
    'template',
    'noscript',
    'portal',
    'meta',
    'base',
    'link',
    'button',
    'select',
    'textarea',
    'input',
  ].map((tag): [string, string, string[]] => [`<${tag}>`, `<${tag}></${tag}>`, [at(1, `<${tag}> ${NOT}`)]]),
  ['an unknown element', '<my-widget>x</my-widget>', [at(1, `<my-widget> ${NOT}`)]],
  ['<svg> with a script', '<svg><script>alert(1)</script></svg>', [at(1, `<svg> ${NOT}`), at(1, `<script> ${NOT}`)]],
  [
    '<math><mtext><style>',
    '<math><mtext><style>x</style></mtext></math>',
    [1, 1, 1].map((l, i) => at(l, `<${['math', 'mtext', 'style'][i]}> ${NOT}`)),
  ],
  ['<body onload> (which a browser merges into the page body)', '<body onload="alert(1)">', [at(1, `<body> ${NOT}`)]],
  [
    'a handler on a tag split over two lines',
    '<div\nonclick="alert(1)">x</div>',
    [at(1, `<div onclick="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'ontoggle on <details>',
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    [at(1, `<details ontoggle="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'a tag inside <xmp> (refused, and read as markup anyway)',
    '<xmp><img src=x onerror=alert(1)></xmp>',
    [at(1, `<xmp> ${NOT}`), at(1, `<img onerror="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'an event handler',
    '<img src="a.png" onerror="alert(1)">',
    [at(1, `<img onerror="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'a style attribute',
    '<a href="/x" style="color:red">x</a>',
    [at(1, `<a style="color:red"> ${NOT} (inline styles are blocked by the CSP)`)],
  ],
  ...['srcdoc', 'formaction', 'referrerpolicy', 'http-equiv', 'nonce', 'integrity', 'ping'].map(
    (name): [string, string, string[]] => [
      `a ${name} attribute`,
      `<a href="/x" ${name}="y">x</a>`,
      [at(1, `<a ${name}="y"> ${NOT}`)],
    ],
  ),
  [
    'an attribute-less comment trick (<!--> ends a comment at once)',
    '<!--> <script>alert(1)</script> -->',
    [at(1, `<script> ${NOT}`)],
  ],
  [
    'a space-led scheme in HTML',
    '<a href=" javascript:alert(1)">x</a>',
    [at(1, `<a href=" javascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  [
    'a javascript: link in HTML',
    '<a href="javascript:alert(1)">x</a>',
    [at(1, `<a href="javascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  [
    'an entity-encoded scheme',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    [at(1, `<a href="jav\\tascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  ['a data: URL', '<a href="data:text/html,x">x</a>', [at(1, `<a href="data:text/html,x"> ${NOT} ${URL_HINT}`)]],
  [
    'a Markdown javascript: link',
    '[x](javascript:alert(1))',
    [at(1, `<a href="javascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  [
    'a mixed-case, space-led scheme',
    '[x]( JaVaScRiPt:alert(1))',
    [at(1, `<a href="JaVaScRiPt:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  ['a vbscript: autolink', '<vbscript:msgbox>', [at(1, `<a href="vbscript:msgbox"> ${NOT} ${URL_HINT}`)]],
  [
    'a third-party Markdown image',
    '![a](https://other.example/x.png)',
    [at(1, `<img src="https://other.example/x.png"> ${NOT} ${MEDIA_HINT}`)],
  ],
  [
    'a protocol-relative image',
    '<img src="//other.example/x.png">',
    [at(1, `<img src="//other.example/x.png"> ${NOT} ${MEDIA_HINT}`)],
  ],
  [
    'a backslash image URL',
    '<img src="/\\other.example/x.png">',
    [at(1, `<img src="/\\\\other.example/x.png"> ${NOT} ${MEDIA_HINT}`)],
  ],
  [
    'srcset',
    '<img src="/a.png" srcset="/a.png 1x, https://evil/b.png 2x">',
    [at(1, `<img srcset="/a.png 1x, https://evil/b.png 2x"> ${NOT}`)],
  ],
  [
    'third-party <source> and <track>',
    '<video controls><source src="https://evil.example/x.mp4"><track src="//evil.example/x.vtt"></video>',
    [
      at(1, `<source src="https://evil.example/x.mp4"> ${NOT} ${MEDIA_HINT}`),
      at(1, `<track src="//evil.example/x.vtt"> ${NOT} ${MEDIA_HINT}`),
    ],
  ],
  [
    'a data: image',
    '<img src="data:image/png;base64,AAAA">',
    [at(1, `<img src="data:image/png;base64,AAAA"> ${NOT} ${MEDIA_HINT}`)],
  ],
  [
    'a javascript: cite',
    '<q cite="javascript:alert(1)">x</q>',
    [at(1, `<q cite="javascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  [
    'an entity-encoded colon',
    '<a href="javascript&colon;alert(1)">x</a>',
    [at(1, `<a href="javascript:alert(1)"> ${NOT} ${URL_HINT}`)],
  ],
  [
    'a third-party video poster',
    '<video src="/v.mp4" poster="https://other.example/p.png"></video>',
    [at(1, `<video poster="https://other.example/p.png"> ${NOT} ${MEDIA_HINT}`)],
  ],
  ['a class outside the allow-list', '<p class="eyebrow sneaky">x</p>', [at(1, `<p class="sneaky"> ${NOT}`)]],
  ['an id that could clobber a global', '<a id="search" href="/x">x</a>', [at(1, `<a id="search"> ${NOT}`)]],
  [
    'an HTML block left inside an attribute value',
    '<div title="\n\n<!-- " onmouseover="alert(1)" -->',
    [at(1, `unterminated HTML (a tag, attribute value or comment left open) ${NOT}`)],
  ],
  [
    'a tag on the third line of an HTML block',
    '<div>\nok\n<iframe src="/x"></iframe>\n</div>',
    [at(3, `<iframe> ${NOT}`)],
  ],
  [
    'an aligned table column (style=)',
    '| a |\n|:-:|\n| 1 |',
    ['th', 'td'].map((t, i) =>
      at(
        1 + 2 * i,
        `<${t} style="text-align: center"> ${NOT} (column alignment writes style=, which the CSP forbids: remove the colons from the delimiter row)`,
      ),
    ),
  ],
  [
    'a GFM task list (it writes <input>)',
    '- [ ] todo',
    [
      at(1, `<ul class="contains-task-list"> ${NOT}`),
      at(1, `<li class="task-list-item"> ${NOT}`),
      at(1, `<input> ${NOT}`),
    ],
  ],
  [
    // Prism's wrapper interpolates the fence language into HTML unescaped: the gate runs after it.
    'an attribute injected through a code fence language, on the fence line',
    '```yaml\nok: 1\n```\n\n```a"onmouseover="alert(1)\nx\n```',
    [
      at(5, `<pre onmouseover="alert(1)"> ${NOT} (event handlers run script)`),
      at(5, `<code onmouseover="alert(1)"> ${NOT} (event handlers run script)`),
    ],
  ],
  // Parser differentials: a reader that waits for `-->`, or treats CDATA as CDATA, misses the tag.
  [
    'a handler after a comment closed by --!>',
    '<!-- --!><img src="x" onerror="alert(1)"> -->',
    [at(1, `<img onerror="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'a handler after a CDATA section (a bogus comment in HTML)',
    '<![CDATA[><img src="x" onerror="alert(1)">]]>',
    [at(1, `<img onerror="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'a handler hidden in <noscript> raw text',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    [at(1, `<noscript> ${NOT}`)],
  ],
];

describe('the content gate on Markdown (.md)', () => {
  for (const [what, body, expected] of cases) {
    test(`refuses ${what}`, async () => {
      assert.deepEqual(await refusals(FILE, `${FRONT}\n${body}\n`), expected);
    });
  }

  test('reports every problem of a file in one error, in line order', async () => {
    const body = '![a](https://x.example/a.png)\n\n<script>1</script>\n\n[b](javascript:2)';
    const lines = await refusals(FILE, `${FRONT}\n${body}\n`);
    assert.deepEqual(
      lines.map((line) => line.split(': ')[0]),
      [`${FILE}:6`, `${FILE}:8`, `${FILE}:10`],
    );
  });
});
