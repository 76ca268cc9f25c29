import type { AdvisoryData } from '../../schemas/advisory.ts';
import { absolute } from '../links.ts';
import { csafDocumentPath } from '../paths.ts';
import {
  dateTime,
  productId,
  publisher,
  sampleNote,
  tracking,
  vendorFixes,
  vulnerabilityIds,
  type CsafContext,
} from './common.ts';
import { cvss31BaseScore } from './cvss.ts';

// What the two CSAF documents of an advisory (the security advisory and its VEX document) share:
// the `document` head and the fields of their one vulnerability. Each document adds only what
// its profile needs; stableJson sorts the keys, so the bytes do not depend on the order here.

type Note = { category: string; title: string; text: string };
type Reference = { category: string; summary: string; url: string };

export interface HeadOptions {
  category: 'csaf_security_advisory' | 'csaf_vex';
  trackingId: string;
  title: string;
  /** Notes after the summary, before the sample-data note. */
  notes: Note[];
  /** What the sample-data note calls the document: `This ${what} is sample data…`. */
  sampleName: string;
  /** References after the document's own canonical URL. */
  references: Reference[];
}

/** The `document` object: TLP:WHITE, English, the publisher, the canonical URL, the tracking of every revision. */
export function csafDocumentHead(advisory: AdvisoryData, context: CsafContext, head: HeadOptions) {
  const initial = advisory.revisions[0]?.date ?? '';
  return {
    category: head.category,
    csaf_version: '2.0',
    distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
    lang: 'en',
    notes: [
      { category: 'summary', title: 'Summary', text: advisory.summary.en },
      ...head.notes,
      ...sampleNote(advisory, head.sampleName, context.site),
    ],
    publisher: publisher(context),
    references: [
      {
        category: 'self',
        summary: 'Canonical URL of this CSAF document',
        url: absolute(context.links, csafDocumentPath(head.trackingId, initial)),
      },
      ...head.references,
    ],
    title: head.title,
    tracking: tracking(advisory, head.trackingId, context.site),
  };
}

/** The affected and fixed product ids of an advisory, in the order of its products. */
function statusIds(advisory: AdvisoryData): { affected: string[]; fixed: string[] } {
  return {
    affected: advisory.products.flatMap((p) => p.affected.map((v) => productId(p.component, v))),
    fixed: advisory.products.flatMap((p) => p.fixed.map((v) => productId(p.component, v))),
  };
}

/** The advisory's one vulnerability as both documents state it: ids, description, status, fixes, CVSS v3.1. */
export function csafVulnerability(advisory: AdvisoryData, context: CsafContext) {
  const { affected, fixed } = statusIds(advisory);
  const { baseScore, baseSeverity } = cvss31BaseScore(advisory.cvss);
  return {
    cwe: advisory.cwe,
    ids: vulnerabilityIds(advisory, context.site),
    notes: [{ category: 'description', title: 'Vulnerability description', text: advisory.details.en }],
    product_status: { fixed, known_affected: affected },
    release_date: dateTime(advisory.revisions[0]?.date ?? ''),
    remediations: vendorFixes(advisory, context.links),
    scores: [{ cvss_v3: { version: '3.1', vectorString: advisory.cvss, baseScore, baseSeverity }, products: affected }],
    title: advisory.title.en,
  };
}
