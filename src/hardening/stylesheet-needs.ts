import type { DistFiles } from './dist-files.ts';

const cache = new WeakMap<DistFiles, Map<string, { fonts: boolean; images: boolean }>>();

/**
 * What a stylesheet makes the browser load: fonts (`@font-face`) and images (`url()` of an image),
 * so `font-src` and `img-src` are granted only to routes whose CSS needs them.
 */
export function getStylesheetNeeds(dist: DistFiles, path: string): { fonts: boolean; images: boolean } {
  let perDist = cache.get(dist);
  if (!perDist) {
    perDist = new Map<string, { fonts: boolean; images: boolean }>();
    cache.set(dist, perDist);
  }
  const hit = perDist.get(path);
  if (hit) return hit;
  const css = dist.read(path)?.toString('utf8') ?? '';
  const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1] ?? '');
  const result = {
    fonts: /@font-face/i.test(css),
    images: urls.some((u) => /\.(png|jpe?g|gif|webp|avif|svg)(\?|#|$)/i.test(u)),
  };
  perDist.set(path, result);
  return result;
}
