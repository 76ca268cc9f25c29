import { getSiteData } from '../data/site.ts';
import type { SecurityOptionsInput } from './options.ts';

/**
 * This site's security options: the single input of the integration (astro.config.mjs) and of the
 * website-security page, which renders the resulting headers so the page cannot drift from them.
 */
export function getSitePolicyInput(): SecurityOptionsInput {
  return { origin: getSiteData().site.url };
}
