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

  it('reports every element when there is no lead at all', async () => {
    const findings = await check('---\njudul: Foto saja\n---\n\n![Warga menanam pohon di tepi jalan desa](a.jpg)\n');
    expect(findings[0]!.message).toContain('apa, siapa, kapan, di mana, mengapa, bagaimana');
    expect(findings[0]!.line).toBe(2);
  });

  it('only checks news items', async () => {
    expect(await check('Teks pendek.\n', 'content/pengumuman/libur/index.md')).toEqual([]);
  });
});
