import type { APIRoute } from 'astro';
import { renderPerformanceSvg } from '../../lib/records/performance-render.ts';
import { siteConfig } from '../../lib/site/office.ts';
import { sitePerformance } from '../_records.ts';

/** The chart of /kinerja/ as a file of its own: an <img> of it needs no inline SVG, so no style can slip past the CSP. */
export const GET: APIRoute = async () => {
  const config = await siteConfig();
  return new Response(renderPerformanceSvg(await sitePerformance(config), config.kantor.nama), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
