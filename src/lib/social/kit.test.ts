import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { Item } from '../content/load.ts';
import type { ContentType } from '../content/types.ts';
import { makeHashtags } from './hashtags.ts';
import { renderPhoto, renderTitleCard } from './images.ts';
import { planSocialKit, type SocialPost } from './kit.ts';
import { measureText, PLATFORM_LIMITS } from './limits.ts';
import { renderKitMarkdown } from './render.ts';
import { writeSocialKit, MANIFEST_FILE } from './write.ts';

const CONFIG_YAML = `
kantor:
  nama: Kecamatan Jenawi
  induk: Pemerintah Kabupaten Karanganyar
  alamat: Jl. Raya Jenawi No. 1
  situs: https://jenawi.karanganyarkab.go.id
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran:
  ppid: { nama: PPID Pelaksana, anggota: [budi] }
alur:
  - { id: publikasi, nama: Publikasi, jenis: ["*"], tahap: [{ id: verifikasi, nama: Verifikasi, peran: ppid }] }
publikasi:
  tagar: [KecamatanJenawi, Karanganyar]
`;

function makeConfig(): Config {
  const parsed = parseConfig(CONFIG_YAML);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** An item as the loader returns it (validated frontmatter with its defaults). */
function makeItem(jenis: ContentType, slug: string, data: Record<string, unknown>, body = ''): Item {
  return { jenis, slug, dir: `content/${jenis}/${slug}`, file: `content/${jenis}/${slug}/index.md`, data: { judul: 'Judul', ringkasan: '', tag: [], ...data }, body, bodyLine: 10 } as unknown as Item;
}

const LONG_LEAD =
  'Jenawi (12/5/2025) — Musyawarah perencanaan pembangunan Kecamatan Jenawi tahun 2026 menyepakati dua belas usulan prioritas dari sembilan desa, ' +
  'mulai dari perbaikan jalan desa, irigasi pertanian, sampai posyandu, setelah dibahas bersama warga, perangkat desa dan perwakilan kabupaten selama satu hari penuh di pendapa kecamatan.';

const postOf = (posts: SocialPost[], platform: string) => posts.find((p) => p.platform === platform)!;

describe('X weighted counting', () => {
  it('counts a URL as 23 whatever its length', () => {
    expect(measureText('x', 'https://jenawi.karanganyarkab.go.id/berita/musrenbang-kecamatan-jenawi-2026/')).toBe(23);
  });
  it('counts emoji and CJK characters as 2, Latin as 1', () => {
    expect(measureText('x', 'Halo 👋')).toBe(7);
    expect(measureText('x', '漢字')).toBe(4);
    expect(measureText('instagram', 'Halo 👋')).toBe(6);
  });
});

describe('hashtags', () => {
  it('are CamelCase, without duplicates, and skip bare numbers', () => {
    expect(makeHashtags(['musrenbang 2025', '#Musrenbang2025', 'Kecamatan Jenawi', '2025', 'pembangunan-desa'])).toEqual([
      '#Musrenbang2025',
      '#KecamatanJenawi',
      '#PembangunanDesa',
    ]);
  });
});

describe('posts per platform', () => {
  const config = makeConfig();
  const news = makeItem('berita', 'musrenbang-2026', { judul: 'Musrenbang Kecamatan Jenawi Sepakati 12 Usulan', ringkasan: 'Ringkasan pendek.', tag: ['musrenbang', 'pembangunan desa', 'jalan', 'irigasi', 'posyandu'] }, `${LONG_LEAD}\n\nParagraf kedua.`);
  const { posts, problems } = planSocialKit([news], config);

  it('makes a post for every enabled platform except YouTube for a non-video item', () => {
    expect(problems).toEqual([]);
    expect(posts.map((p) => p.platform).sort()).toEqual(['facebook', 'instagram', 'whatsapp', 'x']);
  });

  it('keeps the X post within 280 weighted characters, shortening the news lead, with the page URL', () => {
    const x = postOf(posts, 'x');
    expect(measureText('x', x.text)).toBeLessThanOrEqual(280);
    expect(x.text).toContain('https://jenawi.karanganyarkab.go.id/berita/musrenbang-2026/');
    expect(x.text.startsWith('Musrenbang Kecamatan Jenawi Sepakati 12 Usulan\n\nJenawi (12/5/2025)')).toBe(true);
    expect(x.text).toContain('…');
    expect(x.text).not.toContain('Paragraf kedua');
  });

  it('uses the whole news lead where it fits (Facebook) and the item tags before the office tags', () => {
    const facebook = postOf(posts, 'facebook');
    expect(facebook.text).toContain(LONG_LEAD);
    expect(facebook.text).toContain('#Musrenbang #PembangunanDesa #Jalan #Irigasi #Posyandu');
  });

  it('keeps Instagram to 5 hashtags and writes the link plainly, pointing to the bio', () => {
    const instagram = postOf(posts, 'instagram');
    expect(instagram.text.match(/#\p{L}+/gu)).toHaveLength(5);
    expect(instagram.text).toContain('(tautan di bio): jenawi.karanganyarkab.go.id/berita/musrenbang-2026');
    expect(instagram.text).not.toContain('https://');
    expect([...instagram.text].length).toBeLessThanOrEqual(PLATFORM_LIMITS.instagram.teks);
  });

  it('gives each platform its image sizes, with a title card and its alt text when there is no photo', () => {
    expect(postOf(posts, 'instagram').images.map((i) => [i.width, i.height])).toEqual([[1080, 1350], [1080, 1080]]);
    expect(postOf(posts, 'x').images.map((i) => [i.width, i.height])).toEqual([[1600, 900]]);
    expect(postOf(posts, 'facebook').images[0]).toEqual({
      path: 'berita/musrenbang-2026/1200x630.jpg',
      width: 1200,
      height: 630,
      alt: 'Berita: Musrenbang Kecamatan Jenawi Sepakati 12 Usulan. Kecamatan Jenawi.',
    });
  });
});

describe('PR preview', () => {
  it('shows every post’s exact text per item, with image sizes and alt text, for the approvers', () => {
    const item = makeItem('berita', 'panen', { judul: 'Panen Raya', ringkasan: 'Panen padi.', gambar: { src: 'foto.jpg', alt: 'Petani memanen padi.' } });
    const { posts } = planSocialKit([item], makeConfig());
    const markdown = renderKitMarkdown(posts);
    expect(markdown).toContain('<summary>Kiriman media sosial: <code>content/berita/panen</code></summary>');
    expect(markdown).toContain('**X** — gambar `berita/panen/1600x900.jpg` (1600×900, teks alternatif: “Petani memanen padi.”)');
    expect(markdown).toContain(`\`\`\`text\n${postOf(posts, 'facebook').text}\n\`\`\``);
    expect(renderKitMarkdown([])).toBe('');
  });
});

describe('templates per content type', () => {
  const config = makeConfig();
  const facebookText = (item: Item) => postOf(planSocialKit([item], config).posts, 'facebook').text;

  it('announcement: its validity', () => {
    const text = facebookText(makeItem('pengumuman', 'libur', { judul: 'Pelayanan Libur Idulfitri', ringkasan: 'Kantor tutup.', berlaku_sampai: '2026-03-24' }));
    expect(text).toContain('Pengumuman: Pelayanan Libur Idulfitri');
    expect(text).toContain('Berlaku sampai: Selasa, 24 Maret 2026');
  });

  it('agenda: date, time with the zone, place and organiser', () => {
    const text = facebookText(
      makeItem('agenda', 'posyandu', { judul: 'Posyandu Lansia', mulai: '2026-05-12 09:00', selesai: '2026-05-12 12:00', lokasi: 'Balai Desa Anggrasmanis', penyelenggara: 'Puskesmas Jenawi' }),
    );
    expect(text).toContain('Waktu: Selasa, 12 Mei 2026, 09.00–12.00 WIB');
    expect(text).toContain('Tempat: Balai Desa Anggrasmanis');
    expect(text).toContain('Penyelenggara: Puskesmas Jenawi');
  });

  it('document: its number and kind', () => {
    const text = facebookText(makeItem('dokumen', 'perdes', { judul: 'Peraturan Desa APBDes', nomor: '3 Tahun 2026', kategori: 'peraturan', ringkasan: 'APBDes 2026.' }));
    expect(text).toContain('Nomor: 3 Tahun 2026');
    expect(text).toContain('Jenis: Peraturan');
  });

  it('X: leaves out a lead that would be cut to a stub, keeping the agenda’s date and place', () => {
    const agenda = makeItem('agenda', 'pelatihan', {
      judul: 'Pelatihan Keterampilan Menjahit Tahun 2026',
      ringkasan: 'Pelatihan menjahit selama 12 hari bagi 30 warga Kecamatan Jenawi yang lolos pendaftaran.',
      mulai: '2026-12-07 08:00',
      selesai: '2026-12-19 15:00',
      lokasi: 'Aula Kecamatan Jenawi',
      penyelenggara: 'Seksi Pemberdayaan Masyarakat Kecamatan Jenawi',
    });
    const x = postOf(planSocialKit([agenda], config).posts, 'x').text;
    expect(measureText('x', x)).toBeLessThanOrEqual(280);
    expect(x).not.toContain('Pelatihan…');
    expect(x).toContain('Tempat: Aula Kecamatan Jenawi');
    expect(x).toContain('Waktu: Senin, 7 Desember 2026, 08.00 WIB s.d. Sabtu, 19 Desember 2026, 15.00 WIB');
  });

  it('dataset: its period and producer', () => {
    const text = facebookText(makeItem('data', 'penduduk', { judul: 'Jumlah Penduduk per Desa', periode: 'Semester I 2026', produsen: 'Seksi Pemerintahan', ringkasan: 'Data penduduk.' }));
    expect(text).toContain('Data: Jumlah Penduduk per Desa');
    expect(text).toContain('Periode: Semester I 2026');
  });

  it('video: a YouTube title within 100 characters and no angle brackets', () => {
    const title = `Video <rapat> ${'sangat panjang '.repeat(10)}`;
    const youtube = postOf(planSocialKit([makeItem('video', 'rapat', { judul: title, ringkasan: 'Rapat <koordinasi>.' })], config).posts, 'youtube');
    expect([...youtube.title!].length).toBeLessThanOrEqual(100);
    expect(youtube.title).not.toMatch(/[<>]/);
    expect(youtube.text).not.toMatch(/[<>]/);
    expect(youtube.images).toEqual([]);
  });

  it('video already on YouTube: no YouTube post to make', () => {
    const { posts } = planSocialKit([makeItem('video', 'rapat', { judul: 'Rapat', youtube: 'abcdefghijk' })], config);
    expect(posts.map((p) => p.platform)).not.toContain('youtube');
  });
});

describe('frontmatter overrides', () => {
  const config = makeConfig();

  it('opting out with sosial.nonaktif makes no posts', () => {
    expect(planSocialKit([makeItem('berita', 'a', { sosial: { nonaktif: true, tagar: [], teks: {} } })], config).posts).toEqual([]);
  });

  it('chooses platforms, adds hashtags first and replaces one platform’s text', () => {
    const item = makeItem('berita', 'a', { ringkasan: 'R', sosial: { platform: ['x', 'instagram'], tagar: ['JenawiBangkit'], teks: { x: 'Teks khusus untuk X.' }, nonaktif: false } });
    const { posts } = planSocialKit([item], config);
    expect(posts.map((p) => p.platform)).toEqual(['x', 'instagram']);
    expect(postOf(posts, 'x').text).toBe('Teks khusus untuk X.\n\nSelengkapnya: https://jenawi.karanganyarkab.go.id/berita/a/\n\n#JenawiBangkit #KecamatanJenawi');
    expect(postOf(posts, 'instagram').text).toContain('Judul\n\nR');
  });

  it('reports an override too long for the platform instead of cutting the author’s words', () => {
    const item = makeItem('berita', 'a', { sosial: { tagar: [], teks: { x: 'kata '.repeat(60) }, nonaktif: false } });
    const { posts, problems } = planSocialKit([item], config);
    expect(posts.some((p) => p.platform === 'x')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/berita/a/index.md', field: 'sosial.teks.x' });
    expect(problems[0]!.message).toMatch(/berbobot, padahal batasnya 280/);
  });
});

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

describe('images', () => {
  const identity = { office: 'Kecamatan Jenawi' };

  it('crops a photo to the exact size around its subject, not its centre', async () => {
    // A grey landscape photo whose subject (a saturated red square) sits at the far right.
    const subject = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#d01010' } }).png().toBuffer();
    const photo = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#808080' } })
      .composite([{ input: subject, left: 2600, top: 350 }])
      .jpeg()
      .toBuffer();
    const square = await renderPhoto(photo, 1080, 1080, identity);
    const meta = await sharp(square).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1080, 1080, 'jpeg']);
    // The square crop of a 3:1 photo keeps a third of it; a centre crop would be all grey.
    const reds = await Promise.all([100, 300, 540, 780, 980].map((x) => pixel(square, x, 540)));
    expect(reds.some(([r, g]) => r! > 150 && g! < 80)).toBe(true);
  });

  it('keeps the author’s focus in the crop where the attention strategy and a centred crop would lose it', async () => {
    // A grey 1600 × 900 photo: a loud red and yellow decoy on the left, and the subject (a dull
    // blue block, x 1400–1560) at the right edge, where the author set the focus.
    const block = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#808080' } })
      .composite([
        { input: await block(300, 300, '#ff1010'), left: 100, top: 300 },
        { input: await block(150, 150, '#ffe000'), left: 175, top: 375 },
        { input: await block(160, 300, '#30408a'), left: 1400, top: 300 },
      ])
      .png()
      .toBuffer();
    const subjectPixels = async (image: Buffer) => {
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
      let count = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 80 && data[i + 1]! < 100 && data[i + 2]! > 110) count++;
      return count;
    };
    const focus = { x: 92, y: 50 };
    for (const [width, height] of [[1080, 1350], [1080, 1080]] as const) {
      const scale = Math.max(width / 1600, height / 900);
      const whole = 160 * 300 * scale * scale;
      expect(await subjectPixels(await renderPhoto(photo, width, height, identity, focus)), `${width}×${height} with fokus`).toBeGreaterThan(whole * 0.95);
      expect(await subjectPixels(await renderPhoto(photo, width, height, identity)), `${width}×${height} by attention`).toBe(0);
      const centred = await sharp(photo).resize(width, height, { fit: 'cover', position: 'centre' }).toBuffer();
      expect(await subjectPixels(centred), `${width}×${height} centred`).toBe(0);
    }
  });

  it('draws the office band along the bottom', async () => {
    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const image = await renderPhoto(photo, 1200, 630, identity);
    const [r] = await pixel(image, 1190, 625);
    expect(r).toBeLessThan(100); // dark band over a white photo
    const [top] = await pixel(image, 1190, 10);
    expect(top).toBeGreaterThan(240);
  });

  it('makes a title card of the exact size as JPEG', async () => {
    for (const [width, height] of [[1080, 1350], [1600, 900]] as const) {
      const card = await renderTitleCard({ label: 'Pengumuman', title: 'Pelayanan Kantor Kecamatan Selama Libur Idulfitri' }, width, height, identity);
      const meta = await sharp(card).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([width, height, 'jpeg']);
    }
  });
});

describe('writing the kit', () => {
  it('writes a folder per item, the texts and the JSON manifest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tayang-kit-'));
    await mkdir(join(root, 'content/berita/panen'), { recursive: true });
    await writeFile(join(root, 'content/berita/panen/foto.jpg'), await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer());
    const item = makeItem('berita', 'panen', { judul: 'Panen Raya', ringkasan: 'Panen padi.', gambar: { src: 'foto.jpg', alt: 'Petani memanen padi di sawah Desa Anggrasmanis.' } });
    const outDir = join(root, 'kit');
    const plan = planSocialKit([item], makeConfig());
    const { problems } = await writeSocialKit(plan, { outDir, repoRoot: root, identity: { office: 'Kecamatan Jenawi' } });
    expect(problems).toEqual([]);
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as SocialPost[];
    const instagram = manifest.find((p) => p.platform === 'instagram')!;
    expect(instagram).toMatchObject({ item: 'content/berita/panen', url: 'https://jenawi.karanganyarkab.go.id/berita/panen/' });
    expect(instagram.images[0]).toEqual({ path: 'berita/panen/1080x1350.jpg', width: 1080, height: 1350, alt: 'Petani memanen padi di sawah Desa Anggrasmanis.' });
    const meta = await sharp(join(outDir, 'berita/panen/1080x1350.jpg')).metadata();
    expect([meta.width, meta.height]).toEqual([1080, 1350]);
    expect(await readFile(join(outDir, 'berita/panen/whatsapp.txt'), 'utf8')).toContain('Panen Raya');
  });
});
