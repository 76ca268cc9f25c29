import type { AdvisoryData } from '../../schemas/advisory.ts';
import { absolute, advisoryPagePath, releaseNotePath } from '../links.ts';
import { csafDocumentPath } from '../paths.ts';
import { firstFixOf, productTree, vexTrackingId, type CsafContext } from './common.ts';
import { csafDocumentHead, csafVulnerability } from './head.ts';

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
  const firstFix = firstFixOf(advisory.products.flatMap((p) => p.fixed));
  return {
    document: csafDocumentHead(advisory, context, {
      category: 'csaf_security_advisory',
      trackingId: advisory.id,
      title: advisory.title.en,
      notes: [],
      sampleName: 'advisory',
      references: [
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
    }),
    product_tree: productTree(
      site,
      advisory.products.map((p) => ({ component: p.component, versions: [...p.affected, ...p.fixed] })),
    ),
    vulnerabilities: [csafVulnerability(advisory, context)],
  };
}
