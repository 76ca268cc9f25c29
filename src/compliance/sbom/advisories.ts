import type { ComplianceData } from '../inputs/index.ts';
import { parseBom } from './cyclonedx.ts';
import { sbomPath } from './paths.ts';
import { deliverablePurl } from './source.ts';

/** One product of an advisory (a deliverable at one version) and the SBOM that describes it, if any. */
export interface AdvisorySbomMatch {
  /** @example CPSA-2026-002 */
  advisory: string;
  /** The advisory's content file. */
  file: string;
  /** Where the product is listed in that file. @example products.0.affected.1 */
  field: string;
  component: string;
  version: string;
  status: 'affected' | 'fixed';
  /** `<site component purl>@<version>`, the identifier CSAF product entries carry too. */
  purl: string;
  /** The SBOM whose `metadata.component.purl` is `purl`; absent when that version has none. */
  sbom?: { file: string; path: string };
}

/**
 * For every component × version an advisory lists as affected or fixed, the SBOM describing
 * exactly that deliverable version, found by its `metadata.component.purl` (what the file says it
 * describes, not where it lies). Pure: reads only `data`.
 */
export function matchAdvisoriesToSboms(data: ComplianceData): AdvisorySbomMatch[] {
  const byPurl = new Map<string, { file: string; path: string }>();
  for (const source of data.sboms) {
    const purl = parseBom(source.file, source.bytes).metadata?.component?.purl;
    if (typeof purl === 'string')
      byPurl.set(purl, { file: source.file, path: sbomPath(source.version, source.component) });
  }
  return data.advisories.flatMap(({ file, data: advisory }) =>
    advisory.products.flatMap((product, index) =>
      (['affected', 'fixed'] as const).flatMap((status) =>
        product[status].flatMap((version, i) => {
          const purl = deliverablePurl(data.site, product.component, version);
          if (purl === undefined) return [];
          const sbom = byPurl.get(purl);
          return [
            {
              advisory: advisory.id,
              file,
              field: `products.${index}.${status}.${i}`,
              component: product.component,
              version,
              status,
              purl,
              ...(sbom ? { sbom } : {}),
            },
          ];
        }),
      ),
    ),
  );
}
