import { SBOM_DIR } from '../paths.ts';

/** Where a deliverable's SBOM is published. @example /sbom/2.4.0/relay-server.cdx.json */
export const sbomPath = (version: string, component: string): string => `${SBOM_DIR}/${version}/${component}.cdx.json`;

/** This website's own SBOM (its npm dependencies), generated at build time. */
export const WEBSITE_SBOM_PATH = `${SBOM_DIR}/website.cdx.json`;
