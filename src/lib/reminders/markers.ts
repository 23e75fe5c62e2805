/**
 * What `tayang pengingat` has already sent lives in GitHub itself: every reminder comment and
 * issue carries hidden markers, `<!-- tayang:pengingat jenis=pengingat alur=publikasi
 * tahap=verifikasi mulai=2025-03-07T07:00:00.000Z -->`, one per notice it stands for. A run reads
 * the markers back and sends only what none of them names, so a re-run (hourly) sends nothing twice
 * and no state has to be kept anywhere else.
 */

/** The fields of a marker, in the order they are written; values hold no spaces. */
export type MarkerFields = Record<string, string>;

const PREFIX = '<!-- tayang:pengingat ';
const MARKER = /<!-- tayang:pengingat ((?:[a-z_]+=[^\s>]+ )+)-->/g;

/** The marker for one notice; the same fields always give the same text. */
export function formatMarker(fields: MarkerFields): string {
  for (const [key, value] of Object.entries(fields)) {
    // Flow, stage and item ids, dates and ISO times never hold these; refusing them keeps a
    // marker from ending early or hiding another one.
    if (!/^[a-z_]+$/.test(key) || !/^[^\s>]+$/.test(value) || value.includes('--')) throw new Error(`marker field ${key}=${value} cannot be written`);
  }
  return `${PREFIX}${Object.entries(fields).map(([key, value]) => `${key}=${value} `).join('')}-->`;
}

/** Every marker in a text, as `formatMarker` wrote it. */
export function readMarkers(text: string): string[] {
  return [...text.matchAll(MARKER)].map((match) => match[0]);
}
