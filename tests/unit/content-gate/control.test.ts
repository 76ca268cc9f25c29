import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { REPO } from '../../support/temp-project.ts';
import { FRONT, refusals, render } from './helpers.ts';

const MARKDOWN = `${FRONT}
# Release notes

Links may leave the site: [Prism](https://prismjs.com/), <https://example.org/a>, [mail](mailto:security@example.com),
[call](tel:+33100000000), [here](#top), [up](../2.3.0/). Images stay on it: ![logo](/favicon.svg) ![rel](img/x.png).
<abbr title="Cyber Resilience Act">CRA</abbr>, E = mc<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>, a footnote[^1].

> A quote with <em>emphasis</em> and <a href="https://other.example/">a link elsewhere</a>.

<details>
<summary>More</summary>

Hidden **Markdown**.

</details>

<!-- an author's note, with <script>inert()</script> inside: comments are not markup -->

| Name | Value |
|------|-------|
| a    | 1     |

\`\`\`yaml
# relay.yaml
logging:
  level: info # debug is refused
  allow_debug: false
\`\`\`

\`\`\`sh
cryptpeer-relay --config "$HOME/relay.yaml"
\`\`\`

[^1]: The note.
`;

const MDX = `${FRONT}import Callout from '../../../src/components/content/Callout.astro';
import SectionCards from '../../../src/components/content/SectionCards.astro';

{/* an MDX comment */}

<div class="hero">
<p class="eyebrow">Hello</p>
</div>

<Callout tone="warn" title="Literal props" level={2} open={true} offset={-1} empty={null} label={"text"} compact>
A [link elsewhere](https://other.example/) and an image here: ![x](/img/x.png).
</Callout>

<SectionCards locale="en" group="compliance" level={3} />

<figure>
  <img src="/img/diagram.png" alt="A diagram" width="640" height="480" />
  <figcaption>Figure 1.</figcaption>
</figure>

\`\`\`ts
const { ciphertext, tag } = gcmEncrypt(kConv, iv, plaintext, associatedData); // {not an expression}
\`\`\`
`;

describe('documents the gate lets through', () => {
  test('a Markdown release note with links elsewhere, same-origin images, footnotes, a table and code', async () => {
    assert.deepEqual(await refusals('content/releases/en/9.9.9.md', MARKDOWN), []);
  });

  test('the rendered release note keeps Prism classes and the footnotes', async () => {
    const html = await render('content/releases/en/9.9.8.md', MARKDOWN);
    assert.match(html, /<span class="token comment"># relay\.yaml<\/span>/);
    assert.match(html, /<section data-footnotes class="footnotes">/);
  });

  test('an MDX page with imported components, literal props, prose classes, a figure and code', async () => {
    assert.deepEqual(await refusals('content/pages/en/control.mdx', MDX), []);
  });

  test('a document under src/ is code and skips the gate', async () => {
    assert.deepEqual(await refusals('src/pages/code.mdx', `${FRONT}export const ok = 1;\n\n{ok}\n`), []);
  });
});

describe('the real content', () => {
  const files = readdirSync(join(REPO, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => relative(REPO, join(REPO, 'content', path)));

  test('has pages and release notes to check', () => {
    assert.ok(files.some((file) => file.endsWith('.mdx')) && files.some((file) => file.endsWith('.md')));
  });

  for (const file of files) {
    test(`passes: ${file}`, async () => {
      assert.deepEqual(await refusals(file, readFileSync(join(REPO, file), 'utf8')), []);
    });
  }
});
