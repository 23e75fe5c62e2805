import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFamily } from '../testing.ts';
import { findMissingElements, newsRules } from './news.ts';

const FILE = 'content/berita/musrenbang/index.md';
const check = (text: string, file = FILE) => runFamily(newsRules, text, { file });

describe('news/5w1h', () => {
  it('accepts a lead that answers all six questions', async () => {
    const text = `---
judul: Musrenbang Kecamatan Jenawi 2026
lokasi: Pendapa Kecamatan Jenawi
---

Camat Jenawi, Sri Wahyuni, membuka Musyawarah Perencanaan Pembangunan (Musrenbang) tingkat kecamatan di Pendapa Kecamatan Jenawi, Selasa (4/2/2025). Musrenbang digelar untuk menyepakati usulan pembangunan desa tahun 2026 dan berlangsung dengan diskusi per kelompok bidang.
`;
    expect(await check(text)).toEqual([]);
  });

  it('names the missing elements, on the line of the lead', async () => {
    const text = '---\njudul: Kerja bakti\n---\n\nKerja bakti membersihkan saluran irigasi berjalan lancar.\n';
    const findings = await check(text);
    expect(findings).toMatchObject([{ rule: 'news/5w1h', line: 5 }]);
    expect(findings[0]!.message).toContain('siapa, kapan, di mana, mengapa, bagaimana');
  });

  it('counts `lokasi` and `narasumber` from the frontmatter for where and who', () => {
    const lead = 'Kerja bakti membersihkan saluran irigasi digelar Minggu (9/3) agar sawah tidak kebanjiran, dengan cangkul dan ember.';
    expect(findMissingElements(lead, {})).toEqual(['who', 'where']);
    expect(findMissingElements(lead, { lokasi: 'Dusun Tlobo', narasumber: true })).toEqual([]);
  });

  it('reads the cause the Trengguli landslide lead gives (karena …, setelah hujan deras)', async () => {
    const text = readFileSync(new URL('../../../../content/berita/camat-tinjau-longsor-trengguli/index.md', import.meta.url), 'utf8');
    expect(await check(text, 'content/berita/camat-tinjau-longsor-trengguli/index.md')).toEqual([]);
    const firstParagraph = 'Tanah longsor menutup separuh badan jalan penghubung Desa Trengguli dan Desa Jenawi di Dusun Sumber pada Senin (9/11/2026) dini hari karena tebing jenuh air setelah hujan deras turun lebih dari tiga jam.';
    expect(findMissingElements(firstParagraph, {})).not.toContain('why');
  });

  it.each([
    'Jalan penghubung Desa Trengguli tertutup tanah setelah hujan deras turun lebih dari tiga jam, Senin (9/11/2026).',
    'Jembatan Dusun Sumber putus usai diterjang banjir, Selasa (10/11/2026).',
    'Longsor terjadi setelah wilayah itu diguyur hujan, Senin (9/11/2026).',
    'Pohon tumbang dipicu angin kencang, Senin (9/11/2026).',
    'Upacara memperingati HUT ke-81 RI digelar di Lapangan Jenawi, Senin (17/8/2026).',
    'Rapat digelar menindaklanjuti Surat Edaran Bupati, Senin (2/11/2026).',
    'Kader posyandu dilatih mengukur balita di Balai Desa Balong, Kamis (5/3/2026). Tujuan pelatihan ini mencegah tengkes.',
  ])('counts a cause, trigger or occasion as "why": %s', (lead) => {
    expect(findMissingElements(lead, {})).not.toContain('why');
  });

  it.each([
    // A topic is not a reason: "terkait" says what the briefing was about.
    ['Camat memberikan arahan terkait pencegahan demam berdarah kepada kader posyandu di Balai Desa Balong, Senin (3/3/2026).', ['why', 'how']],
    // "setelah" with something other than a triggering event is only a time.
    ['Warga berkumpul di Balai Desa Balong setelah salat Jumat, Jumat (6/3/2026).', ['why', 'how']],
    ['Kerja bakti membersihkan saluran irigasi berjalan lancar.', ['who', 'when', 'where', 'why', 'how']],
  ])('still names what a lead truly lacks: %s', (lead, missing) => {
    expect(findMissingElements(lead, {})).toEqual(missing);
  });

  it('counts how a job was done or a decision reached as "how"', () => {
    expect(findMissingElements('Warga membersihkan jalan dibantu alat berat agar jalan bisa dilalui, Senin (9/11/2026).', {})).not.toContain('how');
    expect(findMissingElements('Usulan disepakati dalam musyawarah desa agar pembangunan merata, Senin (9/11/2026).', {})).not.toContain('how');
  });

  it('reports every element when there is no lead at all', async () => {
    const findings = await check('---\njudul: Foto saja\n---\n\n![Warga menanam pohon di tepi jalan desa](a.jpg)\n');
    expect(findings[0]!.message).toContain('apa, siapa, kapan, di mana, mengapa, bagaimana');
    expect(findings[0]!.line).toBe(2);
  });

  it('only checks news items', async () => {
    expect(await check('Teks pendek.\n', 'content/pengumuman/libur/index.md')).toEqual([]);
  });
});
