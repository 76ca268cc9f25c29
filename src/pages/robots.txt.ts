import type { APIRoute } from 'astro';
import { getSiteData } from '../data/site.ts';
import { getContentType } from '../security/headers/content-type.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${getSiteData().site.url}/sitemap.xml\n`, {
    headers: { 'Content-Type': getContentType('robots.txt') },
  });
