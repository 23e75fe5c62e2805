import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Problem } from '../errors/problem.ts';
import type { PublicationRequest } from './request.ts';
import { TITLE_MAX_LENGTH } from './schema.ts';
import { isSiteAddress, slugify } from './slug.ts';
import { CONTENT_TYPES, isContentType, type ContentType } from './types.ts';

/**
 * `tayang baru`: a new item folder from the template of its type (templates/<jenis>.md, data
 * an office may adapt). Placeholders `[GANTI: …]` are refused by the schema until replaced, so
 * a half-filled item can never be published.
 */

export interface NewItem {
  jenis: ContentType;
  slug: string;
  /** `<root>/<jenis>/<slug>/index.md` */
  file: string;
  text: string;
}

const TEMPLATES_DIR = new URL('./templates/', import.meta.url);

/**
 * Checks the request and fills the template in. `today` is the office's date, `YYYY-MM-DD`. From a
 * "Permintaan publikasi" issue (`request`), its classification goes into the frontmatter and what
 * it asks for into a comment above the checklist, for the writer (a comment: never published).
 */
export async function planNewItem(root: string, jenis: string, judul: string, today: string, request?: PublicationRequest): Promise<{ ok: true; value: NewItem } | { ok: false; problems: Problem[] }> {
  const where = 'tayang baru';
  if (!isContentType(jenis)) {
    return { ok: false, problems: [{ file: where, message: `jenis "${jenis}" tidak dikenal.`, fix: `pilih salah satu: ${CONTENT_TYPES.join(', ')}.` }] };
  }
  const title = judul.trim();
  if (title === '') {
    return { ok: false, problems: [{ file: where, message: 'judul tidak boleh kosong.', fix: `tulis judulnya dalam tanda kutip, misalnya: tayang baru ${jenis} "Musrenbang Kecamatan 2026".` }] };
  }
  const slug = slugify(title);
  if (slug === '') {
    return { ok: false, problems: [{ file: where, message: `judul "${title}" tidak berisi huruf atau angka untuk nama folder.`, fix: 'tulis judul dengan huruf atau angka.' }] };
  }
  if (jenis === 'halaman' && isSiteAddress(slug)) {
    return { ok: false, problems: [{ file: where, message: `judul "${title}" menjadi alamat /${slug}/, yang sudah dipakai situs sendiri.`, fix: 'pakai judul yang lebih khusus, misalnya dengan nama kantor di belakangnya ("Profil Kecamatan Jenawi").' }] };
  }
  if (title.length > TITLE_MAX_LENGTH) {
    return { ok: false, problems: [{ file: where, message: `judul ${title.length} karakter, padahal paling panjang ${TITLE_MAX_LENGTH}.`, fix: 'persingkat judulnya; rinciannya ditulis di ringkasan dan isi.' }] };
  }
  const template = await readFile(new URL(`${jenis}.md`, TEMPLATES_DIR), 'utf8');
  // JSON strings are YAML double-quoted strings: any title is written safely. A function, not a
  // string, as the replacement: "$&" or "$'" in a title must stay as written.
  const text = template.replaceAll('{{judul}}', () => JSON.stringify(title)).replaceAll('{{tanggal}}', today);
  return { ok: true, value: { jenis, slug, file: posix.join(root, jenis, slug, 'index.md'), text: request ? fromRequest(text, request) : text } };
}

function fromRequest(text: string, request: PublicationRequest): string {
  let filled = text;
  if (request.klasifikasi) {
    const line = `klasifikasi: ${request.klasifikasi}`;
    filled = /^klasifikasi:.*$/m.test(filled) ? filled.replace(/^klasifikasi:.*$/m, () => line) : filled.replace(/^(tanggal:.*)$/m, (found) => `${found}\n${line}`);
  }
  // "--" ends an HTML comment early; the request's text is the writer's, so it is defused.
  const safe = (value: string) => value.replaceAll('--', '- -');
  const note = [
    '<!--',
    `Permintaan publikasi #${request.number} (${request.url}); tulis "Menutup #${request.number}" di deskripsi pull request.`,
    `- Pemberi disposisi: ${safe(request.pemberi)}`,
    ...(request.dasar ? [`- Dasar penugasan: ${safe(request.dasar)}`] : []),
    ...(request.batas_waktu ? [`- Paling lambat tayang: ${safe(request.batas_waktu)}`] : []),
    '- Yang perlu diterbitkan:',
    ...safe(request.uraian).split('\n').map((line) => `  ${line}`.trimEnd()),
    'Hapus komentar ini sebelum terbit.',
    '-->',
    '',
  ].join('\n');
  const end = filled.indexOf('\n---\n', 4) + '\n---\n'.length;
  return `${filled.slice(0, end)}\n${note}${filled.slice(end)}`;
}

/** Creates the item's folder and index.md; an existing folder is never touched. */
export async function writeNewItem(item: NewItem): Promise<Problem[]> {
  const dir = posix.dirname(item.file);
  await mkdir(posix.dirname(dir), { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return [{ file: dir, message: 'folder item ini sudah ada; isinya tidak diubah.', fix: 'buka berkas yang sudah ada, atau pakai judul lain.' }];
  }
  try {
    await writeFile(item.file, item.text, { flag: 'wx' });
  } catch (error) {
    await rmdir(dir).catch(() => undefined);
    throw error;
  }
  return [];
}
