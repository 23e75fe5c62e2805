import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { parseConfig } from '../config/load.ts';
import { evaluateApproval } from './evaluate.ts';
import { APPROVAL_COMMENT_MARKER, renderStatusDescription, renderVerdictComment, renderVerdictJson, renderVerdictText } from './render.ts';
import { SnapshotSchema } from './types.ts';

const parsed = parseConfig(`
kantor: { nama: Kantor Uji, induk: Pemkab Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala }
jam_kerja: { mulai: "08:00", selesai: "16:00" }
peran:
  kasubbag: { nama: Kasubbag Umum, anggota: [kasubbag-a, kasubbag-b] }
  ketua-divisi: { nama: Ketua Divisi, anggota: [ketua-divisi] }
alur:
  - id: publikasi
    nama: Publikasi
    jenis: ["*"]
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 jam }
      - { id: pemeriksaan, nama: Pemeriksaan Ketua Divisi, peran: ketua-divisi, mutu_baku: tentatif }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const config = parsed.value;

function verdictWith(reviews: Parameters<typeof makeSnapshot>[0]['reviews']) {
  const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: '2025-03-10T08:00:00+07:00', files: ['content/berita/a/index.md'], reviews }));
  return evaluateApproval(config, snapshot, new Date('2025-03-10T10:30:00+07:00'));
}

const halfway = verdictWith([{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T09:15:00+07:00' }]);

describe('renderVerdictJson', () => {
  it('gives exactly the keys of the contract', () => {
    expect(renderVerdictJson(halfway)).toEqual({
      state: 'pending',
      flows: ['publikasi'],
      stages: [
        { id: 'verifikasi', flow: 'publikasi', state: 'approved', approvers: ['kasubbag-a'], elapsed_minutes: 75, standard_minutes: 60, overdue: true },
        { id: 'pemeriksaan', flow: 'publikasi', state: 'pending', approvers: [], elapsed_minutes: 75, standard_minutes: null, overdue: false },
      ],
      messages: ['Menunggu pemeriksaan Ketua Divisi (ketua-divisi): 0 dari 1 persetujuan.'],
    });
  });
});

describe('renderVerdictComment', () => {
  it('shows the stage table, what happens next and when it was computed', () => {
    expect(renderVerdictComment(halfway)).toMatchInlineSnapshot(`
      "<!-- tayang:persetujuan -->
      ### Persetujuan SOP: belum disetujui

      | Tahap | Peran | Status | Disetujui oleh | Waktu | Mutu baku | Terlambat? |
      |---|---|---|---|---|---|---|
      | Verifikasi Kasubbag | Kasubbag Umum | ✅ disetujui | kasubbag-a, 10 Mar 2025 09.15 WIB | 1 jam 15 menit | 1 jam | **ya** |
      | Pemeriksaan Ketua Divisi | Ketua Divisi | ⏳ menunggu persetujuan | — | 1 jam 15 menit | tentatif | — |

      **Langkah berikutnya:** Pemeriksaan Ketua Divisi: Ketua Divisi (ketua-divisi) memeriksa draf, lalu memilih **Approve** untuk menyetujui atau **Request changes** dengan alasannya untuk mengembalikan.

      - Menunggu pemeriksaan Ketua Divisi (ketua-divisi): 0 dari 1 persetujuan.

      <sub>Waktu dihitung dalam waktu kerja kantor (jam kerja, tanpa hari libur), zona Asia/Jakarta; dihitung 10 Mar 2025 10.30 WIB untuk commit head000.</sub>"
    `);
  });

  it('starts with the marker the GitHub adapter looks for', () => {
    expect(renderVerdictComment(halfway).startsWith(APPROVAL_COMMENT_MARKER)).toBe(true);
  });
});

describe('renderVerdictText', () => {
  it('lists every stage with its state and time, then the messages', () => {
    expect(renderVerdictText(halfway)).toMatchInlineSnapshot(`
      "Persetujuan PR #7: BELUM DISETUJUI
      Alur: publikasi
        [publikasi] Verifikasi Kasubbag (Kasubbag Umum): disetujui, oleh kasubbag-a — 1 jam 15 menit waktu kerja, mutu baku 1 jam, TERLAMBAT
        [publikasi] Pemeriksaan Ketua Divisi (Ketua Divisi): menunggu persetujuan — 1 jam 15 menit waktu kerja, mutu baku tentatif

      - Menunggu pemeriksaan Ketua Divisi (ketua-divisi): 0 dari 1 persetujuan."
    `);
  });
});

describe('renderStatusDescription', () => {
  it('says what the PR waits for', () => {
    expect(renderStatusDescription(verdictWith([]))).toBe('Menunggu verifikasi Kasubbag');
    expect(renderStatusDescription(halfway)).toBe('Menunggu pemeriksaan Ketua Divisi');
  });

  it('says who returned it, and when it is approved', () => {
    expect(renderStatusDescription(verdictWith([{ login: 'kasubbag-b', state: 'CHANGES_REQUESTED', at: '2025-03-10T09:00:00+07:00' }]))).toBe(
      'Dikembalikan ke penulis: verifikasi Kasubbag',
    );
    const approved = verdictWith([
      { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T09:15:00+07:00' },
      { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T10:00:00+07:00' },
    ]);
    expect(renderStatusDescription(approved)).toBe('Disetujui sesuai SOP');
  });

  it('names a commit without a GitHub account as what holds a PR whose stages all passed', () => {
    const snapshot = makeSnapshot({
      author: 'penulis',
      opened: '2025-03-10T08:00:00+07:00',
      files: ['content/berita/a/index.md'],
      commits: [{ sha: 'c1'.padEnd(40, '0'), author: null }, { sha: 'head0000000000000000000000000000000000000' }],
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-10T09:15:00+07:00' },
        { login: 'ketua-divisi', state: 'APPROVED', at: '2025-03-10T10:00:00+07:00' },
      ],
    });
    const verdict = evaluateApproval(config, SnapshotSchema.parse(snapshot), new Date('2025-03-10T10:30:00+07:00'));
    expect(verdict.state).toBe('pending');
    // The fixture's account-less author also committed it, under another name: two people unknown.
    expect(renderStatusDescription(verdict)).toBe('Ada 1 commit yang penulis atau committer-nya tidak terhubung ke akun GitHub');
  });
});
