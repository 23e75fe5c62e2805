import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import { recordMergedPull } from './record.ts';
import { itemHistory } from './register.ts';
import { viewHistory } from './sheet.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';

function history(reviews: { login: string; state: string; at: string }[]) {
  const snapshot = mergedSnapshot({ number: 9, author: 'penulis', opened: '2025-03-10T08:00:00+07:00', merged: '2025-03-10T12:00:00+07:00', files: [NEWS], reviews });
  const result = recordMergedPull({ config: testConfig(), snapshot: SnapshotSchema.parse(snapshot), titles: new Map(), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return viewHistory(itemHistory([result.value], 'content/berita/rapat-pleno'), 'Asia/Jakarta');
}

describe('viewHistory', () => {
  it('words each stage for the page: official, stand-in mandate, office time, duration and outcome', () => {
    const [entry] = history([
      { login: 'plh-kasubbag', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' },
      { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T09:50:00+07:00' },
    ]);
    expect(entry).toMatchObject({ pr: 9, change: 'terbit pertama', complete: true, file: 'records/persetujuan/9.json', merged: { text: 'Senin, 10 Maret 2025, 12.00 WIB', machine: '2025-03-10T12:00:00+07:00' } });
    expect(entry!.stages).toEqual([
      {
        name: 'Verifikasi Kasubbag',
        flowName: 'Publikasi',
        roles: 'Kasubbag Teknis',
        approvals: [{ login: 'plh-kasubbag', role: 'Kasubbag Teknis', standIn: 'pengganti sampai Senin, 31 Maret 2025 (Surat Plh. Nomor 12/2025)', at: { text: 'Senin, 10 Maret 2025, 08.40 WIB', machine: '2025-03-10T08:40:00+07:00' } }],
        started: { text: 'Senin, 10 Maret 2025, 08.00 WIB', machine: '2025-03-10T08:00:00+07:00' },
        duration: '40 menit',
        standard: '1 jam',
        outcome: 'within',
      },
      expect.objectContaining({ name: 'Pemeriksaan Pimpinan', roles: 'Ketua Divisi / Sekretaris', duration: '1 jam 10 menit', standard: '30 menit', outcome: 'overdue' }),
    ]);
  });

  it('says when a stage had not passed at the merge', () => {
    const [entry] = history([{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' }]);
    expect(entry!.complete).toBe(false);
    expect(entry!.stages[1]).toMatchObject({ approvals: [], outcome: 'not_passed' });
  });
});
