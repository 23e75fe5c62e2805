import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../approval/types.ts';
import { laneUses, recordFollowUp } from './follow-up.ts';
import { recordMergedPull } from './record.ts';
import { mergedSnapshot, NEWS, testConfig } from './testing.ts';

// Friday 7 March 2025 (WIB, working hours 08:00–16:00, Monday to Friday): the Kepala Kantor
// publishes at once at 14:00. One working day of follow-up = 2 h on Friday + 6 h on Monday,
// so the normal stages are due on Monday 10 March 14:00 WIB (07:00Z).
const wib = (date: string, time: string) => `2025-03-${date}T${time}:00+07:00`;
const LANE = { login: 'kepala', state: 'APPROVED', at: wib('07', '14:00') };

function snapshotWith(reviews: { login: string; state: string; at: string }[]) {
  return SnapshotSchema.parse(mergedSnapshot({ author: 'penulis', opened: wib('07', '13:00'), merged: wib('07', '14:10'), files: [NEWS], labels: ['serta-merta'], reviews: [LANE, ...reviews], teams: { 'kantor/sekretariat': [] } }));
}

function firstRecord() {
  const result = recordMergedPull({ config: testConfig(), snapshot: snapshotWith([]), titles: new Map(), source: 'uji' });
  if (!result.ok || !result.value) throw new Error('no record');
  return result.value;
}

describe('the follow-up review of a serta-merta PR', () => {
  it('is due one working day after the lane approval, across the weekend', () => {
    expect(firstRecord().fast_lane).toEqual([{ flow: 'publikasi', approver: 'kepala', role: 'Kepala Kantor', at: wib('07', '14:00'), review_due: '2025-03-10T07:00:00.000Z' }]);
  });

  it('is in, on time, once both stages approved after the merge', () => {
    const snapshot = snapshotWith([
      { login: 'kasubbag-a', state: 'APPROVED', at: wib('10', '09:00') },
      { login: 'ketua-divisi', state: 'APPROVED', at: wib('10', '10:00') },
    ]);
    const followUp = recordFollowUp(testConfig(), snapshot, firstRecord());
    expect(followUp).toMatchObject({
      pr: 7,
      follows: '7.json',
      reviewed_at: wib('10', '10:00'),
      flows: [{ flow: 'publikasi', state: 'approved', reviewed_at: wib('10', '10:00'), review_due: '2025-03-10T07:00:00.000Z', late: false }],
    });
    expect(followUp!.stages.map((stage) => [stage.id, stage.state, stage.approvals.map((a) => [a.login, a.role.name])])).toEqual([
      ['verifikasi', 'approved', [['kasubbag-a', 'Kasubbag Teknis']]],
      ['pemeriksaan', 'approved', [['ketua-divisi', 'Ketua Divisi']]],
    ]);
  });

  it('is late when the last stage approved after the deadline', () => {
    const snapshot = snapshotWith([
      { login: 'kasubbag-a', state: 'APPROVED', at: wib('10', '09:00') },
      { login: 'ketua-divisi', state: 'APPROVED', at: wib('10', '14:01') },
    ]);
    expect(recordFollowUp(testConfig(), snapshot, firstRecord())?.flows[0]).toMatchObject({ state: 'approved', late: true, reviewed_at: wib('10', '14:01') });
  });

  it('is not in while a stage is still pending, and is returned by a request for changes', () => {
    const halfway = snapshotWith([{ login: 'kasubbag-a', state: 'APPROVED', at: wib('10', '09:00') }]);
    expect(recordFollowUp(testConfig(), halfway, firstRecord())).toBeNull();
    const returned = snapshotWith([{ login: 'kasubbag-a', state: 'CHANGES_REQUESTED', at: wib('10', '09:00') }]);
    expect(recordFollowUp(testConfig(), returned, firstRecord())?.flows[0]).toMatchObject({ state: 'changes_requested', late: false });
  });

  it('is never asked of a PR that did not use the lane', () => {
    const record = { ...firstRecord(), fast_lane: undefined };
    expect(recordFollowUp(testConfig(), snapshotWith([{ login: 'kasubbag-a', state: 'APPROVED', at: wib('10', '09:00') }]), record)).toBeNull();
  });
});

describe('laneUses', () => {
  it('lists every use, waiting ones overdue once the deadline passed', () => {
    const record = firstRecord();
    const before = laneUses([record], [], new Date(wib('10', '13:59')));
    expect(before).toEqual([expect.objectContaining({ pr: 7, items: ['content/berita/rapat-pleno'], state: 'waiting', reviewed_at: null, late: false })]);
    expect(laneUses([record], [], new Date(wib('10', '14:01')))[0]).toMatchObject({ state: 'waiting', late: true });
    const followUp = recordFollowUp(testConfig(), snapshotWith([{ login: 'kasubbag-a', state: 'APPROVED', at: wib('10', '09:00') }, { login: 'ketua-divisi', state: 'APPROVED', at: wib('11', '09:00') }]), record)!;
    expect(laneUses([record], [followUp], new Date(wib('20', '09:00')))[0]).toMatchObject({ state: 'approved', reviewed_at: wib('11', '09:00'), late: true });
  });
});
