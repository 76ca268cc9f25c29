import type { APIRoute, GetStaticPaths } from 'astro';
import { getComplianceBuild } from '../compliance/site-build.ts';
import { getContentType } from '../security/headers/content-type.ts';

// Every generated compliance file (declarations, CSAF tree, SBOM, security.txt) is a static
// endpoint: the build writes the exact bytes, and any invalid input throws here and stops it.
// A rest parameter is how /.well-known/… is produced: Astro ignores dot-folders under src/pages.
export const getStaticPaths = (async () => {
  const build = await getComplianceBuild();
  return [...build.files.keys()].map((path) => ({ params: { complianceFile: path.slice(1) }, props: { path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = async ({ props }) => {
  const file = (await getComplianceBuild()).files.get(props.path);
  if (!file) throw new Error(`[compliance] no generated file ${props.path}`);
  return new Response(new Uint8Array(file.bytes), { headers: { 'Content-Type': getContentType(props.path) } });
};
