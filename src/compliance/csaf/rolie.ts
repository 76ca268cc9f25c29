import { z } from 'zod';
import { absolute, type SiteLinks } from '../links.ts';
import { CSAF_WHITE_DIR } from '../paths.ts';
import { dateTime } from './common.ts';
import type { CsafDocumentFile } from './publish.ts';

/** CSAF 2.0 requirement 15: one ROLIE feed per TLP label; ours lists every TLP:WHITE document. */
export const CSAF_ROLIE_FEED_PATH = `${CSAF_WHITE_DIR}/feed-tlp-white.json`;

const httpsJson = z.url({ protocol: /^https$/ }).regex(/\.json$/);
const link = z.object({ rel: z.string().min(1), href: z.url() }).strict();
const dateTimeString = z.iso.datetime({ offset: true });

/** The feed as the CSAF 2.0 ROLIE feed JSON schema describes it, checked before it ships. */
const rolieFeedSchema = z
  .object({
    feed: z
      .object({
        id: z.string().regex(/^[a-zA-Z0-9+\-_.]+$/),
        title: z.string().min(1),
        link: z
          .array(link)
          .min(1)
          .refine((links) => links[0]?.rel === 'self' && httpsJson.safeParse(links[0].href).success),
        category: z
          .array(z.object({ scheme: z.string().min(1), term: z.string().min(1) }).strict())
          .refine((c) => c[0]?.scheme === 'urn:ietf:params:rolie:category:information-type' && c[0].term === 'csaf'),
        updated: dateTimeString,
        entry: z.array(
          z
            .object({
              id: z.string().regex(/^\S(.*\S)?$/),
              title: z.string().min(1),
              link: z
                .array(link)
                .min(1)
                .refine((links) => links[0]?.rel === 'self'),
              published: dateTimeString,
              updated: dateTimeString,
              summary: z
                .object({ content: z.string().min(1) })
                .strict()
                .optional(),
              content: z.object({ type: z.literal('application/json'), src: httpsJson }).strict(),
              format: z
                .object({
                  schema: z.literal('https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json'),
                  version: z.literal('2.0'),
                })
                .strict(),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

export interface RolieEntryInput {
  file: CsafDocumentFile;
  /** Shown as the entry summary. */
  summary: string;
  signed: boolean;
}

/**
 * The TLP:WHITE ROLIE feed (RFC 8322 JSON as CSAF 2.0 requirement 15 profiles it): one entry per
 * document, newest first, linking its hash files and, when signed, its signature (requirements 18
 * and 19 ask for both to be listed). `updated` is the newest revision date, never the build time,
 * so the feed changes only when a document does.
 */
export function createRolieFeed(links: SiteLinks, productName: string, entries: readonly RolieEntryInput[]): unknown {
  const url = (path: string) => absolute(links, path);
  const newest =
    entries
      .map((e) => e.file.currentReleaseDate)
      .sort()
      .at(-1) ?? '1970-01-01';
  return rolieFeedSchema.parse({
    feed: {
      id: `${productName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-csaf-feed-tlp-white`,
      title: `${productName} CSAF feed (TLP:WHITE)`,
      link: [{ rel: 'self', href: url(CSAF_ROLIE_FEED_PATH) }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: dateTime(newest),
      entry: entries.map(({ file, summary, signed }) => ({
        id: file.trackingId,
        title: file.title,
        link: [
          { rel: 'self', href: url(file.path) },
          { rel: 'hash', href: url(`${file.path}.sha256`) },
          { rel: 'hash', href: url(`${file.path}.sha512`) },
          ...(signed ? [{ rel: 'signature', href: url(`${file.path}.asc`) }] : []),
        ],
        published: dateTime(file.initialReleaseDate),
        updated: dateTime(file.currentReleaseDate),
        summary: { content: summary },
        content: { type: 'application/json', src: url(file.path) },
        format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
      })),
    },
  });
}
