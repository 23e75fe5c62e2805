import type { APIRoute, GetStaticPaths } from 'astro';
import { renderEventCalendar } from '../../lib/site/agenda.ts';
import { siteConfig } from '../../lib/site/office.ts';
import { absoluteUrl, withBase } from '../../lib/site/urls.ts';
import { pathOf, slugOf, type Entry } from '../_content.ts';
import { itemPaths } from '../_paths.ts';

/** `/agenda/<slug>.ics`: each event's calendar file, linked from its page. */
export const getStaticPaths = (() => itemPaths('agenda')) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: Entry<'agenda'> }> = async ({ props, site }) => {
  const { kantor } = await siteConfig();
  const { data } = props.entry;
  const office = new URL(kantor.situs);
  const text = renderEventCalendar(
    {
      uid: `agenda-${slugOf(props.entry)}@${office.host}`,
      stamp: data.tanggal,
      mulai: data.mulai,
      selesai: data.selesai,
      summary: data.judul,
      location: data.lokasi,
      description: `${data.ringkasan}\n\nPenyelenggara: ${data.penyelenggara}`,
      url: absoluteUrl(site ?? office, withBase(import.meta.env.BASE_URL, pathOf(props.entry))),
    },
    { office: kantor.nama, zone: kantor.zona_waktu },
  );
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
