// The headers-manifest contract: shape, reader, resolver. Consumers import from here only.
export { MANIFEST_FILE, manifestSchema, type HeadersManifest } from './schema.ts';
export { ManifestError, parseManifest, readManifest } from './read.ts';
export { contentTypeOf, findRoute, htmlContentType, resolveHeaders, routeOfFile } from './resolve.ts';
