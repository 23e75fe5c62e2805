/**
 * Generates the benchmark corpus: N content items laid out three times, as a Tayang repository
 * (the project itself at HEAD, with its content/ replaced), as a plain Astro project (bench/astro/)
 * and as a Hugo site, with the same Markdown, pictures and attachments, so the builds are compared
 * on equal input.
 *
 *   node bench/corpus.ts --items 1000 [--mix office|news] [--out DIR] [--seed 1]
 *
 * The `office` mix is every type in the shares an office's site holds; `news` is what the
 * side-by-side benchmark builds with all three tools: news, announcements and agenda only, with
 * a photo on every tenth item.
 *
 * News, announcements and agenda items are written from bench/corpus-text.yml; the other six types
 * are copies of the example items in content/ (their PDFs, CSV, audio, video and captions),
 * each picture replaced by a generated one so that no two items share an image.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { slugify } from '../src/lib/content/slug.ts';
import { CONTENT_ROOT, CONTENT_TYPES, type ContentType } from '../src/lib/content/types.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const HUGO_THEME = fileURLToPath(new URL('hugo/', import.meta.url));
const PLAIN_ASTRO = fileURLToPath(new URL('astro/', import.meta.url));

export type Mix = 'office' | 'news';

/** Share of each type, roughly what the offices' sites hold: mostly news and announcements. */
const OFFICE_MIX: Record<ContentType, number> = {
  berita: 0.45,
  pengumuman: 0.25,
  agenda: 0.08,
  artikel: 0.06,
  dokumen: 0.05,
  data: 0.03,
  galeri: 0.03,
  video: 0.03,
  audio: 0.02,
  // An office has a handful of its own pages, whatever the size of its site.
  halaman: 0,
};
/** The types the plain Astro project has templates for. */
const NEWS_MIX: Record<ContentType, number> = { berita: 0.6, pengumuman: 0.25, agenda: 0.15, artikel: 0, dokumen: 0, data: 0, galeri: 0, video: 0, audio: 0, halaman: 0 };
/** In the `news` mix, a photo on every this-many items, whatever their type. */
const NEWS_MIX_PHOTO_EVERY = 10;
/** Share of news items with a photo (the rest are text only, as many kecamatan posts are). */
const NEWS_PHOTO_SHARE = 0.4;
const ANNOUNCEMENT_ATTACHMENT_SHARE = 0.3;
const ANNOUNCEMENT_TABLE_SHARE = 0.3;
/** Generated pictures: a phone photo already scaled down for the web, about 20–40 kB as JPEG. */
const PHOTO_SIZE = { width: 1200, height: 800 };

interface Activity {
  judul: string;
  kegiatan: string;
  tempat: string;
  tujuan: string;
  kutipan: string;
  tindak_lanjut: string;
}
interface Service {
  judul: string;
  layanan: string;
  syarat: string;
}
interface CorpusText {
  desa: string[];
  orang: string[];
  jabatan: string[];
  penulis: string[];
  hari: string[];
  bulan: string[];
  kegiatan: Activity[];
  layanan: Service[];
}

/** One item before it is written: its frontmatter, Markdown body and the files beside it. */
interface DraftItem {
  jenis: ContentType;
  slug: string;
  data: Record<string, unknown>;
  body: string;
  /** Files copied from an example item (absolute source path → name in the item folder). */
  copies: { from: string; name: string }[];
  /** Pictures to generate, by name. */
  photos: string[];
}

export interface Corpus {
  /** The Tayang repository: the project at HEAD with the generated content/. */
  tayangDir: string;
  /** The Hugo site with the same items. */
  hugoDir: string;
  /** The plain Astro project with the same items (its templates show news, announcements and agenda). */
  astroDir: string;
  counts: Record<ContentType, number>;
  photos: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so a seed gives the same corpus every time. */
function makeRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (share: number) => next() < share,
  };
}
type Random = ReturnType<typeof makeRandom>;

/** How many items of each type N items hold; the rounding remainder goes to news. */
export function typeCounts(items: number, mix: Mix = 'office'): Record<ContentType, number> {
  const shares = mix === 'office' ? OFFICE_MIX : NEWS_MIX;
  const counts = Object.fromEntries(CONTENT_TYPES.map((jenis) => [jenis, Math.floor(items * shares[jenis])])) as Record<ContentType, number>;
  counts.berita += items - CONTENT_TYPES.reduce((sum, jenis) => sum + counts[jenis], 0);
  return counts;
}

/** A day between 2024-01-01 and 2026-10-31 (the items are already published). */
function randomDay(random: Random): Date {
  const start = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2026, 9, 31);
  return new Date(start + random.int(0, (end - start) / 86_400_000) * 86_400_000);
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Senin": `hari` starts on Monday, getUTCDay() on Sunday. */
const dayName = (text: CorpusText, day: Date) => text.hari[(day.getUTCDay() + 6) % 7]!;
/** "8 Desember 2026". */
const dateWords = (text: CorpusText, day: Date) => `${day.getUTCDate()} ${text.bulan[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
/** "Selasa, 8 Desember 2026". */
const longDate = (text: CorpusText, day: Date) => `${dayName(text, day)}, ${dateWords(text, day)}`;

function writeNews(text: CorpusText, random: Random, index: number): DraftItem {
  const activity = random.pick(text.kegiatan);
  const desa = random.pick(text.desa);
  const day = randomDay(random);
  const person = random.pick(text.orang);
  const role = random.pick(text.jabatan);
  const place = activity.tempat.replace('{desa}', desa);
  const participants = random.int(15, 180);
  const judul = `${activity.judul} di Desa ${desa}`;
  const photo = random.chance(NEWS_PHOTO_SHARE);
  const paragraphs = [
    `Sebanyak ${participants} warga Desa ${desa} mengikuti ${activity.kegiatan} di ${place}, ${dayName(text, day)} (${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}). Kegiatan yang dipimpin langsung oleh ${role} ${desa} ini bertujuan ${activity.tujuan}.`,
    `${role} ${desa}, ${person}, mengatakan kegiatan ini disambut baik oleh warga. "${activity.kutipan}," ujarnya.`,
    `${activity.tindak_lanjut} Warga yang ingin mengetahui informasi lebih lanjut dapat menghubungi kantor desa pada hari dan jam kerja.`,
  ];
  if (random.chance(0.5)) paragraphs.splice(2, 0, `Camat Jenawi, Hartono, yang hadir dalam kegiatan itu meminta desa lain mengadakan kegiatan serupa.`);
  return {
    jenis: 'berita',
    slug: `${slugify(judul)}-${index}`,
    data: {
      judul,
      tanggal: isoDay(day),
      ringkasan: `Sebanyak ${participants} warga Desa ${desa} mengikuti ${activity.kegiatan} untuk ${activity.tujuan}.`,
      penulis: random.pick(text.penulis),
      lokasi: place,
      narasumber: [`${person}, ${role} ${desa}`],
      ...(photo ? { gambar: { src: 'foto.jpg', alt: `Warga Desa ${desa} mengikuti ${activity.kegiatan} di ${place}.` } } : {}),
      tag: [slugify(desa)],
      klasifikasi: 'setiap-saat',
    },
    body: paragraphs.join('\n\n'),
    copies: [],
    photos: photo ? ['foto.jpg'] : [],
  };
}

function writeAnnouncement(text: CorpusText, random: Random, index: number, attachments: string[]): DraftItem {
  const service = random.pick(text.layanan);
  const desa = random.pick(text.desa);
  const published = randomDay(random);
  const day = addDays(published, random.int(5, 20));
  const judul = `${service.judul} di Desa ${desa} pada ${dateWords(text, day)}`;
  const attachment = random.chance(ANNOUNCEMENT_ATTACHMENT_SHARE) ? random.pick(attachments) : undefined;
  const paragraphs = [
    `Kecamatan Jenawi memberitahukan bahwa ${service.layanan} akan dilaksanakan di Balai Desa ${desa} pada ${longDate(text, day)}, pukul 08.00–12.00 WIB. Layanan ini tidak dipungut biaya.`,
    `Warga diminta membawa ${service.syarat}. Warga lanjut usia dan penyandang disabilitas yang tidak dapat datang dapat meminta bantuan melalui perangkat desa.`,
    'Informasi lebih lanjut dapat ditanyakan di meja layanan Kantor Kecamatan Jenawi pada hari dan jam kerja.',
  ];
  if (random.chance(ANNOUNCEMENT_TABLE_SHARE)) {
    const rows = [0, 1, 2].map((offset) => `| ${longDate(text, addDays(day, offset))} | Balai Desa ${text.desa[(text.desa.indexOf(desa) + offset) % text.desa.length]} | 08.00–12.00 WIB |`);
    paragraphs.splice(1, 0, ['| Hari dan tanggal | Tempat | Jam |', '| --- | --- | --- |', ...rows].join('\n'));
  }
  return {
    jenis: 'pengumuman',
    slug: `${slugify(judul)}-${index}`,
    data: {
      judul,
      tanggal: isoDay(published),
      ringkasan: `Kecamatan Jenawi membuka ${service.layanan} di Balai Desa ${desa} pada ${longDate(text, day)}, tanpa biaya.`,
      penulis: random.pick(text.penulis),
      berlaku_sampai: isoDay(addDays(day, 2)),
      ...(attachment ? { lampiran: [{ berkas: 'pengumuman.pdf', judul: `Surat Pengumuman ${service.judul}` }] } : {}),
      tag: [slugify(desa), 'pelayanan'],
      klasifikasi: 'berkala',
    },
    body: paragraphs.join('\n\n'),
    copies: attachment ? [{ from: attachment, name: 'pengumuman.pdf' }] : [],
    photos: [],
  };
}

function writeAgenda(text: CorpusText, random: Random, index: number): DraftItem {
  const activity = random.pick(text.kegiatan);
  const desa = random.pick(text.desa);
  const published = randomDay(random);
  const day = isoDay(addDays(published, random.int(3, 30)));
  const place = activity.tempat.replace('{desa}', desa);
  const judul = `${activity.judul} di Desa ${desa}`;
  return {
    jenis: 'agenda',
    slug: `${slugify(judul)}-${index}`,
    data: {
      judul,
      tanggal: isoDay(published),
      ringkasan: `${capitalize(activity.kegiatan)} di ${place} bertujuan ${activity.tujuan}.`,
      penulis: random.pick(text.penulis),
      mulai: `${day} 08:00`,
      selesai: `${day} 12:00`,
      lokasi: place,
      penyelenggara: `Pemerintah Desa ${desa}`,
      tag: [slugify(desa)],
      klasifikasi: 'setiap-saat',
    },
    body: [
      `Pemerintah Desa ${desa} mengundang warga mengikuti ${activity.kegiatan} di ${place}. Kegiatan ini bertujuan ${activity.tujuan}.`,
      'Warga yang ingin ikut dapat mendaftar kepada ketua RT masing-masing paling lambat tiga hari sebelum kegiatan.',
    ].join('\n\n'),
    copies: [],
    photos: [],
  };
}

interface Example {
  dir: string;
  data: Record<string, unknown>;
  body: string;
  files: string[];
}

/** The example items of a type in the repository's content/, as the templates of their copies. */
async function readExamples(jenis: ContentType): Promise<Example[]> {
  const root = join(REPO_ROOT, CONTENT_ROOT, jenis);
  const examples: Example[] = [];
  for (const slug of (await readdir(root)).sort()) {
    const dir = join(root, slug);
    const text = await readFile(join(dir, 'index.md'), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${dir}/index.md: no frontmatter`);
    const files = (await readdir(dir)).filter((name) => name !== 'index.md').sort();
    examples.push({ dir, data: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]!.trim(), files });
  }
  if (examples.length === 0) throw new Error(`${root}: no example items`);
  return examples;
}

/** A copy of an example item under a new date; its pictures are regenerated under the same names. */
function copyExample(jenis: ContentType, example: Example, random: Random, index: number): DraftItem {
  const isPhoto = (name: string) => /\.(jpe?g|png)$/i.test(name);
  return {
    jenis,
    slug: `${slugify(String(example.data.judul))}-${index}`,
    data: { ...example.data, tanggal: isoDay(randomDay(random)) },
    body: example.body,
    copies: example.files.filter((name) => !isPhoto(name)).map((name) => ({ from: join(example.dir, name), name })),
    photos: example.files.filter(isPhoto),
  };
}

/** A distinct picture per item: a soft gradient with a few shapes, like a blurred scene. */
function renderPhoto(random: Random): Promise<Buffer> {
  const hue = random.int(0, 359);
  const shapes = Array.from({ length: 8 }, () => {
    const [x, y, r] = [random.int(0, PHOTO_SIZE.width), random.int(0, PHOTO_SIZE.height), random.int(40, 220)];
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(hue + random.int(0, 120)) % 360},55%,${random.int(30, 70)}%)" fill-opacity="0.6"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_SIZE.width}" height="${PHOTO_SIZE.height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},50%,35%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

function draftItems(text: CorpusText, examples: Map<ContentType, Example[]>, attachments: string[], counts: Record<ContentType, number>, random: Random, mix: Mix): DraftItem[] {
  const items: DraftItem[] = [];
  let index = 0;
  for (const jenis of CONTENT_TYPES) {
    for (let n = 0; n < counts[jenis]; n++) {
      index++;
      let item: DraftItem;
      if (jenis === 'berita') item = writeNews(text, random, index);
      else if (jenis === 'pengumuman') item = writeAnnouncement(text, random, index, attachments);
      else if (jenis === 'agenda') item = writeAgenda(text, random, index);
      else item = copyExample(jenis, examples.get(jenis)![n % examples.get(jenis)!.length]!, random, index);
      items.push(mix === 'news' ? withPhoto(item, index % NEWS_MIX_PHOTO_EVERY === 0) : item);
    }
  }
  return items;
}

/** The item with one photo (`foto.jpg`, its `gambar`) or none. */
function withPhoto(item: DraftItem, photo: boolean): DraftItem {
  const { gambar: _, ...data } = item.data;
  if (!photo) return { ...item, data, photos: [] };
  return { ...item, data: { ...data, gambar: { src: 'foto.jpg', alt: `Foto kegiatan: ${String(data.judul)}.` } }, photos: ['foto.jpg'] };
}

/** Hugo's front matter for the same item: title, date, summary and the picture. */
function hugoFrontmatter(item: DraftItem): Record<string, unknown> {
  const { judul, tanggal, ringkasan, gambar } = item.data as { judul: string; tanggal: string; ringkasan: string; gambar?: { src: string; alt: string } };
  return { title: judul, date: `${tanggal}T08:00:00+07:00`, summary: ringkasan, ...(gambar ? { gambar } : {}) };
}

const markdown = (data: Record<string, unknown>, body: string) => `---\n${stringifyYaml(data, { lineWidth: 0 })}---\n\n${body}\n`;

/**
 * The project at HEAD (committed files only, so the numbers belong to a commit), its example
 * content (but the office pages) and approval records removed. node_modules is linked entry by entry, not as a whole:
 * Astro and Vite keep their caches in node_modules/.astro and .vite, which must stay in the copy.
 */
async function prepareTayangRepo(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "$1" archive --format=tar HEAD | tar -x -C "$2"`, 'sh', REPO_ROOT, dir]);
  // The office's own pages stay as they are: the config's menu links to one, and a build stops
  // on a menu entry without its page.
  for (const jenis of await readdir(join(dir, CONTENT_ROOT))) if (jenis !== 'halaman') await rm(join(dir, CONTENT_ROOT, jenis), { recursive: true, force: true });
  const records = join(dir, 'records', 'persetujuan');
  for (const name of await readdir(records).catch(() => [])) if (name.endsWith('.json') || name === 'rantai.txt') await rm(join(records, name));
  await linkModules(dir);
}

/** bench/astro/ with the office's own pages, node_modules linked entry by entry as for Tayang's copy. */
async function preparePlainAstro(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  execFileSync('cp', ['-r', `${PLAIN_ASTRO}.`, dir]);
  await mkdir(join(dir, CONTENT_ROOT), { recursive: true });
  execFileSync('cp', ['-r', join(REPO_ROOT, CONTENT_ROOT, 'halaman'), join(dir, CONTENT_ROOT, 'halaman')]);
  await linkModules(dir);
}

async function linkModules(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'));
  const modules = join(REPO_ROOT, 'node_modules');
  for (const name of await readdir(modules)) {
    if (!name.startsWith('.') || name === '.bin') await symlink(join(modules, name), join(dir, 'node_modules', name));
  }
}

async function prepareHugoSite(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  execFileSync('cp', ['-r', `${HUGO_THEME}.`, dir]);
}

export async function writeCorpus(options: { items: number; out: string; seed?: number; mix?: Mix }): Promise<Corpus> {
  const mix = options.mix ?? 'office';
  const random = makeRandom(options.seed ?? 1);
  const text = parseYaml(await readFile(new URL('corpus-text.yml', import.meta.url), 'utf8')) as CorpusText;
  const examples = new Map<ContentType, Example[]>();
  for (const jenis of CONTENT_TYPES) examples.set(jenis, await readExamples(jenis));
  const attachments = examples.get('pengumuman')!.flatMap((example) => example.files.filter((name) => name.endsWith('.pdf')).map((name) => join(example.dir, name)));

  const tayangDir = join(options.out, 'tayang');
  const hugoDir = join(options.out, 'hugo');
  const astroDir = join(options.out, 'astro');
  await rm(options.out, { recursive: true, force: true });
  await prepareTayangRepo(tayangDir);
  await prepareHugoSite(hugoDir);
  await preparePlainAstro(astroDir);

  const counts = typeCounts(options.items, mix);
  let photos = 0;
  for (const item of draftItems(text, examples, attachments, counts, random, mix)) {
    const dirs = [join(tayangDir, CONTENT_ROOT, item.jenis, item.slug), join(hugoDir, 'content', item.jenis, item.slug), join(astroDir, CONTENT_ROOT, item.jenis, item.slug)];
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    await writeFile(join(dirs[0]!, 'index.md'), markdown(item.data, item.body));
    await writeFile(join(dirs[1]!, 'index.md'), markdown(hugoFrontmatter(item), item.body));
    await writeFile(join(dirs[2]!, 'index.md'), markdown(item.data, item.body));
    for (const dir of dirs) for (const copy of item.copies) await copyFile(copy.from, join(dir, copy.name));
    for (const name of item.photos) {
      const photo = await renderPhoto(random);
      for (const dir of dirs) await writeFile(join(dir, name), photo);
      photos++;
    }
  }
  return { tayangDir, hugoDir, astroDir, counts, photos };
}

export function defaultOut(items: number): string {
  return join(tmpdir(), 'tayang-bench', `corpus-${items}`);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, mix: { type: 'string', default: 'office' } } });
  const items = Number(values.items);
  if (values.mix !== 'office' && values.mix !== 'news') throw new Error(`--mix: office or news, not "${values.mix}"`);
  const corpus = await writeCorpus({ items, out: values.out ?? defaultOut(items), seed: Number(values.seed), mix: values.mix });
  console.log(`${items} items (${CONTENT_TYPES.map((jenis) => `${jenis} ${corpus.counts[jenis]}`).join(', ')}), ${corpus.photos} pictures`);
  console.log(`Tayang: ${corpus.tayangDir}\nAstro:  ${corpus.astroDir}\nHugo:   ${corpus.hugoDir}`);
}
