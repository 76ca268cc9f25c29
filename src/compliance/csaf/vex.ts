import type { AdvisoryData } from '../../schemas/advisory.ts';
import { absolute, advisoryPagePath } from '../links.ts';
import { csafDocumentPath } from '../paths.ts';
import { productId, productTree, vexTrackingId, type CsafContext } from './common.ts';
import { csafDocumentHead, csafVulnerability } from './head.ts';

/** Components in order of first mention, each with every version the advisory gives a status. */
function statusProducts(advisory: AdvisoryData): { component: string; versions: string[] }[] {
  const byComponent = new Map<string, string[]>();
  const add = (component: string, versions: readonly string[]) =>
    byComponent.set(component, [...(byComponent.get(component) ?? []), ...versions]);
  for (const p of advisory.products) add(p.component, [...p.affected, ...p.fixed]);
  for (const n of advisory.notAffected ?? []) add(n.component, n.versions);
  return [...byComponent].map(([component, versions]) => ({ component, versions }));
}

/**
 * The advisory as a CSAF 2.0 `csaf_vex` document (profile 4): a status for each component version
 * it names — `known_affected`, `fixed` or `known_not_affected` — so a consumer matching an SBOM
 * can tell "not affected" from "not assessed". Each known_affected product has its vendor_fix
 * (the profile's action statement); each known_not_affected one has its justification as a flag
 * and, when the advisory gives one, its statement as an `impact` threat. Same revisions as the
 * advisory, tracking id `<ID>-VEX`, no clock time.
 */
export function createVexDocument(advisory: AdvisoryData, context: CsafContext): Record<string, unknown> {
  const { site, links } = context;
  const initial = advisory.revisions[0]?.date ?? '';
  const notAffected = (advisory.notAffected ?? []).map((n) => ({
    ...n,
    productIds: n.versions.map((v) => productId(n.component, v)),
  }));
  const threats = notAffected.flatMap((n) =>
    n.statement ? [{ category: 'impact', details: n.statement.en, product_ids: n.productIds }] : [],
  );
  const vulnerability = csafVulnerability(advisory, context);

  return {
    document: csafDocumentHead(advisory, context, {
      category: 'csaf_vex',
      trackingId: vexTrackingId(advisory.id),
      title: `VEX for ${advisory.id}: ${advisory.title.en}`,
      notes: [
        {
          category: 'general',
          title: 'Scope',
          text: `Exploitability status of the ${site.product.name} versions covered by advisory ${advisory.id}. Versions not listed here have not been assessed in this document.`,
        },
      ],
      sampleName: 'VEX document',
      references: [
        {
          category: 'external',
          summary: `CSAF security advisory ${advisory.id}`,
          url: absolute(links, csafDocumentPath(advisory.id, initial)),
        },
        {
          category: 'external',
          summary: `Advisory ${advisory.id} as a web page`,
          url: absolute(links, advisoryPagePath(links, 'en', advisory.id)),
        },
      ],
    }),
    product_tree: productTree(site, statusProducts(advisory)),
    vulnerabilities: [
      {
        ...vulnerability,
        ...(notAffected.length > 0
          ? { flags: notAffected.map((n) => ({ label: n.justification, product_ids: n.productIds })) }
          : {}),
        product_status: {
          ...vulnerability.product_status,
          ...(notAffected.length > 0 ? { known_not_affected: notAffected.flatMap((n) => n.productIds) } : {}),
        },
        ...(threats.length > 0 ? { threats } : {}),
      },
    ],
  };
}
