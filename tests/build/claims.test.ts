// Claims awaiting the vendor's confirmation (content/claims/, ToConfirm.astro) as `npm run build`
// renders them: every page a claim lists shows it with the marker, in both languages; a confirmed
// claim shows without it; an unknown id stops the build, naming the id and the page.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parse as parseYaml } from 'yaml';
import { loadClaims } from '../../src/data/claims.ts';
import { LOCALES, localePath, type Locale } from '../../src/i18n/locales.ts';
import { typesetFrench } from '../../src/typography/typeset.ts';
import { REPO } from '../support/temp-project.ts';
import { build, CASE_TIMEOUT_MS, pageText, project } from './fixture-build.ts';

type Element = DefaultTreeAdapterMap['element'];
const MARKER: Record<Locale, string> = { en: '[to be confirmed]', fr: '[à confirmer]' };

/** The dist/ file of a page key in a locale, from its front matter's slug as the site routes it. */
function builtPage(root: string, locale: Locale, key: string): string {
  const source = ['md', 'mdx'].map((ext) => join(root, `content/pages/${locale}/${key}.${ext}`)).find(existsSync);
  assert.ok(source, `no content/pages/${locale}/${key}.md(x)`);
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(source, 'utf8'))?.[1] ?? '';
  const { slug } = (parseYaml(front) ?? {}) as { slug?: string };
  return join(root, 'dist', localePath(locale, key === 'index' ? '' : (slug ?? key)), 'index.html');
}

/** Every element of a page that shows `id`, with its text and whether it carries the marker. */
function shown(html: string, id: string): { text: string; marked: boolean; marker: string }[] {
  const found: { text: string; marked: boolean; marker: string }[] = [];
  const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? '';
  const text = (node: DefaultTreeAdapterMap['node']): string =>
    'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node && attr(node, 'data-claim') === id) {
      const marker = node.childNodes.find((c) => 'tagName' in c && attr(c, 'class') === 'to-confirm-marker');
      found.push({
        text: text(node),
        marked: attr(node, 'class').split(' ').includes('to-confirm'),
        marker: marker ? text(marker) : '',
      });
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parse(html));
  return found;
}

const expected = (claim: { en: string; fr: string }, locale: Locale) =>
  locale === 'fr' ? typesetFrench(claim.fr) : claim.en;

describe('claims awaiting confirmation in the built site', () => {
  test('every page a claim lists shows it with the marker, in both languages', (t) => {
    assert.ok(existsSync(join(REPO, 'dist/index.html')), 'dist/ has no index.html: run npm run build first');
    const claims = loadClaims(REPO);
    let count = 0;
    for (const claim of claims) {
      for (const key of claim.pages) {
        for (const locale of LOCALES) {
          const page = builtPage(REPO, locale, key);
          const where = `${claim.id} on ${locale} ${key}`;
          const views = shown(readFileSync(page, 'utf8'), claim.id);
          assert.ok(views.length > 0, `${where}: not shown`);
          for (const view of views) {
            const awaiting = claim.status === 'awaiting-confirmation';
            assert.equal(view.marked, awaiting, `${where}: marker class`);
            assert.equal(view.marker, awaiting ? MARKER[locale] : '', `${where}: marker text`);
            assert.ok(view.text.startsWith(expected(claim, locale)), `${where}: text`);
            count++;
          }
        }
      }
    }
    t.diagnostic(`${claims.length} claim(s), ${count} rendering(s) checked`);
  });
});

describe('ToConfirm in a fixture project', { concurrency: 2 }, () => {
  const IMPORT = "import ToConfirm from '../../../src/components/content/ToConfirm.astro';\n\n";
  const CLAIMS = `- id: fixture-awaiting
  en: The fixture product does one thing.
  fr: "Le produit de test fait une chose : une seule."
  pages: [fixture]
  status: awaiting-confirmation
- id: fixture-confirmed
  en: The fixture product does another thing.
  fr: Le produit de test fait une autre chose.
  pages: [fixture]
  status: confirmed
`;
  const body = (ids: string[]) => IMPORT + ids.map((id) => `<ToConfirm id="${id}" />`).join('\n\n');

  test(
    'a confirmed claim shows without the marker, an awaiting one with it',
    { timeout: CASE_TIMEOUT_MS },
    async (t) => {
      const temp = project(t);
      temp.write('content/claims/fixture.yaml', CLAIMS);
      for (const locale of LOCALES) {
        temp.write(
          `content/pages/${locale}/fixture.mdx`,
          pageText('Fixture', body(['fixture-awaiting', 'fixture-confirmed'])),
        );
      }
      const result = await build(temp);
      assert.equal(result.status, 0, result.output.slice(-3000));
      const claims = loadClaims(temp.root).filter((c) => c.file === 'content/claims/fixture.yaml');
      for (const locale of LOCALES) {
        const html = readFileSync(builtPage(temp.root, locale, 'fixture'), 'utf8');
        for (const claim of claims) {
          const awaiting = claim.status === 'awaiting-confirmation';
          assert.deepEqual(shown(html, claim.id), [
            {
              text: awaiting ? `${expected(claim, locale)} ${MARKER[locale]}` : expected(claim, locale),
              marked: awaiting,
              marker: awaiting ? MARKER[locale] : '',
            },
          ]);
        }
      }
    },
  );

  test('an unknown claim id stops the build, naming the id and the page', { timeout: CASE_TIMEOUT_MS }, async (t) => {
    const temp = project(t);
    temp.write('content/pages/en/fixture.mdx', pageText('Fixture', body(['no-such-claim'])));
    temp.write('content/pages/fr/fixture.mdx', pageText('Fixture FR', 'Texte sans rien de particulier.'));
    const result = await build(temp);
    assert.notEqual(result.status, 0, 'the build succeeded');
    assert.match(result.output, /ToConfirm: unknown claim id "no-such-claim" on \/fixture\//);
    assert.equal(temp.exists('dist'), false, 'dist/ left behind');
  });
});
