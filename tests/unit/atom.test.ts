import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAtomFeed, type AtomEntry, type AtomFeed } from '../../src/lib/atom.ts';
import { escapeXml } from '../../src/lib/xml.ts';

const entry = (version: string, updated: string, extra: Partial<AtomEntry> = {}): AtomEntry => ({
  id: `https://cryptpeer.com/releases/${version}/`,
  title: `CryptPeer ${version}`,
  url: `https://cryptpeer.com/releases/${version}/`,
  updated,
  summary: `Release ${version}.`,
  ...extra,
});

const feed = (entries: AtomEntry[], extra: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://cryptpeer.com/releases/',
  title: 'CryptPeer releases',
  lang: 'en',
  selfUrl: 'https://cryptpeer.com/releases/feed.xml',
  pageUrl: 'https://cryptpeer.com/releases/',
  author: 'CryptPeer',
  entries,
  ...extra,
});

/** Text of every `<name>` element (simple elements only: no nesting of the same name in this format). */
const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

/**
 * A structural well-formedness check for this feed's shape: an XML declaration, then tags that nest
 * and close in order, attributes in double quotes, and no raw `<` or `&` outside markup and entities.
 */
function assertWellFormed(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'));
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attributes = '', selfClosing, text] = match;
    const checkEntities = (value: string) => {
      assert.doesNotMatch(value, /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/i, `raw & in ${value}`);
    };
    if (text !== undefined) {
      assert.doesNotMatch(text, />/, `raw > in text ${text}`);
      checkEntities(text);
      if (stack.length === 0) assert.equal(text.trim(), '', 'text outside the root element');
      continue;
    }
    checkEntities(attributes);
    if (closing) assert.equal(stack.pop(), name, `</${name ?? ''}> closes the wrong element`);
    else if (!selfClosing) stack.push(name ?? '');
  }
  assert.equal(consumed, body.length, `not markup at offset ${consumed}: ${body.slice(consumed, consumed + 40)}`);
  assert.deepEqual(stack, [], 'unclosed elements');
}

describe('assertWellFormed (test helper)', () => {
  test('rejects a raw &, a raw <, and tags that close out of order', () => {
    const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
    assert.doesNotThrow(() => {
      assertWellFormed(`${declaration}<a x="1"><b>t &amp; u</b><c/></a>\n`);
    });
    assert.throws(() => {
      assertWellFormed(`${declaration}<a>Tom & Jerry</a>\n`);
    });
    assert.throws(() => {
      assertWellFormed(`${declaration}<a>1 < 2</a>\n`);
    });
    assert.throws(() => {
      assertWellFormed(`${declaration}<a><b></a></b>\n`);
    });
    assert.throws(() => {
      assertWellFormed(`${declaration}<a href="x"y">z</a>\n`);
    });
  });
});

describe('escapeXml', () => {
  test('escapes the five XML special characters and nothing else', () => {
    assert.equal(
      escapeXml(`<a href="x">Tom & Jerry's</a> é`),
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; é',
    );
  });

  test('escapes an existing entity again (no double-decoding shortcut)', () => {
    assert.equal(escapeXml('&amp;'), '&amp;amp;');
  });
});

describe('createAtomFeed', () => {
  const entries = [entry('2.3.0', '2026-06-01'), entry('2.4.0', '2026-10-06'), entry('2.2.0', '2026-02-10')];

  test('is well-formed XML in the Atom namespace with the feed language', () => {
    const xml = createAtomFeed(feed(entries));
    assertWellFormed(xml);
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="en">/);
    assert.equal([...xml.matchAll(/<entry>/g)].length, 3);
  });

  test('escapes <, & and " in titles, summaries, ids and links', () => {
    const tricky = entry('2.5.0', '2026-11-01', {
      title: 'Fix <script> & "quotes" in 2.5.0',
      summary: 'a < b && c > d',
      url: 'https://cryptpeer.com/releases/2.5.0/?a=1&b="2"',
    });
    const xml = createAtomFeed(feed([tricky], { title: 'R&D <feed>', author: 'CryptPeer "SAS" & co' }));
    assertWellFormed(xml);
    assert.ok(xml.includes('<title>Fix &lt;script&gt; &amp; &quot;quotes&quot; in 2.5.0</title>'));
    assert.ok(xml.includes('<summary>a &lt; b &amp;&amp; c &gt; d</summary>'));
    assert.ok(xml.includes('href="https://cryptpeer.com/releases/2.5.0/?a=1&amp;b=&quot;2&quot;"'));
    assert.ok(xml.includes('<title>R&amp;D &lt;feed&gt;</title>'));
    assert.ok(xml.includes('<name>CryptPeer &quot;SAS&quot; &amp; co</name>'));
    assert.ok(!xml.includes('<script>'));
  });

  test('the feed updated is the newest entry date, whatever the entry order', () => {
    const xml = createAtomFeed(feed(entries));
    const [feedUpdated, ...entryUpdated] = texts(xml, 'updated');
    assert.equal(feedUpdated, '2026-10-06T00:00:00Z');
    assert.deepEqual(entryUpdated, ['2026-06-01T00:00:00Z', '2026-10-06T00:00:00Z', '2026-02-10T00:00:00Z']);
  });

  test('keeps the entries in the order given', () => {
    assert.deepEqual(
      texts(createAtomFeed(feed(entries)), 'id').slice(1),
      entries.map((e) => e.id),
    );
  });

  test('an empty feed is dated 1970-01-01 (never the build time)', () => {
    const xml = createAtomFeed(feed([]));
    assertWellFormed(xml);
    assert.deepEqual(texts(xml, 'updated'), ['1970-01-01T00:00:00Z']);
  });

  test('is deterministic: the same input gives the same bytes, whatever the clock says', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.UTC(2026, 0, 1) });
    const first = createAtomFeed(feed(entries));
    t.mock.timers.setTime(Date.UTC(2031, 5, 15, 12, 30));
    assert.equal(createAtomFeed(feed(entries.map((e) => ({ ...e })))), first);
    assert.ok(!first.includes('2031'));
  });

  test('links the feed to itself and to its HTML page', () => {
    const xml = createAtomFeed(feed(entries));
    assert.ok(
      xml.includes('<link rel="self" type="application/atom+xml" href="https://cryptpeer.com/releases/feed.xml"/>'),
    );
    assert.ok(xml.includes('<link rel="alternate" type="text/html" href="https://cryptpeer.com/releases/"/>'));
  });
});
