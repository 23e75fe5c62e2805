import { describe, expect, it } from 'vitest';
import type { StageVerdict, Verdict } from '../approval/types.ts';
import { changeNoticesFor, labelsFor, planGithubActions, reviewersToRequest, reviewersToWithdraw, statusFor } from './approval.ts';

function stage(id: string, state: StageVerdict['state'], extra: Partial<StageVerdict> = {}): StageVerdict {
  return {
    id,
    flow: 'publikasi',
    name: `Tahap ${id}`,
    flow_name: 'Publikasi',
    roles: [{ id, name: id }],
    required: 1,
    state,
    approvers: [],
    approvals: [],
    started_at: state === 'waiting' ? null : '2025-03-03T01:00:00Z',
    passed_at: null,
    elapsed_minutes: 0,
    standard_minutes: null,
    standard_text: 'tentatif',
    overdue: false,
    reviewers: [],
    unknown_teams: [],
    changes_requested_by: [],
    outdated_change_requests: [],
    ignored: [],
    ...extra,
  } as StageVerdict;
}

function verdict(stages: StageVerdict[], extra: Partial<Verdict> = {}): Verdict {
  return {
    state: stages.every((s) => s.state === 'approved') ? 'approved' : stages.some((s) => s.state === 'changes_requested') ? 'changes_requested' : 'pending',
    flows: ['publikasi'],
    stages,
    messages: [],
    pull: { number: 1, author: 'penulis', draft: false, head_sha: 'abc1234', created_at: '2025-03-03T01:00:00Z' },
    files_by_flow: {},
    ungoverned_files: [],
    authors: ['penulis'],
    evaluated_at: '2025-03-03T02:00:00Z',
    time_zone: 'Asia/Jakarta',
    ...extra,
  } as Verdict;
}

describe('planning what GitHub should show', () => {
  it('asks the members of every stage whose turn it is, once each, ignoring case', () => {
    const v = verdict([
      stage('a', 'pending', { reviewers: ['Budi', 'sari'] }),
      stage('b', 'pending', { flow: 'sistem', reviewers: ['budi', 'tono'] }),
      stage('c', 'waiting', { reviewers: ['camat'] }),
    ]);
    expect(reviewersToRequest(v, ['TONO'])).toEqual(['Budi', 'sari']);
  });

  it('does not ask someone whose approval already counts for another stage', () => {
    const v = verdict([stage('a', 'approved', { approvers: ['sari'], reviewers: ['sari'] }), stage('b', 'pending', { reviewers: ['sari', 'camat'] })]);
    expect(reviewersToRequest(v, [])).toEqual(['camat']);
  });

  it('asks nobody while the PR is a draft or with the author', () => {
    expect(reviewersToRequest(verdict([stage('a', 'pending', { reviewers: ['sari'] })], { pull: { number: 1, author: 'p', draft: true, head_sha: 'x', created_at: '' } }), [])).toEqual([]);
    expect(reviewersToRequest(verdict([stage('a', 'changes_requested', { reviewers: ['sari'] }), stage('b', 'waiting')]), [])).toEqual([]);
  });

  it('withdraws requests of passed stages only when no open stage still needs that person', () => {
    const v = verdict([stage('a', 'approved', { reviewers: ['sari', 'budi'] }), stage('b', 'waiting', { reviewers: ['budi'] })]);
    expect(reviewersToWithdraw(v, ['sari', 'budi', 'humas'])).toEqual(['sari']);
  });

  it('keeps one "menunggu" label per open stage within GitHub\'s 50 characters', () => {
    const long = stage('a', 'pending', { name: 'Verifikasi dan konfirmasi fakta oleh Kepala Subbagian Teknis Penyelenggaraan' });
    const [label] = labelsFor(verdict([long]));
    expect(label).toHaveLength(50);
    expect(label!.startsWith('menunggu verifikasi dan konfirmasi')).toBe(true);
  });

  it('removes only stale Tayang labels', () => {
    const plan = planGithubActions(verdict([stage('a', 'approved')]), { state: 'passed', warnings: 0 }, { labels: ['menunggu tahap a', 'pemilu', 'draf'], requestedReviewers: [] });
    expect(plan.labels).toEqual({ add: ['disetujui'], remove: ['menunggu tahap a', 'draf'] });
  });

  it('maps verdicts to commit status states', () => {
    expect(statusFor(verdict([stage('a', 'approved')])).state).toBe('success');
    expect(statusFor(verdict([stage('a', 'pending')])).state).toBe('pending');
    expect(statusFor(verdict([stage('a', 'changes_requested')])).state).toBe('failure');
    expect(statusFor(verdict([stage('a', 'pending')], { ungoverned_files: ['x.txt'] })).state).toBe('failure');
  });

  it('tells the author when a reviewer gave no reason', () => {
    const v = verdict([stage('a', 'changes_requested', { changes_requested_by: [{ login: 'sari', submitted_at: '2025-03-03T02:00:00Z', body: '  ' }] })]);
    expect(changeNoticesFor(v)).toEqual([
      {
        marker: 'perbaikan-sari-2025-03-03T02:00:00Z',
        body: '@penulis, draf ini dikembalikan pada tahap **Tahap a** oleh sari:\n\n> (tanpa alasan tertulis; tanyakan langsung kepada peninjau)\n\nPerbaiki sesuai catatan itu lalu dorong commit baru ke cabang PR ini; tahap ini akan memeriksa lagi.',
      },
    ]);
  });
});
