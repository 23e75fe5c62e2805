import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { evaluateApproval } from '../approval/evaluate.ts';
import { SnapshotSchema } from '../approval/types.ts';
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { formatMarker, readMarkers } from './markers.ts';
import { planSopReview, planStageNotices, planStaleBerkala, type OpenPull, type StageNotice } from './plan.ts';
import { renderBerkalaIssue, renderSopReviewIssue, renderStageNotice } from './render.ts';

// Friday 14 March 2025, 14:00 WIB: two working hours before the weekend; Monday 17 March is a
// holiday here, so the next working minute is Tuesday 18 March, 08:00.
const CONFIG_TEXT = `
kantor: { nama: Kantor Uji, induk: Pemerintah Kabupaten Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Publikasi, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala Kantor, tinjauan_berikutnya: 2025-03-15 }
jam_kerja: { hari: [senin, selasa, rabu, kamis, jumat], mulai: "08:00", selesai: "16:00", libur: [2025-03-17] }
peran:
  kasubbag: { nama: Kasubbag Umum, anggota: [kasubbag-a, kasubbag-b] }
  ketua: { nama: Ketua Divisi, anggota: [ketua-x] }
  kepala: { nama: Kepala Kantor, anggota: [kepala-k, "@kantor/pimpinan"], pengganti: [{ akun: plh-kepala, sampai: 2025-03-31 }] }
alur:
  - id: publikasi
    nama: Publikasi berita
    jenis: [berita]
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 2 jam, eskalasi: kepala }
      - { id: persetujuan, nama: Persetujuan Ketua Divisi, peran: ketua, mutu_baku: 1 hari }
  - id: galeri
    nama: Galeri
    jenis: [galeri]
    tahap: [{ id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag }]
`;

function config(text = CONFIG_TEXT): Config {
  const result = parseConfig(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const CONFIG = config();
const NEWS = 'content/berita/musrenbang-2025/index.md';
const OPENED = '2025-03-14T14:00:00+07:00';
const wib = (day: number, time: string) => new Date(`2025-03-${String(day).padStart(2, '0')}T${time}:00+07:00`);

function openPull(now: Date, options: Partial<Parameters<typeof makeSnapshot>[0]> = {}, readyAt?: string, cfg = CONFIG): OpenPull {
  const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS], ...options }));
  return { verdict: evaluateApproval(cfg, snapshot, now), title: 'Musrenbang 2025', url: 'https://github.com/kantor/situs/pull/7', ...(readyAt ? { readyAt } : {}) };
}

function plan(now: Date, sent: string[] = [], options: Partial<Parameters<typeof makeSnapshot>[0]> = {}, readyAt?: string, cfg = CONFIG): StageNotice[] {
  return planStageNotices(cfg, openPull(now, options, readyAt, cfg), now, new Set(sent));
}

const REMINDER = formatMarker({ jenis: 'pengingat', alur: 'publikasi', tahap: 'verifikasi', mulai: '2025-03-14T07:00:00.000Z' });
const ESCALATION = formatMarker({ jenis: 'eskalasi', alur: 'publikasi', tahap: 'verifikasi', mulai: '2025-03-14T07:00:00.000Z' });

describe('planStageNotices: reminders in working time', () => {
  it('sends nothing until the standard has passed in working time: not over the weekend, not on the holiday', () => {
    for (const now of [wib(14, '16:00'), wib(15, '12:00'), wib(16, '20:00'), wib(17, '12:00'), wib(18, '08:00')]) expect(plan(now)).toEqual([]);
  });

  it('reminds the stage\'s officials once the wait passes the standard, marking the wait it is for', () => {
    const [notice, ...rest] = plan(wib(18, '08:30'));
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'pengingat',
      pr: 7,
      stage: 'verifikasi',
      officials: ['kasubbag-a', 'kasubbag-b'],
      waiting_since: '2025-03-14T07:00:00.000Z',
      elapsed_minutes: 150,
      standard_minutes: 120,
      with_reminder: false,
      markers: [REMINDER],
    });
  });

  it('sends the reminder only once, then the escalation once after twice the standard', () => {
    expect(plan(wib(18, '09:59'), [REMINDER])).toEqual([]);
    const [escalation] = plan(wib(18, '10:01'), [REMINDER]);
    expect(escalation).toMatchObject({ kind: 'eskalasi', with_reminder: false, markers: [ESCALATION], escalation: { roles: ['Kepala Kantor'], accounts: ['kepala-k', 'kantor/pimpinan', 'plh-kepala'] } });
    expect(plan(wib(20, '10:00'), [REMINDER, ESCALATION])).toEqual([]);
  });

  it('makes one escalation that stands for the reminder too when both fall due in the same run', () => {
    const notices = plan(wib(18, '11:00'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'eskalasi', with_reminder: true, markers: [ESCALATION, REMINDER] });
  });

  it('escalates to the flow\'s last stage\'s role when the stage names no eskalasi', () => {
    const cfg = config(CONFIG_TEXT.replace(', eskalasi: kepala', ''));
    expect(plan(wib(18, '11:00'), [], {}, undefined, cfg)[0]!.escalation).toEqual({ roles: ['Ketua Divisi'], accounts: ['ketua-x'] });
  });

  it('leaves out of the escalation an official who wrote the PR', () => {
    expect(plan(wib(18, '11:00'), [], { author: 'kepala-k' })[0]!.escalation.accounts).toEqual(['kantor/pimpinan', 'plh-kepala']);
  });

  it('reminds nobody of a stage that was approved; the next stage waits from that approval', () => {
    const reviews = [{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-18T09:00:00+07:00' }];
    // The second stage has a day (8 working hours) from Tuesday 09:00: not late on Wednesday 09:00.
    expect(plan(wib(19, '09:00'), [], { reviews })).toEqual([]);
    const [notice] = plan(wib(19, '09:30'), [], { reviews });
    expect(notice).toMatchObject({ kind: 'pengingat', stage: 'persetujuan', officials: ['ketua-x'], waiting_since: '2025-03-18T02:00:00.000Z', elapsed_minutes: 510 });
  });

  it('reminds nobody while the PR is a draft, nor of a stage without a time standard (tentatif)', () => {
    expect(plan(wib(20, '12:00'), [], { draft: true })).toEqual([]);
    expect(plan(wib(20, '12:00'), [], { files: ['content/galeri/pameran/index.md'] })).toEqual([]);
  });

  it('reminds nobody of a stage that returned the PR to its author: it waits on the author', () => {
    const reviews = [{ login: 'kasubbag-b', state: 'CHANGES_REQUESTED', at: '2025-03-14T15:00:00+07:00', body: 'Lengkapi narasumber.' }];
    expect(plan(wib(20, '12:00'), [], { reviews })).toEqual([]);
  });

  it('counts the wait from the moment the PR left draft, when that is later', () => {
    expect(plan(wib(18, '11:00'), [], {}, '2025-03-18T09:00:00+07:00')).toEqual([]);
    expect(plan(wib(18, '11:30'), [], {}, '2025-03-18T09:00:00+07:00')[0]).toMatchObject({ kind: 'pengingat', waiting_since: '2025-03-18T02:00:00.000Z', elapsed_minutes: 150 });
  });
});

describe('planSopReview and planStaleBerkala: issues, once', () => {
  it('asks for the SOP review once its date has passed, once per date', () => {
    expect(planSopReview(CONFIG, wib(15, '23:59'), new Set())).toBeUndefined();
    const notice = planSopReview(CONFIG, wib(16, '00:01'), new Set())!;
    expect(notice).toEqual({ kind: 'tinjauan-sop', due: '2025-03-15', markers: ['<!-- tayang:pengingat jenis=tinjauan-sop tanggal=2025-03-15 -->'] });
    expect(planSopReview(CONFIG, wib(20, '09:00'), new Set(notice.markers))).toBeUndefined();
    expect(planSopReview({ ...CONFIG, sop: { ...CONFIG.sop, tinjauan_berikutnya: '2025-03-19' } }, wib(20, '09:00'), new Set(notice.markers))?.due).toBe('2025-03-19');
  });

  it('names each berkala item dated more than six months ago, once for each of its dates', () => {
    const items = [
      { folder: 'content/dokumen/lkpj-2024', judul: 'LKPJ 2024', tanggal: '2024-09-14' },
      { folder: 'content/dokumen/dpa-2024', judul: 'DPA 2024', tanggal: '2024-09-15 10:00' },
      { folder: 'content/data/penduduk', judul: 'Penduduk', tanggal: '2025-01-02' },
    ];
    const first = planStaleBerkala(items, 'Asia/Jakarta', wib(15, '09:00'), new Set())!;
    expect(first.items.map((item) => [item.folder, item.refresh_by])).toEqual([['content/dokumen/lkpj-2024', '2025-03-14']]);
    const next = planStaleBerkala(items, 'Asia/Jakarta', wib(16, '09:00'), new Set(first.markers))!;
    expect(next.items.map((item) => item.folder)).toEqual(['content/dokumen/dpa-2024']);
    expect(planStaleBerkala(items, 'Asia/Jakarta', wib(16, '09:00'), new Set([...first.markers, ...next.markers]))).toBeUndefined();
    const refreshed = [{ ...items[0]!, tanggal: '2024-09-16' }];
    expect(planStaleBerkala(refreshed, 'Asia/Jakarta', wib(18, '09:00'), new Set(first.markers))?.markers).toEqual(['<!-- tayang:pengingat jenis=berkala item=content/dokumen/lkpj-2024 tanggal=2024-09-16 -->']);
  });
});

describe('markers', () => {
  it('reads back every marker a text carries, and only whole ones', () => {
    const text = `${ESCALATION}\n${REMINDER}\nYth. …\n<!-- tayang:pengingat rusak -->`;
    expect(readMarkers(text)).toEqual([ESCALATION, REMINDER]);
  });

  it('refuses a value that would end the comment early', () => {
    expect(() => formatMarker({ item: 'a-->b' })).toThrow();
  });
});

describe('the letters', () => {
  it('a reminder names the item, the stage, the standard, the wait and what to do', () => {
    expect(renderStageNotice(plan(wib(18, '08:30'))[0]!, CONFIG)).toMatchInlineSnapshot(`
      "<!-- tayang:pengingat jenis=pengingat alur=publikasi tahap=verifikasi mulai=2025-03-14T07:00:00.000Z -->
      Yth. @kasubbag-a, @kasubbag-b (Kasubbag Umum),

      Dengan hormat, kami mengingatkan bahwa PR #7 "Musrenbang 2025" menunggu tahap **Verifikasi Kasubbag** sejak Jumat, 14 Maret 2025, 14.00 WIB. Sudah **2 jam 30 menit waktu kerja**, melewati mutu baku tahap ini (**2 jam**) menurut SOP Publikasi (1/2025).

      Mohon kesediaan Bapak/Ibu meninjaunya: buka tab **Files changed**, periksa perubahannya, lalu pilih **Review changes** → **Approve** bila layak tayang, atau **Request changes** dengan catatan perbaikannya bila belum.

      Bila Bapak/Ibu berhalangan, mohon serahkan kepada pengganti (Plt./Plh.) yang tercantum di tayang.config.yml. Bila tahap ini belum selesai setelah dua kali mutu baku, Tayang memberi tahu Kepala Kantor.

      Terima kasih.

      <sub>Pengingat otomatis Tayang, dikirim sekali untuk masa tunggu tahap ini.</sub>"
    `);
  });

  it('an escalation addresses the escalation role and says the officials were reminded', () => {
    expect(renderStageNotice(plan(wib(18, '10:30'), [REMINDER])[0]!, CONFIG)).toMatchInlineSnapshot(`
      "<!-- tayang:pengingat jenis=eskalasi alur=publikasi tahap=verifikasi mulai=2025-03-14T07:00:00.000Z -->
      Yth. @kepala-k, @kantor/pimpinan, @plh-kepala (Kepala Kantor),

      Dengan hormat, kami laporkan bahwa PR #7 "Musrenbang 2025" sudah menunggu tahap **Verifikasi Kasubbag** (Kasubbag Umum) sejak Jumat, 14 Maret 2025, 14.00 WIB, selama **4 jam 30 menit waktu kerja**: lebih dari dua kali mutu baku tahap ini (**2 jam**) menurut SOP Publikasi (1/2025). Pengingat kepada kasubbag-a, kasubbag-b (Kasubbag Umum) sudah dikirim di PR ini ketika mutu baku terlewati.

      Mohon arahan Bapak/Ibu agar tahap verifikasi Kasubbag dapat diselesaikan: menghubungi pejabatnya, atau, bila pejabatnya berhalangan, menetapkan pengganti (Plt./Plh.) dan mencantumkannya di \`pengganti\` peran itu di tayang.config.yml.

      Terima kasih.

      <sub>Eskalasi otomatis Tayang, dikirim sekali untuk masa tunggu tahap ini.</sub>"
    `);
  });

  it('the issues name the SOP and each stale item with its dates', () => {
    expect(renderSopReviewIssue(planSopReview(CONFIG, wib(16, '09:00'), new Set())!, CONFIG).title).toBe('Tinjauan SOP sudah jatuh tempo (2025-03-15)');
    const issue = renderBerkalaIssue(planStaleBerkala([{ folder: 'content/dokumen/lkpj-2024', judul: 'LKPJ 2024', tanggal: '2024-09-14' }], 'Asia/Jakarta', wib(15, '09:00'), new Set())!, CONFIG);
    expect(issue.title).toBe('Informasi berkala perlu diperbarui: LKPJ 2024');
    expect(issue.body).toContain('- **LKPJ 2024** (`content/dokumen/lkpj-2024/index.md`): bertanggal Sabtu, 14 September 2024, semestinya diperbarui paling lambat Jumat, 14 Maret 2025.');
  });
});
