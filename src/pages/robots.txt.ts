import type { APIRoute } from 'astro';
import { withBase } from '../lib/site/urls.ts';

/** Lets search engines index everything and tells them where the sitemap is (absolute URL). */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
