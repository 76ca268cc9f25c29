// The headers-manifest contract: shape, reader, resolver. Consumers import from here only.
export { MANIFEST_FILE, manifestSchema, type HeadersManifest } from './schema.ts';
export { ManifestError, parseManifest, readManifest } from './read.ts';
export {
  bodilessHeaders,
  contentTypeOf,
  findRoute,
  htmlContentType,
  isPrecompressedSibling,
  refusesCrossSite,
  precompressedEncodingsOf,
  resolveHeaders,
  routeOfFile,
  type FetchMetadata,
} from './resolve.ts';
export {
  classCspOf,
  isPagePath,
  PAGE_PATH_PATTERN,
  policyClasses,
  routeForms,
  routeRegex,
  type PolicyClasses,
} from './classes.ts';
