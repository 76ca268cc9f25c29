import { escapeXml } from './xml.ts';

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  /** ISO date (YYYY-MM-DD). */
  updated: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  lang: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  entries: readonly AtomEntry[];
}

const stamp = (date: string) => `${date}T00:00:00Z`;

/**
 * An Atom 1.0 (RFC 4287) feed. `updated` is the newest entry's date, never the build time,
 * so two builds of the same content give the same bytes.
 */
export function createAtomFeed(feed: AtomFeed): string {
  const newest =
    feed.entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01';
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <updated>${stamp(e.updated)}</updated>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>
  <updated>${stamp(newest)}</updated>
  <author><name>${escapeXml(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
