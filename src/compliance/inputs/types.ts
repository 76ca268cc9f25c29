import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { DeclarationData } from '../../schemas/declaration.ts';
import type { ProductInformationData } from '../../schemas/product-information.ts';
import type { SecurityData } from '../../schemas/security.ts';
import type { SiteData } from '../../schemas/site.ts';
import type { CsafLock } from '../csaf/lock.ts';
import type { ArchivedDeclaration } from '../declaration/archive.ts';
import type { ReleaseFacts } from '../releases.ts';
import type { SbomSource } from '../sbom/source.ts';
import type { Sourced } from '../sourced.ts';

// The shape of the loaded compliance inputs. The loader (index.ts) imports the cross-file checks
// (cross-checks.ts); both, and the documents' code, name the shape from here, so nothing in this
// module imports its way back into the loader.

export interface DeclarationSource extends Sourced<DeclarationData> {
  /** The issued documents, for any status but draft (checked against their manifest, not yet against the code). */
  archive: ArchivedDeclaration | undefined;
}

/** Every compliance input, validated one file at a time and then across files. */
export interface ComplianceData {
  /** The project folder the data was read from (the website SBOM reads its lockfile there). */
  root: string;
  /** Published bytes of every CSAF revision (content/advisories/csaf.lock.json). */
  csafLock: CsafLock;
  site: SiteData;
  security: Sourced<SecurityData>;
  productInformation: Sourced<ProductInformationData>;
  /** Oldest product version first. */
  declarations: DeclarationSource[];
  /** By id. */
  advisories: Sourced<AdvisoryData>[];
  releases: ReleaseFacts[];
  /** Oldest product version first. */
  sboms: SbomSource[];
}
