import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { holdMarker, holdMentions, judgeCommit, judgeRange, mainLine, markedShas, planHoldIssue, recordsShortfalls, renderGateText, renderHoldIssue, type CommitFacts, type CommitInput } from './gate.ts';

const SLUG = 'tayang-kantor';
const BOT = 'tayang-kantor[bot]';

const appRecords: CommitFacts = { sha: 'a1', subject: 'Catatan persetujuan PR #12', author: BOT, committer: BOT, verified: true, root: false, files: ['records/persetujuan/12.json'] };
const approvedPull = (sha: string, number = 12): CommitInput => ({ commit: { ...appRecords, sha, author: 'penulis', committer: 'web-flow', files: undefined }, pull: { number, url: `https://github.test/pull/${number}`, outcome: { state: 'approved', description: 'Disetujui sesuai SOP' } } });
const directPush = (sha: string): CommitInput => ({ commit: { ...appRecords, sha, author: 'admin', committer: 'admin', verified: false, files: ['content/berita/x/index.md'] }, pull: null });

function config(extra: string): Config {
  const parsed = parseConfig(`kantor: { nama: Kecamatan Jenawi, induk: Pemkab Karanganyar, alamat: Jenawi, situs: "https://jenawi.example.go.id" }
sop: { nomor: "1/2025", nama: SOP, tanggal_efektif: 2025-01-02, disahkan_oleh: Camat }
peran:
  ppid: { nama: PPID Pelaksana, anggota: [budi] }
  admin-website: { nama: Admin Website, anggota: [sari, "@jenawi/web"], pengganti: [{ akun: tono, sampai: 2025-03-31 }, { akun: lama, sampai: 2025-01-31 }] }
alur:
  - { id: sistem, nama: Sistem, berkas: ["src/**"], tahap: [{ id: s, nama: Sistem, peran: ppid }] }
  - { id: publikasi, nama: Publikasi, jenis: ["*"], penerima_laporan: ppid, tahap: [{ id: v, nama: Verifikasi, peran: ppid }] }
${extra}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('the records-only exception', () => {
  it('holds for a commit the App made, GitHub verified, under records/ only', () => {
    expect(recordsShortfalls(appRecords, SLUG)).toEqual([]);
    expect(recordsShortfalls({ ...appRecords, committer: 'web-flow' }, SLUG)).toEqual([]);
  });

  it('says every way a commit falls short', () => {
    expect(recordsShortfalls({ ...appRecords, verified: false }, SLUG)).toEqual(['unverified']);
    expect(recordsShortfalls({ ...appRecords, author: 'penulis' }, SLUG)).toEqual(['author']);
    // Signing with one's own key and naming the bot as author: the committer gives it away.
    expect(recordsShortfalls({ ...appRecords, committer: 'penulis' }, SLUG)).toEqual(['committer']);
    expect(recordsShortfalls({ ...appRecords, author: null, committer: null }, SLUG)).toEqual(['author', 'committer']);
    expect(recordsShortfalls({ ...appRecords, files: ['records/a.json', 'content/berita/x/index.md'] }, SLUG)).toEqual(['outside_records']);
    expect(recordsShortfalls({ ...appRecords, files: ['recordsx/a.json'] }, SLUG)).toEqual(['outside_records']);
    expect(recordsShortfalls({ ...appRecords, files: [] }, SLUG)).toEqual(['no_files']);
    expect(recordsShortfalls({ ...appRecords, files: undefined }, SLUG)).toEqual(['files_unknown']);
  });

  it('does not let a PR commit use it: a PR is judged by its verdict', () => {
    const recordsPull: CommitInput = { commit: appRecords, pull: { number: 9, url: 'u', outcome: { state: 'pending', description: 'Ada 1 berkas yang tidak diatur alur SOP' } } };
    expect(judgeCommit(recordsPull, SLUG)).toMatchObject({ passes: false, basis: 'unapproved_pull' });
  });
});

describe('the gate over a range', () => {
  it('passes when every commit passes, and an empty range', () => {
    expect(judgeRange({ since: 'm0', until: 'm2' }, [approvedPull('m1'), { commit: appRecords, pull: null }], SLUG).passed).toBe(true);
    expect(judgeRange({ since: 'm0', until: 'm0' }, [], SLUG).passed).toBe(true);
  });

  it('holds when one commit fails: an unapproved PR, one that could not be judged, or a direct push', () => {
    const unusable: CommitInput = { commit: appRecords, pull: { number: 5, url: 'u', outcome: { problems: ['tayang.config.yml tidak ada'] } } };
    const report = judgeRange({ since: 'm0', until: 'm3' }, [approvedPull('m1'), directPush('m2'), unusable], SLUG);
    expect(report.passed).toBe(false);
    expect(report.decisions.map((d) => d.basis)).toEqual(['approved_pull', 'no_pull', 'unusable_pull']);
  });
});

describe('released commits, and commits that are not their PR\'s merge', () => {
  const release = { file: '.tayang/lepas-tahan/m2.yml', alasan: 'Dibatalkan.', pr_pembatalan: 14 };

  it('releases the held commit it names, and says so', () => {
    const report = judgeRange({ since: 'm0', until: 'm3' }, [directPush('m2'), approvedPull('m3')], SLUG, new Map([['m2', release]]));
    expect(report.passed).toBe(true);
    expect(report.decisions[0]).toMatchObject({ basis: 'released', held: 'no_pull' });
    expect(renderGateText(report, SLUG)).toContain('[dilepas] m2 tanpa PR: dilepas lewat .tayang/lepas-tahan/m2.yml (disetujui sesuai SOP): Dibatalkan. (dibatalkan lewat PR #14)');
  });

  it('tells a commit that belongs to a PR without being its merge from a direct push', () => {
    const pushed: CommitInput = { ...directPush('c1'), other: { number: 12, url: 'u', mergeCommit: 'm9' } };
    const text = renderGateText(judgeRange({ since: 'm0', until: 'c1' }, [pushed], SLUG), SLUG);
    expect(text).toContain('[MENAHAN] c1 PR #12: commit ini termasuk PR itu, tetapi bukan commit penggabungannya (PR itu digabung sebagai `m9`)');
  });
});

describe('the hold issue', () => {
  const held = judgeRange({ since: 'm0', until: 'm2' }, [approvedPull('m1'), directPush('m2')], SLUG);
  const nobody = holdMentions(null, new Date('2025-03-10T02:00:00Z'));

  it('marks the failing commits and reads the mark back', () => {
    expect(holdMarker(['b2', 'a1', 'b2'])).toBe('<!-- tayang:publikasi-ditahan a1 b2 -->');
    expect(markedShas(`${holdMarker(['a1', 'b2'])}\nteks`)).toEqual(['a1', 'b2']);
    expect(markedShas(`dikutip: ${holdMarker(['a1'])}`)).toBeUndefined();
  });

  it('is opened once for the same failing commits, again when another commit fails', () => {
    const plan = planHoldIssue(held, nobody, [], SLUG);
    expect(plan).toMatchObject({ action: 'create', title: 'Publikasi ditahan', labels: ['publikasi-ditahan'] });
    const body = plan.action === 'create' ? plan.body : '';
    expect(planHoldIssue(held, nobody, [{ number: 7, url: 'u7', body }], SLUG)).toEqual({ action: 'exists', number: 7, url: 'u7' });
    expect(planHoldIssue(held, nobody, [{ number: 8, url: 'u8', body: holdMarker(['m2', 'm9']) }], SLUG)).toMatchObject({ action: 'exists', number: 8 });
    const more = judgeRange({ since: 'm0', until: 'm3' }, [directPush('m2'), directPush('m3')], SLUG);
    expect(planHoldIssue(more, nobody, [{ number: 7, url: 'u7', body }], SLUG)).toMatchObject({ action: 'create' });
    expect(planHoldIssue(judgeRange({ since: 'm0', until: 'm1' }, [approvedPull('m1')], SLUG), nobody, [], SLUG)).toEqual({ action: 'none' });
  });

  it('names each failing commit with its PR or "tanpa PR" and why', () => {
    const body = renderHoldIssue(held, nobody, SLUG);
    expect(body.split('\n')[0]).toBe('<!-- tayang:publikasi-ditahan m2 -->');
    expect(body).toContain('- `m2` “Catatan persetujuan PR #12” — tanpa PR: didorong langsung ke main, tanpa PR; mengubah berkas di luar records/ (content/berita/x/index.md).');
    expect(body).not.toContain('`m1`');
  });
});

describe('whom the hold issue mentions', () => {
  const now = new Date('2025-03-10T02:00:00Z');

  it('the members of publikasi.admin and its stand-ins still in office', () => {
    const mentions = holdMentions(config('publikasi: { admin: admin-website }'), now);
    expect(mentions).toEqual({ source: 'admin', role: { id: 'admin-website', name: 'Admin Website' }, mentions: ['@sari', '@jenawi/web', '@tono'] });
    const body = renderHoldIssue(judgeRange({ since: 'm0', until: 'm2' }, [directPush('m2')], SLUG), mentions, SLUG);
    expect(body).toContain('Mohon ditindaklanjuti: @sari @jenawi/web @tono (peran Admin Website, `publikasi.admin`).');
  });

  it('without publikasi.admin, the first flow\'s penerima_laporan, and says so', () => {
    const mentions = holdMentions(config(''), now);
    expect(mentions).toMatchObject({ source: 'penerima_laporan', role: { id: 'ppid', flow: 'Publikasi' }, mentions: ['@budi'] });
    const body = renderHoldIssue(judgeRange({ since: 'm0', until: 'm2' }, [directPush('m2')], SLUG), mentions, SLUG);
    expect(body).toContain('@budi (peran PPID Pelaksana, penerima laporan alur "Publikasi"; `publikasi.admin` belum diisi');
  });

  it('nobody when neither is set, or the config cannot be read, and says why', () => {
    const bare = config('').alur.map((flow) => ({ ...flow, penerima_laporan: undefined }));
    const none = holdMentions({ ...config(''), alur: bare }, now);
    expect(none).toEqual({ source: 'none', mentions: [], reason: 'no_role' });
    const report = judgeRange({ since: 'm0', until: 'm2' }, [directPush('m2')], SLUG);
    expect(renderHoldIssue(report, none, SLUG)).toContain('Tidak ada yang disebut: `publikasi.admin` belum diisi');
    expect(renderHoldIssue(report, holdMentions(null, now), SLUG)).toContain('Tidak ada yang disebut: tayang.config.yml di main tidak bisa dibaca');
  });
});

describe('main\'s own line', () => {
  const facts = (sha: string, parents: string[]) => ({ sha, subject: sha, author: 'a', committer: 'a', verified: false, root: parents.length === 0, parents });

  it('follows first parents only: commits brought in by a merge commit are judged through it', () => {
    const commits = [facts('p1', ['m0']), facts('m1', ['m0', 'p1']), facts('m2', ['m1'])];
    expect(mainLine(commits, 'm2', 'm0').map((c) => c.sha)).toEqual(['m1', 'm2']);
  });

  it('judges every commit when the listing does not say their parents', () => {
    const commits = [{ ...facts('a', []), parents: undefined }, facts('b', ['a'])];
    expect(mainLine(commits, 'b', null).map((c) => c.sha)).toEqual(['a', 'b']);
  });
});
