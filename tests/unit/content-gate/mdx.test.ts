import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FRONT, refusals, render } from './helpers.ts';

const FILE = 'content/pages/en/hostile.mdx';
const CALLOUT = "import Callout from '../../../src/components/content/Callout.astro';";
// Line 5 is the import of Callout, the body starts on line 7: `at(1, …)` is line 7.
const at = (bodyLine: number, message: string) => `${FILE}:${bodyLine + 6}: ${message}`;
const page = (body: string) => `${FRONT}${CALLOUT}\n\n${body}\n\n<Callout title="t">ok</Callout>\n`;
const NOT = 'is not allowed in content';
const COMPONENTS = '(only components in src/components/content/)';
const LITERALS = 'is not allowed in content (only string, number, boolean or null literals)';

/** [what, body after the front matter and the Callout import, expected lines]. */
const cases: [string, string, string[]][] = [
  ['an import from node:', "import fs from 'node:fs';", [at(1, `import from "node:fs" ${NOT} ${COMPONENTS}`)]],
  [
    'an import of project code',
    "import site from '../../../src/data/site.ts';",
    [at(1, `import from "../../../src/data/site.ts" ${NOT} ${COMPONENTS}`)],
  ],
  [
    'an import that climbs out of the components folder',
    "import X from '../../../src/components/content/../Header.astro';",
    [at(1, `import from "../../../src/components/content/../Header.astro" ${NOT} ${COMPONENTS}`)],
  ],
  [
    'an import of a package',
    "import x from 'astro:content';",
    [at(1, `import from "astro:content" ${NOT} ${COMPONENTS}`)],
  ],
  [
    'an import with a Vite query',
    "import X from '../../../src/components/content/Callout.astro?raw';",
    [at(1, `import from "../../../src/components/content/Callout.astro?raw" ${NOT} ${COMPONENTS}`)],
  ],
  [
    'a named import of a component',
    "import { X } from '../../../src/components/content/Callout.astro';",
    [
      at(
        1,
        `named or namespace import from "../../../src/components/content/Callout.astro" ${NOT} (only \`import Name from\`)`,
      ),
    ],
  ],
  [
    'a namespace import',
    "import * as X from '../../../src/components/content/Callout.astro';",
    [
      at(
        1,
        `named or namespace import from "../../../src/components/content/Callout.astro" ${NOT} (only \`import Name from\`)`,
      ),
    ],
  ],
  ['an export of a secret', 'export const x = process.env.CRYPTPEER_OPENPGP_PASSPHRASE;', [at(1, `export ${NOT}`)]],
  ['export default', 'export default function Layout() { return null; }', [at(1, `export ${NOT}`)]],
  ['a re-export', "export * from 'node:fs';", [at(1, `export ${NOT}`)]],
  [
    'the second statement of an ESM block, on its own line',
    "import fs from 'node:fs';\nexport const y = 1;",
    [at(1, `import from "node:fs" ${NOT} ${COMPONENTS}`), at(2, `export ${NOT}`)],
  ],
  [
    'import attributes',
    `${CALLOUT.slice(0, -1)} with { type: 'json' };`,
    [
      at(
        1,
        `named or namespace import from "../../../src/components/content/Callout.astro" ${NOT} (only \`import Name from\`)`,
      ),
    ],
  ],
  [
    'a root-relative import',
    "import X from '/src/components/content/Callout.astro';",
    [at(1, `import from "/src/components/content/Callout.astro" ${NOT} ${COMPONENTS}`)],
  ],
  [
    'an ESM block glued to JSX (the JSX becomes module code)',
    `${CALLOUT}\n<Callout>x</Callout>`,
    [at(2, `JavaScript statement ${NOT}`)],
  ],
  [
    'an ESM block that does not parse',
    `${CALLOUT}\nimport {`,
    [at(1, `import/export block that does not parse ${NOT} (leave a blank line after the imports)`)],
  ],
  ['a dynamic import in an expression', "{import('node:fs')}", [at(1, `JS expression {import('node:fs')} ${NOT}`)]],
  ['an expression in a fragment', '<>a {globalThis.x}</>', [at(1, `JS expression {globalThis.x} ${NOT}`)]],
  ['a flow expression', '{process.env.HOME}', [at(1, `JS expression {process.env.HOME} ${NOT}`)]],
  ['a text expression', 'Two is {1+1}.', [at(1, `JS expression {1+1} ${NOT}`)]],
  ['a literal in text (only props may be literals)', 'Say {"hi"}.', [at(1, `JS expression {"hi"} ${NOT}`)]],
  [
    'a fetch in a heading',
    '## Title {fetch("https://x.example")}',
    [at(1, `JS expression {fetch("https://x.example")} ${NOT}`)],
  ],
  [
    'a spread on a component',
    '<Callout {...props}>x</Callout>',
    [at(1, `spread attribute {...props} on <Callout> ${NOT}`)],
  ],
  [
    'a computed prop',
    '<Callout level={1 + 1}>x</Callout>',
    [at(1, `expression level={1 + 1} on <Callout> ${LITERALS}`)],
  ],
  [
    'a template-literal prop',
    '<Callout title={`x`}>x</Callout>',
    [at(1, `expression title={\`x\`} on <Callout> ${LITERALS}`)],
  ],
  [
    'a prop that hides a second expression',
    '<Callout level={1}{...x}>x</Callout>',
    [at(1, `spread attribute {...x} on <Callout> ${NOT}`)],
  ],
  [
    'an Astro directive on a component',
    '<Callout set:html="<img src=x onerror=alert(1)>">x</Callout>',
    [at(1, `<Callout set:html="<img src=x onerror=alert(1)>"> ${NOT}`)],
  ],
  [
    'a concatenated prop',
    "<Callout title={'a' + process.env.X}>x</Callout>",
    [at(1, `expression title={'a' + process.env.X} on <Callout> ${LITERALS}`)],
  ],
  [
    'a spread on an element',
    '<a href="/x" {...{ onclick: "alert(1)" }}>x</a>',
    [at(1, `spread attribute {...{ onclick: "alert(1)" }} on <a> ${NOT}`)],
  ],
  ['a component member', '<Callout.Item />', [at(1, `<Callout.Item> ${NOT}`)]],
  ['a lowercase spelling of a component', '<callout>x</callout>', [at(1, `<callout> ${NOT}`)]],
  [
    'a component that was not imported',
    '<Widget />',
    [at(1, `<Widget> ${NOT} (components must be imported from src/components/content/)`)],
  ],
  ['a member expression as a tag', '<process.exit />', [at(1, `<process.exit> ${NOT}`)]],
  ['a JSX <script>', '<script>alert(1)</script>', [at(1, `<script> ${NOT}`)]],
  ['a JSX <sCrIpT>', '<sCrIpT>alert(1)</sCrIpT>', [at(1, `<sCrIpT> ${NOT}`)]],
  [
    'a JSX third-party image',
    '<img src="https://other.example/x.png" alt="" />',
    [at(1, `<img src="https://other.example/x.png"> ${NOT} (images and media must be same-origin relative paths)`)],
  ],
  [
    'a JSX style attribute',
    '<div style="color:red">x</div>',
    [at(1, `<div style="color:red"> ${NOT} (inline styles are blocked by the CSP)`)],
  ],
  [
    'a JSX event handler',
    '<a href="/x" onClick="alert(1)">x</a>',
    [at(1, `<a onClick="alert(1)"> ${NOT} (event handlers run script)`)],
  ],
  [
    'a JSX set:html on an element',
    '<div set:html="<script>alert(1)</script>" />',
    [at(1, `<div set:html="<script>alert(1)</script>"> ${NOT}`)],
  ],
  [
    'an expression attribute on an element',
    '<img src={"/a.png"} alt="" />',
    [at(1, `expression src={"/a.png"} on <img> ${NOT} (HTML elements take plain attribute values)`)],
  ],
  [
    'a javascript: link in JSX',
    '<a href="javascript:alert(1)">x</a>',
    [at(1, `<a href="javascript:alert(1)"> ${NOT} (URLs must be http:, https:, mailto:, tel: or relative)`)],
  ],
  ['xlink:href', '<a xlink:href="javascript:alert(1)">x</a>', [at(1, `<a xlink:href="javascript:alert(1)"> ${NOT}`)]],
  [
    'an entity-encoded scheme in JSX',
    '<a href="java&#x09;script:alert(1)">x</a>',
    [at(1, `<a href="java\\tscript:alert(1)"> ${NOT} (URLs must be http:, https:, mailto:, tel: or relative)`)],
  ],
  ['<svg> in JSX', '<svg><foreignObject /></svg>', [at(1, `<svg> ${NOT}`), at(1, `<foreignObject> ${NOT}`)]],
  [
    'an Astro directive with a literal value',
    '<Callout set:html={"<img src=x onerror=alert(1)>"}>x</Callout>',
    [at(1, `<Callout set:html={"<img src=x onerror=alert(1)>"}> ${NOT}`)],
  ],
  ['a boolean attribute outside the schema', '<video src="/v.mp4" autoplay />', [at(1, `<video autoplay> ${NOT}`)]],
  [
    'an attribute injected through a code fence language',
    '```a"onclick="alert(1)\nx\n```',
    [
      at(1, `<pre onclick="alert(1)"> ${NOT} (event handlers run script)`),
      at(1, `<code onclick="alert(1)"> ${NOT} (event handlers run script)`),
    ],
  ],
];

describe('the content gate on MDX (.mdx)', () => {
  for (const [what, body, expected] of cases) {
    test(`refuses ${what}`, async () => {
      assert.deepEqual(await refusals(FILE, page(body)), expected);
    });
  }

  test('refuses before MDX compiles anything: no JavaScript comes out of a refused file', async () => {
    await assert.rejects(render(FILE, page("export const leaked = 'secret';")), /export is not allowed in content/);
  });

  test('refuses components imported from anywhere but src/components/content/', async () => {
    const text = `${FRONT}import Header from '../../../src/components/Header.astro';\n\n<Header />\n`;
    assert.deepEqual(await refusals(FILE, text), [
      `${FILE}:5: import from "../../../src/components/Header.astro" ${NOT} ${COMPONENTS}`,
      `${FILE}:7: <Header> ${NOT} (components must be imported from src/components/content/)`,
    ]);
  });
});
