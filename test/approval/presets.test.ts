import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluateApproval } from '../../src/lib/approval/evaluate.ts';
import { SnapshotSchema, type Verdict } from '../../src/lib/approval/types.ts';
import { parseConfig } from '../../src/lib/config/load.ts';
import type { Config } from '../../src/lib/config/schema.ts';
import { makeSnapshot } from './github-fixtures.ts';

/**
 * Each of the five SOPs of DESIGN.md §1, walked through a pull request: the roles, stages and
 * time standards are pinned to the SOP table, then the same scenarios run on every preset.
 */
interface PresetWalk {
  file: string;
  /** The SOP's drafter, who opens the PR. */
  author: string;
  content: string;
  flow: string;
  /** Stages of the content flow in order, one approver each, and the standard in minutes. */
  stages: { id: string; roles: string[]; approver: string; standard: number | null }[];
  /** Who approves a change to the config or code. */
  head: { flow: string; approver: string };
  standIn: { login: string; until: string };
  teams?: Record<string, string[]>;
}

const WALKS: PresetWalk[] = [
  {
    file: 'kecamatan-jenawi.yml',
    author: 'dimas-jenawi',
    content: 'content/berita/panen-raya-jenawi/index.md',
    flow: 'publikasi',
    stages: [{ id: 'verifikasi', roles: ['ppid-pelaksana'], approver: 'sri-ppid-jenawi', standard: null }],
    head: { flow: 'perubahan-sistem', approver: 'hartono-camat-jenawi' },
    standIn: { login: 'agus-sekcam-jenawi', until: '2025-03-31' },
  },
  {
    file: 'kapanewon-bantul.yml',
    author: 'bayu-web-bantul',
    content: 'content/berita/jumat-bersih-bantul/index.md',
    flow: 'publikasi',
    stages: [{ id: 'persetujuan-panewu', roles: ['panewu'], approver: 'suharto-panewu-bantul', standard: 15 }],
    head: { flow: 'perubahan-sistem', approver: 'sri-panewu-anom-bantul' },
    standIn: { login: 'endah-jawatan-bantul', until: '2025-06-30' },
  },
  {
    file: 'ppid-kalurahan-bunder.yml',
    author: 'fajar-medsos-bunder',
    content: 'content/pengumuman/jadwal-posyandu/index.md',
    flow: 'publikasi',
    stages: [
      { id: 'telaah-seksi', roles: ['seksi-pengolahan-data'], approver: 'wulan-seksi-bunder', standard: 15 },
      { id: 'keputusan-ketua', roles: ['ketua-ppid'], approver: 'sutrisno-ketua-ppid-bunder', standard: 10 },
    ],
    head: { flow: 'perubahan-sistem', approver: 'harjono-lurah-bunder' },
    standIn: { login: 'sari-carik-bunder', until: '2025-08-31' },
  },
  {
    file: 'kecamatan-gerokgak.yml',
    author: 'komang-operator-gerokgak',
    content: 'content/data/jumlah-penduduk-2024/index.md',
    flow: 'publikasi',
    stages: [{ id: 'persetujuan-pimpinan', roles: ['camat', 'sekcam', 'kasubag-perencanaan'], approver: 'ketut-sekcam-gerokgak', standard: 10 }],
    head: { flow: 'perubahan-sistem', approver: 'made-camat-gerokgak' },
    standIn: { login: 'gede-plh-camat-gerokgak', until: '2025-05-16' },
  },
  {
    file: 'kpu-kepulauan-seribu.yml',
    author: 'nur-penulis-kpuseribu',
    content: 'content/dokumen/keputusan-kpu-dpt/index.md',
    flow: 'publikasi',
    stages: [
      { id: 'verifikasi-kasubbag', roles: ['kasubbag'], approver: 'dewi-kasubbag-kpuseribu', standard: 60 },
      { id: 'pemeriksaan-ketua-divisi', roles: ['ketua-divisi'], approver: 'rahmat-kadiv-kpuseribu', standard: 60 },
    ],
    head: { flow: 'perubahan-sistem', approver: 'agung-ketua-kpuseribu' },
    standIn: { login: 'hendra-sekretaris-kpuseribu', until: '2025-02-28' },
    teams: { 'kpu-kepulauanseribu/admin-web': ['sinta-adminweb-kpuseribu', 'rizky-adminweb-kpuseribu'] },
  },
];

const FIRST = 'a1'.padEnd(40, '0');
const FIX = 'b2'.padEnd(40, '0');

async function loadPreset(file: string): Promise<Config> {
  const result = parseConfig(await readFile(new URL(`../../presets/${file}`, import.meta.url), 'utf8'), `presets/${file}`);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

for (const walk of WALKS) {
  describe(`preset ${walk.file}`, async () => {
    const config = await loadPreset(walk.file);
    const zone = config.kantor.zona_waktu;
    /** Wall-clock time at the office, e.g. "2025-03-10T09:00". */
    const local = (time: string) => DateTime.fromISO(time, { zone }).toISO()!;
    const opened = local('2025-03-10T08:00');
    const step = (n: number) => local(`2025-03-10T${String(9 + n).padStart(2, '0')}:00`);
    const inOrder = walk.stages.map((s, n) => ({ login: s.approver, state: 'APPROVED', at: step(n) }));

    function evaluate(options: Partial<Parameters<typeof makeSnapshot>[0]>, now = local('2025-03-10T15:00')): Verdict {
      const snapshot = makeSnapshot({ author: walk.author, opened, files: [walk.content], teams: walk.teams, ...options });
      return evaluateApproval(config, SnapshotSchema.parse(snapshot), new Date(now));
    }

    it('has the roles, stages and time standards of the SOP', () => {
      const flow = config.alur.find((f) => f.id === walk.flow)!;
      const verdict = evaluate({});
      expect(verdict.flows).toEqual([walk.flow]);
      expect(flow.tahap.map((s) => [s.id, s.peran])).toEqual(walk.stages.map((s) => [s.id, s.roles]));
      expect(verdict.stages.map((s) => s.standard_minutes)).toEqual(walk.stages.map((s) => s.standard));
    });

    it('approves when the stages approve in order', () => {
      const verdict = evaluate({ reviews: inOrder });
      expect(verdict.state).toBe('approved');
      expect(verdict.stages.map((s) => s.approvers)).toEqual(walk.stages.map((s) => [s.approver]));
    });

    // Order only exists where the SOP has two stages or more (Bunder, KPU).
    if (walk.stages.length > 1) {
      it('does not count a later stage that approved before the earlier one', () => {
        const verdict = evaluate({ reviews: [...inOrder].reverse().map((r, n) => ({ ...r, at: step(n) })) });
        expect(verdict.state).toBe('pending');
        expect(verdict.stages.at(-1)!.ignored).toContainEqual(expect.objectContaining({ login: walk.stages.at(-1)!.approver, reason: 'too_early' }));
      });
    }

    it('returns the draft on "Request changes", then approves the fixed version', () => {
      const returned = { login: walk.stages[0]!.approver, state: 'CHANGES_REQUESTED', at: step(0), body: 'Sumber data belum disebut.' };
      const verdict = evaluate({ commits: [{ sha: FIRST }], reviews: [returned] });
      expect(verdict.state).toBe('changes_requested');
      expect(verdict.messages[0]).toContain('Sumber data belum disebut.');
      // The objection stands after the fix is pushed, until its reviewer looks again.
      const fixed = evaluate({ commits: [{ sha: FIRST }, { sha: FIX }], reviews: [{ ...returned, on: FIRST }] });
      expect(fixed.state).toBe('changes_requested');
      const reapproved = evaluate({
        commits: [{ sha: FIRST }, { sha: FIX }],
        reviews: [{ ...returned, on: FIRST }, ...walk.stages.map((s, n) => ({ login: s.approver, state: 'APPROVED', at: step(n + 1) }))],
      });
      expect(reapproved.state).toBe('approved');
    });

    it('makes approvals stale when a commit is pushed after them', () => {
      const verdict = evaluate({ commits: [{ sha: FIRST }, { sha: FIX }], reviews: inOrder.map((r) => ({ ...r, on: FIRST })) });
      expect(verdict.state).toBe('pending');
      expect(verdict.stages[0]!.ignored).toEqual([{ login: walk.stages[0]!.approver, reason: 'stale' }]);
    });

    it("does not let a PR that edits the config grant approval: the base config's office head decides", () => {
      const files = [walk.content, 'tayang.config.yml', '.github/workflows/persetujuan.yml'];
      const friend = { login: 'kawan-penulis', state: 'APPROVED', at: step(0) };
      // One person counts for one stage of the whole PR: the system flow needs its own approver.
      const withoutHead = inOrder.filter((r) => r.login !== walk.head.approver);
      const verdict = evaluate({ files, reviews: [friend, ...withoutHead] });
      expect(verdict.flows).toEqual([walk.flow, walk.head.flow]);
      expect(verdict.state).toBe('pending');
      expect(verdict.stages.find((s) => s.flow === walk.head.flow)!.state).toBe('pending');
      expect(verdict.messages).toContain('Persetujuan kawan-penulis tidak dihitung: bukan anggota peran tahap mana pun yang diperlukan PR ini.');
      const withHead = evaluate({ files, reviews: [...inOrder, { login: walk.head.approver, state: 'APPROVED', at: step(walk.stages.length) }] });
      expect(withHead.state).toBe('approved');
    });

    it('counts a stand-in up to the end of their `sampai` date, not after', () => {
      const role = config.alur.find((f) => f.id === walk.flow)!.tahap.findIndex((s) => s.peran.some((r) => config.peran[r]!.pengganti.some((p) => p.akun === walk.standIn.login)));
      expect(role).toBeGreaterThanOrEqual(0);
      const day = DateTime.fromISO(walk.standIn.until, { zone });
      const reviews = (standInAt: DateTime) =>
        walk.stages.map((s, n) => ({
          login: n === role ? walk.standIn.login : s.approver,
          state: 'APPROVED',
          at: standInAt.plus({ minutes: n - role }).toISO()!,
        }));
      const options = { opened: day.minus({ days: 1 }).set({ hour: 8 }).toISO()! };
      const before = evaluate({ ...options, reviews: reviews(day.set({ hour: 15 })) }, day.plus({ days: 1 }).set({ hour: 12 }).toISO()!);
      expect(before.state).toBe('approved');
      expect(before.stages[role]!.approvals[0]!.stand_in?.until).toBe(walk.standIn.until);
      const after = evaluate({ ...options, reviews: reviews(day.plus({ days: 1 }).set({ hour: 9 })) }, day.plus({ days: 1 }).set({ hour: 12 }).toISO()!);
      expect(after.state).toBe('pending');
      expect(after.stages[role]!.ignored).toContainEqual({ login: walk.standIn.login, reason: 'stand_in_expired', until: walk.standIn.until });
    });

    it('measures the first stage in working time across a holiday and a weekend', () => {
      // Thursday 5 June 2025 15:55: Friday 6 June is Iduladha, Monday 9 June cuti bersama, so
      // the next working minute is Tuesday 10 June 07:30.
      const thursday = { opened: local('2025-06-05T15:55') };
      const standard = walk.stages[0]!.standard;
      const friday = evaluate(thursday, local('2025-06-06T12:00')).stages[0]!;
      expect(friday.elapsed_minutes).toBe(5);
      if (standard === null) {
        const weeksLater = evaluate(thursday, local('2025-07-10T12:00')).stages[0]!;
        expect(weeksLater).toMatchObject({ standard_minutes: null, overdue: false });
        return;
      }
      const atStandard = DateTime.fromISO(local('2025-06-10T07:30'), { zone }).plus({ minutes: standard - 5 });
      expect(evaluate(thursday, atStandard.toISO()!).stages[0]).toMatchObject({ elapsed_minutes: standard, overdue: false });
      expect(evaluate(thursday, atStandard.plus({ minutes: 1 }).toISO()!).stages[0]).toMatchObject({ elapsed_minutes: standard + 1, overdue: true });
    });

    it('never approves a draft, and blocks a file no flow governs', () => {
      expect(evaluate({ draft: true, reviews: inOrder }).state).toBe('pending');
      const ungoverned = evaluate({ files: [walk.content, 'catatan-rapat.txt'], reviews: inOrder });
      expect(ungoverned.state).toBe('pending');
      expect(ungoverned.ungoverned_files).toEqual(['catatan-rapat.txt']);
    });

    it('does not count an approver who authored a commit in the PR', () => {
      const verdict = evaluate({ commits: [{ sha: FIRST, author: walk.stages[0]!.approver }, { sha: FIX }], reviews: inOrder });
      expect(verdict.state).toBe('pending');
      expect(verdict.stages[0]!.ignored).toEqual([{ login: walk.stages[0]!.approver, reason: 'author' }]);
    });
  });
}

describe('preset particulars', () => {
  it('KPU: news about the office itself skips straight to the Web Admin team', async () => {
    const config = await loadPreset('kpu-kepulauan-seribu.yml');
    const snapshot = makeSnapshot({
      author: 'nur-penulis-kpuseribu',
      opened: '2025-03-10T08:00:00+07:00',
      files: ['content/berita/kegiatan-kantor-apel-pagi/index.md', 'content/berita/kegiatan-kantor-apel-pagi/apel.jpg'],
      reviews: [{ login: 'rizky-adminweb-kpuseribu', state: 'APPROVED', at: '2025-03-10T08:20:00+07:00' }],
      teams: { 'kpu-kepulauanseribu/admin-web': ['sinta-adminweb-kpuseribu', 'rizky-adminweb-kpuseribu'] },
    });
    const verdict = evaluateApproval(config, SnapshotSchema.parse(snapshot), new Date('2025-03-10T09:00:00+07:00'));
    expect(verdict.flows).toEqual(['berita-kantor']);
    expect(verdict.state).toBe('approved');
    expect(verdict.stages[0]).toMatchObject({ id: 'unggah-admin-web', standard_minutes: 30, elapsed_minutes: 20 });
    // Other news keeps the two stages.
    const other = evaluateApproval(config, SnapshotSchema.parse({ ...snapshot, files: [{ filename: 'content/berita/rekapitulasi-suara/index.md', status: 'added' }] }), new Date());
    expect(other.flows).toEqual(['publikasi']);
  });

  it('Gerokgak: any one of Camat, Sekcam or Kasubag Perencanaan approves', async () => {
    const config = await loadPreset('kecamatan-gerokgak.yml');
    for (const login of ['made-camat-gerokgak', 'ketut-sekcam-gerokgak', 'putu-perencanaan-gerokgak']) {
      const snapshot = makeSnapshot({
        author: 'komang-operator-gerokgak',
        opened: '2025-03-10T08:00:00+08:00',
        files: ['content/agenda/musrenbang/index.md'],
        reviews: [{ login, state: 'APPROVED', at: '2025-03-10T08:05:00+08:00' }],
      });
      expect(evaluateApproval(config, SnapshotSchema.parse(snapshot), new Date('2025-03-10T09:00:00+08:00')).state).toBe('approved');
    }
  });

  it('Bunder: the links are reported to the Ketua PPID', async () => {
    const config = await loadPreset('ppid-kalurahan-bunder.yml');
    expect(config.alur[0]!.penerima_laporan).toBe('ketua-ppid');
  });

  it('the example office config is the Jenawi preset', async () => {
    const example = parseConfig(await readFile(new URL('../../tayang.config.yml', import.meta.url), 'utf8'));
    expect(example.ok && example.value).toEqual(await loadPreset('kecamatan-jenawi.yml'));
  });
});
