import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import { recordFollowUp } from './follow-up.ts';
import { recordMergedPull } from './record.ts';
import { indexRecordsByFolder, itemHistory } from './register.ts';
import { OUTCOME_WORDS, viewHistory, viewLetterhead } from './sheet.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';

function history(reviews: { login: string; state: string; at: string }[], config = testConfig(), labels: string[] = []) {
  const snapshot = mergedSnapshot({ number: 9, author: 'penulis', opened: '2025-03-10T08:00:00+07:00', merged: '2025-03-10T12:00:00+07:00', files: [NEWS], reviews });
  Object.assign(snapshot.pull as object, { labels: labels.map((name) => ({ name })) });
  const result = recordMergedPull({ config, snapshot: SnapshotSchema.parse(snapshot), titles: new Map(), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return viewHistory(itemHistory(indexRecordsByFolder([result.value]), 'content/berita/rapat-pleno'), config);
}

describe('viewHistory', () => {
  it('words each stage for the page: official by name and position, stand-in mandate, office time, duration and outcome', () => {
    const [entry] = history([
      { login: 'plh-kasubbag', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' },
      { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T09:50:00+07:00' },
    ]);
    expect(entry).toMatchObject({
      pr: 9,
      heading: 'Terbit pertama',
      complete: true,
      file: 'records/persetujuan/9.json',
      published: { text: 'Senin, 10 Maret 2025, 12.00 WIB', machine: '2025-03-10T12:00:00+07:00' },
      version: 'merge0000000',
    });
    expect(entry!.stages).toEqual([
      {
        name: 'Verifikasi Kasubbag',
        flowName: 'Publikasi',
        roles: 'Kasubbag Teknis',
        approvals: [
          {
            official: { name: 'Hendra Gunawan', position: 'Sekretaris', label: 'Hendra Gunawan (Sekretaris)' },
            role: 'Kasubbag Teknis',
            standIn: 'pengganti sampai Senin, 31 Maret 2025 (Surat Plh. Nomor 12/2025)',
            who: 'Hendra Gunawan (Sekretaris), sebagai Kasubbag Teknis, pengganti sampai Senin, 31 Maret 2025 (Surat Plh. Nomor 12/2025)',
            at: { text: 'Senin, 10 Maret 2025, 08.40 WIB', machine: '2025-03-10T08:40:00+07:00' },
          },
        ],
        started: { text: 'Senin, 10 Maret 2025, 08.00 WIB', machine: '2025-03-10T08:00:00+07:00' },
        duration: '40 menit',
        standard: '1 jam',
        outcome: 'within',
      },
      expect.objectContaining({ name: 'Pemeriksaan Pimpinan', roles: 'Ketua Divisi / Sekretaris', duration: '1 jam 10 menit', standard: '30 menit', outcome: 'overdue' }),
    ]);
  });

  it('names officials with their NIP, and never shows a login the config does not name', () => {
    const [entry] = history([
      { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' },
      { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T09:50:00+07:00' },
    ]);
    expect(entry!.stages[0]!.approvals[0]).toMatchObject({
      official: { name: 'Dewi Lestari, S.H.', position: 'Kepala Subbagian Teknis', nip: '19850317 201001 2 015' },
      who: 'Dewi Lestari, S.H. (Kepala Subbagian Teknis), sebagai Kasubbag Teknis',
    });
    // A plain login (or an official who has since left the config): the role they acted in.
    expect(entry!.stages[1]!.approvals[0]).toMatchObject({ official: { label: 'Ketua Divisi' }, who: 'Ketua Divisi' });
    expect(entry!.stages[1]!.approvals[0]!.official.name).toBeUndefined();
    // The author and the one who published are not officials: the office's staff.
    expect(entry!.author).toEqual({ label: 'staf Kantor Uji' });
    expect(entry!.publishedBy).toEqual({ label: 'staf Kantor Uji' });
    expect(JSON.stringify(entry)).not.toMatch(/kasubbag-a|ketua-divisi|penulis|admin-web/);
  });

  it('says a stage without a time standard has none set, rather than "tentatif"', () => {
    const config = testConfig();
    config.alur[0]!.tahap[0]!.mutu_baku = 'tentatif';
    const [entry] = history([{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' }], config);
    expect(entry!.stages[0]).toMatchObject({ standard: 'belum ditetapkan', outcome: 'tentative' });
    expect(OUTCOME_WORDS.tentative).toBe('Tidak diukur');
  });

  it('says when a stage had not passed at the merge', () => {
    const [entry] = history([{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T08:40:00+07:00' }]);
    expect(entry!.complete).toBe(false);
    expect(entry!.stages[1]).toMatchObject({ approvals: [], outcome: 'not_passed' });
  });

  it('shows a serta-merta publication as approved by the official of the fast lane, the normal stages following', () => {
    const config = testConfig();
    config.alur[0]!.serta_merta = { peran: ['kepala'], tinjauan_susulan: { workingDays: 1 } };
    const [entry] = history([{ login: 'kepala', state: 'APPROVED', at: '2025-03-10T08:20:00+07:00' }], config, ['serta-merta']);
    expect(entry!.complete).toBe(false);
    expect(entry!.fastLane).toBe('Kepala Kantor; tahap biasa menyusul paling lambat Selasa, 11 Maret 2025, 08.20 WIB');
    expect(entry!.stages.map((stage) => [stage.name, stage.approvals.map((approval) => approval.who), stage.outcome])).toEqual([
      ['Persetujuan serta-merta', ['Kepala Kantor'], 'fast_lane'],
      ['Verifikasi Kasubbag', [], 'follows'],
      ['Pemeriksaan Pimpinan', [], 'follows'],
    ]);
    expect(entry!.stages[0]).toMatchObject({ flowName: 'Publikasi', roles: 'Kepala Kantor', duration: 'tidak diukur', standard: 'seketika' });
  });

  it('says the page waits for the follow-up review, then who reviewed and when', () => {
    const config = testConfig();
    const lane = { login: 'kepala', state: 'APPROVED', at: '2025-03-10T08:20:00+07:00' };
    const [waiting] = history([lane], config, ['serta-merta']);
    expect(waiting!.followUp).toEqual({ state: 'waiting', text: 'Diterbitkan segera, menunggu tinjauan susulan (paling lambat Selasa, 11 Maret 2025, 08.20 WIB).' });

    const reviews = [lane, { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-11T08:00:00+07:00' }, { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-11T09:00:00+07:00' }];
    const snapshot = SnapshotSchema.parse(mergedSnapshot({ number: 9, author: 'penulis', opened: '2025-03-10T08:00:00+07:00', merged: '2025-03-10T12:00:00+07:00', files: [NEWS], reviews, labels: ['serta-merta'] }));
    // recordMergedPull leaves out the reviews given after the merge by itself.
    const record = recordMergedPull({ config, snapshot, titles: new Map(), source: 'uji' });
    if (!record.ok || !record.value) throw new Error('no record');
    const followUp = recordFollowUp(config, snapshot, record.value)!;
    const [done] = viewHistory(itemHistory(indexRecordsByFolder([record.value], [followUp]), 'content/berita/rapat-pleno'), config);
    // The Ketua Divisi approved at 09:00, after the deadline of 08:20.
    expect(done!.followUp).toEqual({
      state: 'approved',
      text: 'Ditinjau susulan oleh Dewi Lestari, S.H. (Kepala Subbagian Teknis), sebagai Kasubbag Teknis; Ketua Divisi, selesai Selasa, 11 Maret 2025, 09.00 WIB, sesudah batas waktunya.',
    });
    expect(done!.stages.map((stage) => [stage.name, stage.approvals.map((approval) => approval.at.text), stage.outcome])).toEqual([
      ['Persetujuan serta-merta', ['Senin, 10 Maret 2025, 08.20 WIB'], 'fast_lane'],
      ['Verifikasi Kasubbag', ['Selasa, 11 Maret 2025, 08.00 WIB'], 'followed_late'],
      ['Pemeriksaan Pimpinan', ['Selasa, 11 Maret 2025, 09.00 WIB'], 'followed_late'],
    ]);
    expect(OUTCOME_WORDS.followed_late).toBe('Ditinjau sesudah terbit, terlambat');
  });

  it('leaves a PR without the fast lane as it was: stages not passed at the merge are not "following"', () => {
    const [entry] = history([]);
    expect(entry!.fastLane).toBeUndefined();
    expect(entry!.stages.map((stage) => stage.outcome)).toEqual(['not_passed', 'not_passed']);
  });
});

describe('viewLetterhead', () => {
  it('heads the sheet with the parent government, the office, its address and contacts', () => {
    const office = testConfig().kantor;
    expect(viewLetterhead({ ...office, kontak: { telepon: '(0271) 123456', email: 'kantor@uji.example.go.id' } }, '/')).toEqual({
      parent: 'Pemerintah Kabupaten Uji',
      office: 'Kantor Uji',
      address: 'Jl. Uji 1',
      contacts: ['Telepon (0271) 123456', 'Pos-el kantor@uji.example.go.id', 'Laman uji.example.go.id'],
    });
  });

  it('shows the logo from public/ as the site serves it, under the base path, named for the office', () => {
    const office = { ...testConfig().kantor, logo: 'public/logo.svg' };
    expect(viewLetterhead(office, '/kantor/').logo).toEqual({ src: '/kantor/logo.svg', alt: 'Logo Kantor Uji' });
  });
});
