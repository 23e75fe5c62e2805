import { describe, expect, it } from 'vitest';
import { describeStaleDates, findStaleDates, isReviewOverdue } from './stale.ts';

const config = (tinjauan: string | undefined, libur: string[]) => ({
  sop: { nomor: '1', nama: 'SOP', tanggal_efektif: '2025-01-02', disahkan_oleh: 'Camat', tinjauan_berikutnya: tinjauan },
  jam_kerja: { hari: ['senin' as const], mulai: '07:30', selesai: '16:00', libur },
});

describe('stale dates in the config', () => {
  it('says nothing while the review date is ahead and the year has holidays', () => {
    expect(findStaleDates(config('2026-01-02', ['2025-12-25', '2026-01-01']), '2026-01-02')).toEqual([]);
    expect(findStaleDates(config(undefined, ['2026-01-01']), '2026-06-01')).toEqual([]);
  });

  it('warns the day after the review date and when the current year has no holiday', () => {
    const stale = findStaleDates(config('2026-01-02', ['2025-12-25', '2026-12-25']), '2027-01-03');
    expect(stale.map((s) => s.field)).toEqual(['sop.tinjauan_berikutnya', 'jam_kerja.libur']);
    expect(stale[0]!.message).toContain('2026-01-02');
    expect(stale[1]!.message).toContain('tahun 2027');
    expect(isReviewOverdue(config('2026-01-02', []).sop, '2026-01-02')).toBe(false);
    expect(isReviewOverdue(config('2026-01-02', []).sop, '2026-01-03')).toBe(true);
  });

  it('names the line of the config that holds the stale date', () => {
    const text = 'sop:\n  nomor: "1"\n  tinjauan_berikutnya: 2026-01-02\njam_kerja:\n  libur:\n    - 2026-01-01\n';
    const problems = describeStaleDates(config('2026-01-02', ['2026-01-01']), text, 'tayang.config.yml', '2027-02-01');
    expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['tayang.config.yml', 3, 'sop.tinjauan_berikutnya'],
      ['tayang.config.yml', 5, 'jam_kerja.libur'],
    ]);
  });
});
