import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../test/approval/github-fixtures.ts';
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { evaluateApproval } from './evaluate.ts';
import { SnapshotSchema, type Verdict } from './types.ts';

const CONFIG_TEXT = `
kantor: { nama: Kantor Uji, induk: Pemerintah Kabupaten Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala Kantor }
jam_kerja: { hari: [senin, selasa, rabu, kamis, jumat], mulai: "08:00", selesai: "16:00", libur: [2025-03-14] }
peran:
  kasubbag:
    nama: Kasubbag
    anggota: [kasubbag-a, kasubbag-b]
    pengganti: [{ akun: plh-kasubbag, sampai: 2025-03-11 }]
  ketua-divisi: { nama: Ketua Divisi, anggota: [ketua-divisi] }
  kepala: { nama: Kepala Kantor, anggota: [kepala] }
  redaksi: { nama: Redaksi, anggota: ["@kantor/redaksi"] }
alur:
  - id: berita-kantor
    nama: Berita kegiatan kantor
    berkas: ["content/berita/kegiatan-kantor-*/**"]
    tahap: [{ id: redaksi, nama: Pemeriksaan Redaksi, peran: redaksi, mutu_baku: 30 menit }]
  - id: publikasi
    nama: Publikasi
    jenis: [berita, pengumuman]
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag, mutu_baku: 1 hari }
      - { id: pemeriksaan, nama: Pemeriksaan Ketua Divisi, peran: ketua-divisi, mutu_baku: 1 jam }
  - id: galeri
    nama: Galeri
    jenis: [galeri]
    urutan: bebas
    tahap:
      - { id: verifikasi, nama: Verifikasi Kasubbag, peran: kasubbag }
      - { id: pemeriksaan, nama: Pemeriksaan Ketua Divisi, peran: ketua-divisi }
  - id: sistem
    nama: Perubahan sistem
    berkas: [tayang.config.yml, ".github/**", "src/**"]
    tahap: [{ id: kepala, nama: Persetujuan Kepala, peran: kepala }]
`;

function config(text = CONFIG_TEXT): Config {
  const result = parseConfig(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const BASE = config();
const NEWS = 'content/berita/musrenbang-2025/index.md';
const HEAD = 'head0000000000000000000000000000000000000';
const OLD = 'old00000000000000000000000000000000000000';
// Monday 10 March 2025, 08:00 WIB.
const OPENED = '2025-03-10T08:00:00+07:00';
const NOW = new Date('2025-03-10T15:00:00+07:00');

type SnapshotOptions = Parameters<typeof makeSnapshot>[0];

function evaluate(options: Partial<SnapshotOptions> = {}, now = NOW, cfg = BASE): Verdict {
  const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS], ...options }));
  return evaluateApproval(cfg, snapshot, now);
}

const at = (time: string) => `2025-03-10T${time}:00+07:00`;
const stage = (verdict: Verdict, flow: string, id: string) => verdict.stages.find((s) => s.flow === flow && s.id === id)!;

describe('evaluateApproval: stages in order', () => {
  it('approves when every stage has its approval, in order, on the head commit', () => {
    const verdict = evaluate({
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('approved');
    expect(verdict.flows).toEqual(['publikasi']);
    expect(verdict.stages.map((s) => [s.id, s.state, s.approvers])).toEqual([
      ['verifikasi', 'approved', ['kasubbag-a']],
      ['pemeriksaan', 'approved', ['ketua-divisi']],
    ]);
    expect(verdict.messages).toEqual(['Semua tahap sudah disetujui: PR ini boleh digabungkan (merge) dan ditayangkan.']);
  });

  it('waits for the first stage and holds the later ones until it passes', () => {
    const verdict = evaluate();
    expect(verdict.state).toBe('pending');
    expect(verdict.stages.map((s) => s.state)).toEqual(['pending', 'waiting']);
    expect(verdict.messages).toEqual(['Menunggu verifikasi Kasubbag (kasubbag): 0 dari 1 persetujuan.']);
    expect(stage(verdict, 'publikasi', 'verifikasi').reviewers).toEqual(['kasubbag-a', 'kasubbag-b', 'plh-kasubbag']);
  });

  it('does not count a later stage approved before the earlier one passed (urutan: ketat)', () => {
    const verdict = evaluate({
      reviews: [
        { login: 'ketua-divisi', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-a', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('pending');
    const later = stage(verdict, 'publikasi', 'pemeriksaan');
    expect(later).toMatchObject({ state: 'pending', approvers: [], ignored: [{ login: 'ketua-divisi', reason: 'too_early', stage: 'Verifikasi Kasubbag' }] });
    expect(verdict.messages).toContainEqual(
      expect.stringContaining(
        'Menunggu pemeriksaan Ketua Divisi (ketua-divisi): 0 dari 1 persetujuan. Diabaikan: persetujuan ketua-divisi, karena diberikan sebelum tahap "Verifikasi Kasubbag" selesai.',
      ),
    );
  });

  it('counts the same approval again once it is given after the earlier stage passed', () => {
    const verdict = evaluate({
      reviews: [
        { login: 'ketua-divisi', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-a', state: 'APPROVED', at: at('10:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('11:00') },
      ],
    });
    expect(verdict.state).toBe('approved');
  });

  it('takes stages in any order when the flow says urutan: bebas', () => {
    const verdict = evaluate({
      files: ['content/galeri/pasar-rakyat/index.md'],
      reviews: [
        { login: 'ketua-divisi', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-b', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('approved');
    expect(verdict.flows).toEqual(['galeri']);
  });

  it('asks for more approvals when a stage needs `minimal` of them', () => {
    const cfg = config(CONFIG_TEXT.replace('peran: kasubbag, mutu_baku: 1 hari', 'peran: kasubbag, minimal: 2, mutu_baku: 1 hari'));
    const one = evaluate({ reviews: [{ login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') }] }, NOW, cfg);
    expect(one.messages[0]).toBe('Menunggu verifikasi Kasubbag (kasubbag): 1 dari 2 persetujuan.');
    const two = evaluate(
      {
        reviews: [
          { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
          { login: 'kasubbag-b', state: 'APPROVED', at: at('09:30') },
          { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
        ],
      },
      NOW,
      cfg,
    );
    expect(two.state).toBe('approved');
    expect(stage(two, 'publikasi', 'verifikasi').passed_at).toBe('2025-03-10T02:30:00.000Z');
  });
});

describe('evaluateApproval: which reviews count', () => {
  it('ignores an approval given on an older commit: a new push makes it stale', () => {
    const verdict = evaluate({
      commits: [{ sha: OLD }, { sha: HEAD }],
      reviews: [{ login: 'kasubbag-a', state: 'APPROVED', at: at('09:00'), on: OLD }],
    });
    expect(verdict.state).toBe('pending');
    expect(verdict.messages[0]).toBe('Menunggu verifikasi Kasubbag (kasubbag): 0 dari 1 persetujuan. Diabaikan: persetujuan kasubbag-a pada commit lama.');
  });

  it("takes each user's latest decisive review: COMMENTED changes nothing, DISMISSED removes", () => {
    const approvedThenCommented = evaluate({
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-a', state: 'COMMENTED', at: at('09:30') },
      ],
    });
    expect(stage(approvedThenCommented, 'publikasi', 'verifikasi').state).toBe('approved');
    const dismissed = evaluate({
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-a', state: 'DISMISSED', at: at('09:30') },
      ],
    });
    expect(stage(dismissed, 'publikasi', 'verifikasi').state).toBe('pending');
    const pendingReview = evaluate({ reviews: [{ login: 'kasubbag-a', state: 'PENDING', at: at('09:00') }] });
    expect(stage(pendingReview, 'publikasi', 'verifikasi').approvers).toEqual([]);
  });

  it('compares logins without regard to case, as GitHub does', () => {
    const verdict = evaluate({ reviews: [{ login: 'Kasubbag-A', state: 'APPROVED', at: at('09:00') }] });
    expect(stage(verdict, 'publikasi', 'verifikasi').approvers).toEqual(['Kasubbag-A']);
  });

  it("ignores reviews of deleted accounts and counts nobody outside the stage's roles", () => {
    const snapshot = SnapshotSchema.parse(
      makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS], reviews: [{ login: 'tamu', state: 'APPROVED', at: at('09:00') }] }),
    );
    snapshot.reviews.push({ ...snapshot.reviews[0]!, user: null });
    const verdict = evaluateApproval(BASE, snapshot, NOW);
    expect(verdict.state).toBe('pending');
    expect(verdict.messages).toContain('Persetujuan tamu tidak dihitung: bukan anggota peran tahap mana pun yang diperlukan PR ini.');
  });

  it('never lets an author approve: the PR opener and every commit author or committer', () => {
    const verdict = evaluate({
      commits: [{ sha: 'c1'.padEnd(40, '0'), author: 'kasubbag-a' }, { sha: HEAD, author: 'penulis', committer: 'kasubbag-b' }],
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-b', state: 'APPROVED', at: at('09:10') },
      ],
    });
    expect(verdict.authors).toEqual(['penulis', 'kasubbag-a', 'kasubbag-b']);
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({
      state: 'pending',
      reviewers: ['plh-kasubbag'],
      ignored: [
        { login: 'kasubbag-a', reason: 'author' },
        { login: 'kasubbag-b', reason: 'author' },
      ],
    });
    expect(verdict.messages[0]).toContain('persetujuan kasubbag-a, karena ia ikut menulis PR ini');
  });

  it('warns about a commit whose author has no GitHub account', () => {
    const verdict = evaluate({ commits: [{ sha: 'c1'.padEnd(40, '0'), author: null, committer: 'penulis' }, { sha: HEAD }] });
    expect(verdict.unlinked_commits).toEqual([{ sha: 'c100000', role: 'author', name: 'Tanpa Akun' }]);
    expect(verdict.messages).toContainEqual(expect.stringMatching(/^Commit c100000 \(penulis "Tanpa Akun"\) tidak terhubung ke akun GitHub/));
  });

  it("does not treat GitHub's web-editor committer as a person", () => {
    const verdict = evaluate({ commits: [{ sha: HEAD, author: 'penulis', committer: 'web-flow' }] });
    expect(verdict.authors).toEqual(['penulis']);
    expect(verdict.unlinked_commits).toEqual([]);
  });

  it('counts one person for one stage only, where it lets the flow progress', () => {
    const cfg = config(CONFIG_TEXT.replace('anggota: [ketua-divisi]', 'anggota: [ketua-divisi, kasubbag-a]'));
    // kasubbag-a may act for both stages; alone they pass only the first.
    const alone = evaluate(
      { files: ['content/galeri/pasar/index.md'], reviews: [{ login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') }] },
      NOW,
      cfg,
    );
    expect(alone.state).toBe('pending');
    expect(stage(alone, 'galeri', 'pemeriksaan').ignored).toEqual([{ login: 'kasubbag-a', reason: 'counted_elsewhere', stage: 'Verifikasi Kasubbag' }]);
    // With kasubbag-b approving later, kasubbag-a counts for the stage only they can fill.
    const both = evaluate(
      {
        files: ['content/galeri/pasar/index.md'],
        reviews: [
          { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
          { login: 'kasubbag-b', state: 'APPROVED', at: at('10:00') },
        ],
      },
      NOW,
      cfg,
    );
    expect(both.state).toBe('approved');
    expect(both.stages.map((s) => s.approvers)).toEqual([['kasubbag-b'], ['kasubbag-a']]);
  });

  it('in a free-order flow, leaves a stage open when that lets more stages pass', () => {
    const cfg = config(`
kantor: { nama: Kantor Uji, induk: Pemkab Uji, alamat: Jl. Uji 1, situs: "https://uji.example.go.id" }
sop: { nomor: 1/2025, nama: SOP Uji, tanggal_efektif: 2025-01-01, disahkan_oleh: Kepala }
peran:
  dewan: { nama: Dewan Redaksi, anggota: [ana, budi] }
  hukum: { nama: Bagian Hukum, anggota: [ana] }
  humas: { nama: Humas, anggota: [budi] }
alur:
  - id: dokumen
    nama: Dokumen
    jenis: [dokumen]
    urutan: bebas
    tahap:
      - { id: dewan, nama: Dewan Redaksi, peran: dewan, minimal: 2 }
      - { id: hukum, nama: Telaah Hukum, peran: hukum }
      - { id: humas, nama: Telaah Humas, peran: humas }
`);
    const verdict = evaluate(
      {
        files: ['content/dokumen/perbup-12/index.md'],
        reviews: [
          { login: 'ana', state: 'APPROVED', at: at('09:00') },
          { login: 'budi', state: 'APPROVED', at: at('09:30') },
        ],
      },
      NOW,
      cfg,
    );
    expect(verdict.stages.map((s) => [s.id, s.state, s.approvers])).toEqual([
      ['dewan', 'pending', []],
      ['hukum', 'approved', ['ana']],
      ['humas', 'approved', ['budi']],
    ]);
  });

  it('counts one person for one stage of the whole PR, across flows too', () => {
    const files = [NEWS, 'content/galeri/pasar/index.md'];
    const once = evaluate({
      files,
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(once.flows).toEqual(['publikasi', 'galeri']);
    expect(once.state).toBe('pending');
    expect(once.messages.join('\n')).toMatch(/sudah dihitung untuk tahap "[^"]+" pada alur "[^"]+"/);
    // Two Kasubbag members cover both verification stages; the one Ketua Divisi counts once.
    const twoKasubbag = evaluate({
      files,
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-b', state: 'APPROVED', at: at('09:05') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(twoKasubbag.state).toBe('pending');
    expect(twoKasubbag.stages.filter((s) => s.id === 'verifikasi').map((s) => s.state)).toEqual(['approved', 'approved']);
    expect(twoKasubbag.stages.filter((s) => s.approvers.includes('ketua-divisi'))).toHaveLength(1);
  });

  it('expands teams from the snapshot and says so when a team is unknown', () => {
    const files = ['content/berita/kegiatan-kantor-apel-pagi/index.md'];
    const reviews = [{ login: 'redaktur', state: 'APPROVED', at: at('09:00') }];
    const known = evaluate({ files, reviews, teams: { 'Kantor/Redaksi': ['redaktur'] } });
    expect(known.flows).toEqual(['berita-kantor']);
    expect(known.state).toBe('approved');
    const unknown = evaluate({ files, reviews });
    expect(unknown.state).toBe('pending');
    expect(unknown.messages[0]).toContain('Anggota tim @kantor/redaksi tidak diketahui');
  });
});

describe('evaluateApproval: authorship from everything Git records', () => {
  const IN_ORDER = [
    { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
    { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
  ];
  /** A snapshot whose commits carry these messages (and git identities), in order. */
  function withCommits(commits: { sha: string; author?: string | null; committer?: string | null; message?: string; committerEmail?: string }[], reviews = IN_ORDER) {
    const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS], commits, reviews }));
    commits.forEach((spec, i) => {
      const git = snapshot.commits[i]!.commit;
      if (spec.message !== undefined) git.message = spec.message;
      if (spec.committerEmail !== undefined) git.committer = { ...git.committer, email: spec.committerEmail };
    });
    return evaluateApproval(BASE, snapshot, NOW);
  }

  it('a co-author named in a Co-authored-by trailer cannot approve', () => {
    const verdict = withCommits([{ sha: HEAD, message: 'Perbarui berita\n\nCo-authored-by: Ani <111+kasubbag-a@users.noreply.github.com>' }]);
    expect(verdict.authors).toEqual(['penulis', 'kasubbag-a']);
    expect(verdict.state).toBe('pending');
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({ state: 'pending', approvers: [], ignored: [{ login: 'kasubbag-a', reason: 'author' }] });
    expect(stage(verdict, 'publikasi', 'verifikasi').reviewers).not.toContain('kasubbag-a');
  });

  it('a co-author whose e-mail another commit of the PR links to an account is that account; another is not', () => {
    const verdict = withCommits([
      { sha: OLD, author: 'ketua-divisi' },
      { sha: HEAD, message: 'Perbarui berita\n\nco-authored-by: Pak Ketua <KETUA-DIVISI@example.go.id>\nCo-Authored-By: Ani <ani@example.go.id>' },
    ]);
    expect(verdict.authors).toEqual(['penulis', 'ketua-divisi']);
    expect(verdict.unlinked_commits).toEqual([{ sha: 'head000', role: 'co-author', name: 'Ani', email: 'ani@example.go.id' }]);
  });

  it('a co-author no account can be tied to blocks the PR, naming the commit and the person', () => {
    const verdict = withCommits([{ sha: HEAD, message: 'Perbarui berita\n\nCo-authored-by: Siti Aminah <siti@gmail.com>' }]);
    expect(verdict.stages.map((s) => s.state)).toEqual(['approved', 'approved']);
    expect(verdict.state).toBe('pending');
    expect(verdict.unlinked_commits).toEqual([{ sha: 'head000', role: 'co-author', name: 'Siti Aminah', email: 'siti@gmail.com' }]);
    expect(verdict.messages).toContainEqual(
      expect.stringMatching(/^Commit head000 menyebut rekan penulis "Siti Aminah" \(baris Co-authored-by\) dengan surel siti@gmail\.com, yang bukan alamat noreply GitHub .*users\.noreply\.github\.com.*tulis ulang pesan commit itu/),
    );
  });

  it('a commit whose committer GitHub links to no account blocks the PR', () => {
    const verdict = withCommits([{ sha: HEAD, author: 'penulis', committer: null }]);
    expect(verdict.stages.map((s) => s.state)).toEqual(['approved', 'approved']);
    expect(verdict.state).toBe('pending');
    expect(verdict.unlinked_commits).toEqual([{ sha: 'head000', role: 'committer', name: 'GitHub' }]);
    expect(verdict.messages).toContainEqual(expect.stringMatching(/^Commit head000 \(committer "GitHub"\) tidak terhubung ke akun GitHub mana pun/));
  });

  it("GitHub's web-flow as a commit's author is no person: it blocks like an unlinked author", () => {
    const verdict = withCommits([{ sha: HEAD, author: 'web-flow', committer: 'web-flow' }]);
    expect(verdict.state).toBe('pending');
    expect(verdict.authors).toEqual(['penulis']);
    expect(verdict.unlinked_commits).toEqual([{ sha: 'head000', role: 'author', name: 'web-flow', account: 'web-flow' }]);
    expect(verdict.messages).toContainEqual(expect.stringMatching(/^Commit head000 tercatat ditulis oleh akun web-flow milik GitHub, yang bukan orang/));
  });

  it("a co-author written with web-flow's own address resolves to no person and blocks", () => {
    const verdict = withCommits([{ sha: HEAD, committer: 'web-flow', committerEmail: 'noreply@github.com', message: 'Perbarui\n\nCo-authored-by: GitHub <noreply@github.com>' }]);
    expect(verdict.state).toBe('pending');
    expect(verdict.unlinked_commits).toEqual([{ sha: 'head000', role: 'co-author', name: 'GitHub', email: 'noreply@github.com' }]);
  });
});

describe('evaluateApproval: stand-ins', () => {
  const standIn = (time: string, now = '2025-03-12T12:00:00+07:00') => evaluate({ reviews: [{ login: 'plh-kasubbag', state: 'APPROVED', at: time }] }, new Date(now));

  it('counts a stand-in up to the end of their `sampai` date in the office time zone', () => {
    const verdict = standIn('2025-03-11T23:59:00+07:00', '2025-03-11T23:59:30+07:00');
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({
      state: 'approved',
      approvals: [{ login: 'plh-kasubbag', stand_in: { until: '2025-03-11' } }],
    });
  });

  it('keeps counting an approval a stand-in gave during the mandate after the mandate has ended', () => {
    const verdict = standIn('2025-03-11T23:59:00+07:00', '2025-03-12T09:00:00+07:00');
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({ state: 'approved', approvers: ['plh-kasubbag'] });
    expect(stage(verdict, 'publikasi', 'verifikasi').reviewers).toEqual(['kasubbag-a', 'kasubbag-b']);
  });

  it('does not count a stand-in after their mandate ended, even when UTC still shows the last day', () => {
    const verdict = standIn('2025-03-12T00:30:00+07:00');
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({
      state: 'pending',
      ignored: [{ login: 'plh-kasubbag', reason: 'stand_in_expired', until: '2025-03-11' }],
    });
    expect(stage(verdict, 'publikasi', 'verifikasi').reviewers).toEqual(['kasubbag-a', 'kasubbag-b']);
  });
});

describe('evaluateApproval: returned to the author', () => {
  it('returns the PR when a member of the pending stage requests changes, with their reason', () => {
    const verdict = evaluate({
      reviews: [{ login: 'kasubbag-b', state: 'CHANGES_REQUESTED', at: at('09:00'), body: 'Nama narasumber\nbelum dikonfirmasi.' }],
    });
    expect(verdict.state).toBe('changes_requested');
    expect(stage(verdict, 'publikasi', 'verifikasi').changes_requested_by).toMatchObject([{ login: 'kasubbag-b', body: 'Nama narasumber\nbelum dikonfirmasi.' }]);
    expect(verdict.messages[0]).toBe(
      'Verifikasi Kasubbag (kasubbag) mengembalikan draf kepada penulis. kasubbag-b: "Nama narasumber belum dikonfirmasi.". Perbaiki lalu dorong commit baru; tahap ini kemudian memeriksa lagi.',
    );
  });

  it('returns the PR when a member of an approved stage withdraws with a request for changes', () => {
    const verdict = evaluate({
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-a', state: 'CHANGES_REQUESTED', at: at('09:30') },
      ],
    });
    expect(verdict.state).toBe('changes_requested');
  });

  it('returns the PR when one member objects although another member of the stage approved', () => {
    const verdict = evaluate({
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'kasubbag-b', state: 'CHANGES_REQUESTED', at: at('09:10'), body: 'Foto belum berketerangan.' },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('changes_requested');
    expect(verdict.stages.map((s) => s.state)).toEqual(['changes_requested', 'waiting']);
  });

  it('does not return the PR for a request by someone whose stage has not come yet', () => {
    const verdict = evaluate({ reviews: [{ login: 'ketua-divisi', state: 'CHANGES_REQUESTED', at: at('09:00') }] });
    expect(verdict.state).toBe('pending');
  });

  it('after a fix is pushed, the old objection still returns the PR until its reviewer approves', () => {
    const returned = { login: 'kasubbag-a', state: 'CHANGES_REQUESTED', at: at('09:00'), on: OLD };
    const fixed = evaluate({ commits: [{ sha: OLD }, { sha: HEAD }], reviews: [returned, { login: 'kasubbag-b', state: 'APPROVED', at: at('10:00') }] });
    expect(fixed.state).toBe('changes_requested');
    expect(stage(fixed, 'publikasi', 'verifikasi')).toMatchObject({ state: 'changes_requested', changes_requested_by: [], outdated_change_requests: ['kasubbag-a'] });
    expect(fixed.messages[0]).toContain('kasubbag-a meminta perbaikan pada commit lama; perbaikannya sudah didorong dan menunggu diperiksa lagi. Permintaan itu tetap menahan tahap ini');
    const reapproved = evaluate({
      commits: [{ sha: OLD }, { sha: HEAD }],
      reviews: [returned, { login: 'kasubbag-a', state: 'APPROVED', at: at('11:00') }, { login: 'ketua-divisi', state: 'APPROVED', at: at('11:30') }],
    });
    expect(reapproved.state).toBe('approved');
  });
});

describe('evaluateApproval: files and flows', () => {
  it('never approves a draft', () => {
    const verdict = evaluate({
      draft: true,
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('pending');
    expect(verdict.messages[0]).toMatch(/^PR ini masih draf/);
  });

  it('blocks a file that no flow governs, naming it', () => {
    const verdict = evaluate({
      files: [NEWS, 'catatan.txt'],
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.state).toBe('pending');
    expect(verdict.ungoverned_files).toEqual(['catatan.txt']);
    expect(verdict.messages[0]).toMatch(/^Berkas catatan\.txt tidak diatur alur mana pun/);
  });

  it('does not approve a PR without changed files', () => {
    expect(evaluate({ files: [] }).state).toBe('pending');
  });

  it('does not approve a PR whose commits or files GitHub did not all list (250 commits, 3000 files at most)', () => {
    const approvals = {
      reviews: [
        { login: 'kasubbag-a', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    };
    const listed = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS], ...approvals }));
    const complete = { ...listed, pull: { ...listed.pull, commits: 1, changed_files: 1 } };
    expect(evaluateApproval(BASE, complete, NOW).state).toBe('approved');

    // The 251st commit may be the Kasubbag's own; the 3001st file may be a workflow.
    const moreCommits = evaluateApproval(BASE, { ...listed, pull: { ...listed.pull, commits: 251, changed_files: 1 } }, NOW);
    expect(moreCommits.state).toBe('pending');
    expect(moreCommits.unlisted).toEqual({ commits: 250, files: 0 });
    expect(moreCommits.messages).toContainEqual(expect.stringMatching(/^250 commit PR ini tidak ada dalam daftar commit/));
    const moreFiles = evaluateApproval(BASE, { ...listed, pull: { ...listed.pull, commits: 1, changed_files: 3001 } }, NOW);
    expect(moreFiles.state).toBe('pending');
    expect(moreFiles.messages).toContainEqual(expect.stringMatching(/^3000 berkas yang diubah PR ini tidak ada dalam daftar berkas/));
  });

  it('uses the base config: a PR that adds its friend as approver still needs the stricter flow', () => {
    // The PR's own tayang.config.yml would make "kawan" a Kasubbag; the engine only sees the base's.
    const verdict = evaluate({
      files: [NEWS, 'tayang.config.yml'],
      reviews: [
        { login: 'kawan', state: 'APPROVED', at: at('09:00') },
        { login: 'ketua-divisi', state: 'APPROVED', at: at('10:00') },
      ],
    });
    expect(verdict.flows).toEqual(['publikasi', 'sistem']);
    expect(verdict.state).toBe('pending');
    expect(stage(verdict, 'sistem', 'kepala').state).toBe('pending');
    expect(verdict.messages).toContain('Persetujuan kawan tidak dihitung: bukan anggota peran tahap mana pun yang diperlukan PR ini.');
  });

  it('governs both paths of a renamed file', () => {
    const snapshot = SnapshotSchema.parse(makeSnapshot({ author: 'penulis', opened: OPENED, files: [NEWS] }));
    snapshot.files[0] = { ...snapshot.files[0]!, status: 'renamed', previous_filename: 'src/pages/berita.astro' };
    expect(evaluateApproval(BASE, snapshot, NOW).flows).toEqual(['publikasi', 'sistem']);
  });
});

describe('evaluateApproval: working time against the time standard', () => {
  // Thursday 13 March 15:30 WIB; Friday 14 March is a holiday in the test config.
  const thursday = '2025-03-13T15:30:00+07:00';

  it('is overdue after the standard in working minutes, across a weekend and a holiday', () => {
    // "1 hari" = one working day of 8 hours. Thursday 15:30–16:00 is 30 minutes, Friday is a
    // holiday, Saturday and Sunday are no working days: Monday 15:30 makes exactly 480.
    const verdict = evaluate({ opened: thursday }, new Date('2025-03-17T15:31:00+07:00'));
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({ elapsed_minutes: 481, standard_minutes: 480, overdue: true, started_at: '2025-03-13T08:30:00.000Z' });
    expect(verdict.messages[0]).toContain('Sudah melewati mutu baku 1 hari kerja: berjalan 8 jam 1 menit waktu kerja.');
    const intime = evaluate({ opened: thursday }, new Date('2025-03-17T15:30:00+07:00'));
    expect(stage(intime, 'publikasi', 'verifikasi')).toMatchObject({ elapsed_minutes: 480, overdue: false });
  });

  it("stops a stage's clock when it passes and starts the next stage's clock then", () => {
    const verdict = evaluate({ opened: thursday, reviews: [{ login: 'kasubbag-a', state: 'APPROVED', at: '2025-03-17T08:10:00+07:00' }] }, new Date('2025-03-18T09:00:00+07:00'));
    expect(stage(verdict, 'publikasi', 'verifikasi')).toMatchObject({ elapsed_minutes: 40, overdue: false, passed_at: '2025-03-17T01:10:00.000Z' });
    // Monday 08:10–16:00 and Tuesday 08:00–09:00: 470 + 60 minutes against "1 jam".
    expect(stage(verdict, 'publikasi', 'pemeriksaan')).toMatchObject({ started_at: '2025-03-17T01:10:00.000Z', elapsed_minutes: 530, standard_minutes: 60, overdue: true });
  });

  it('has no standard and is never overdue when the SOP says tentatif', () => {
    const verdict = evaluate({ files: ['src/pages/index.astro'] }, new Date('2025-04-30T12:00:00+07:00'));
    expect(stage(verdict, 'sistem', 'kepala')).toMatchObject({ standard_minutes: null, standard_text: 'tentatif', overdue: false });
  });

  it('keeps a waiting stage at zero', () => {
    const verdict = evaluate({}, new Date('2025-03-12T12:00:00+07:00'));
    expect(stage(verdict, 'publikasi', 'pemeriksaan')).toMatchObject({ state: 'waiting', started_at: null, elapsed_minutes: 0, overdue: false });
  });
});
