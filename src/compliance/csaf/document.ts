import type { AdvisoryData } from '../../schemas/advisory.ts';
import { absolute, advisoryPagePath, releaseNotePath } from '../links.ts';
import { csafDocumentPath } from '../paths.ts';
import {
  dateTime,
  firstFixOf,
  productId,
  productTree,
  publisher,
  sampleNote,
  tracking,
  vendorFixes,
  vexTrackingId,
  vulnerabilityIds,
  type CsafContext,
} from './common.ts';
import { cvss31BaseScore } from './cvss.ts';

export { productId, type CsafContext } from './common.ts';

/**
 * A CSAF 2.0 `csaf_security_advisory` (English) from one advisory: product tree of the component
 * versions named, status per product, CVSS v3.1 computed from the vector, references to the
 * advisory page, the fixing release notes, the advisory's VEX document and its own canonical URL.
 * Contains no clock time and no package version, so the same data always gives the same bytes.
 */
export function createCsafDocument(advisory: AdvisoryData, context: CsafContext): Record<string, unknown> {
  const { site, links } = context;
  const initial = advisory.revisions[0]?.date ?? '';
  const affected = advisory.products.flatMap((p) => p.affected.map((v) => productId(p.component, v)));
  const fixed = advisory.products.flatMap((p) => p.fixed.map((v) => productId(p.component, v)));
  const firstFix = firstFixOf(advisory.products.flatMap((p) => p.fixed));
  const { baseScore, baseSeverity } = cvss31BaseScore(advisory.cvss);

  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      lang: 'en',
      notes: [
        { category: 'summary', title: 'Summary', text: advisory.summary.en },
        ...sampleNote(advisory, 'advisory'),
      ],
      publisher: publisher(context),
      references: [
        {
          category: 'self',
          summary: 'Canonical URL of this CSAF document',
          url: absolute(links, csafDocumentPath(advisory.id, initial)),
        },
        {
          category: 'self',
          summary: 'This advisory as a web page',
          url: absolute(links, advisoryPagePath(links, 'en', advisory.id)),
        },
        {
          category: 'external',
          summary: 'CSAF VEX document: status of every product version this advisory covers',
          url: absolute(links, csafDocumentPath(vexTrackingId(advisory.id), initial)),
        },
        {
          category: 'external',
          summary: `Release notes of ${site.product.name} ${firstFix}, which fixes this vulnerability`,
          url: absolute(links, releaseNotePath(links, 'en', firstFix)),
        },
      ],
      title: advisory.title.en,
      tracking: tracking(advisory, advisory.id),
    },
    product_tree: productTree(
      site,
      advisory.products.map((p) => ({ component: p.component, versions: [...p.affected, ...p.fixed] })),
    ),
    vulnerabilities: [
      {
        cwe: advisory.cwe,
        ids: vulnerabilityIds(advisory),
        notes: [{ category: 'description', title: 'Vulnerability description', text: advisory.details.en }],
        product_status: { fixed, known_affected: affected },
        release_date: dateTime(initial),
        remediations: vendorFixes(advisory, links),
        scores: [
          {
            cvss_v3: { version: '3.1', vectorString: advisory.cvss, baseScore, baseSeverity },
            products: affected,
          },
        ],
        title: advisory.title.en,
      },
    ],
  };
}
