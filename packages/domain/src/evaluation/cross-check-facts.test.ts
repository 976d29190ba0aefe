import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../cases/case-states';
import { type CaseRecord, type TallyContext, type TimelineStep, tallyCases } from './case-facts';
import { shippedIndicatorsOf } from './indicators';
import { scoreSubjects } from './scoring';

// 交叉抽查 verdicts on hand-made timelines: what they count and what they cost.
const T0 = Date.UTC(2026, 10, 2, 1);
const step = (action: string, hour: number, toStatus: CaseStatus): TimelineStep => ({
  action,
  actorId: 7,
  at: new Date(T0 + hour * 3_600_000),
  toStatus,
  deadlineAt: null,
});
const CLOSED = [
  step('report', 0, 'reported'),
  step('accept', 1, 'accepted'),
  step('file', 2, 'filed'),
  step('dispatch', 3, 'dispatched'),
  step('feedBack', 4, 'fed_back'),
  step('close', 5, 'closed'),
];
let nextId = 1;
const record = (extra: TimelineStep[], district: number, status: CaseStatus = 'closed'): CaseRecord => ({
  id: nextId++,
  source: 'collector',
  areaIds: { district, street: 100, community: 1000, grid: 10000 },
  leadDepartmentId: 50 + district,
  status,
  stageDeadlineAt: null,
  paused: false,
  steps: [...CLOSED, ...extra],
});
const context: TallyContext = { areaLevel: 'district', collectorsCovering: () => [], asOf: new Date(T0 + 1e9) };

describe('cross-check facts in the evaluation', () => {
  const records = [
    record([step('crossCheckPass', 10, 'closed')], 1),
    record([step('crossCheckFail', 10, 'closed')], 1),
    record([step('crossCheckRework', 10, 'handling')], 1, 'handling'),
    record([], 1),
    // District 2: the same closed cases and no samples.
    record([], 2),
    record([], 2),
    record([], 2),
    record([], 2),
  ];

  it('counts samples, unqualified ones and those deducted; 抽查返工 counts as a rework', () => {
    const counters = tallyCases('area', records, context);
    const d1 = counters.get(1);
    expect(d1?.get('sampled')).toHaveLength(3);
    expect(d1?.get('sampleFailed')).toHaveLength(2);
    expect(d1?.get('sampleDeducted')).toHaveLength(1);
    expect(d1?.get('reworked')).toHaveLength(1);
    expect(counters.get(2)?.get('sampled')).toBeUndefined();
    const dept = tallyCases('department', records, context).get(51);
    expect(dept?.get('sampleDeducted')).toHaveLength(1);
    expect(dept?.get('deptReworked')).toHaveLength(1);
  });

  it('takes the deduction off the weighted total, worked out by hand', () => {
    const counters = tallyCases('area', records, context);
    const scores = scoreSubjects(shippedIndicatorsOf('area'), counters, { counter: 'sampleDeducted', points: 2.5 });
    const d1 = scores.find((s) => s.subject === 1);
    const d2 = scores.find((s) => s.subject === 2);
    // District 2: all closed, on time, none reworked or overdue, all by collectors → 100.
    expect([d2?.total, d2?.deduction]).toEqual([100, 0]);
    // District 1: 结案率 4/4 = 100 (the reworked case closed once), 按期 100, 返工率 1/4 → 75,
    // 超期 0 → 100, 监督举报 100: (30·100 + 30·100 + 15·75 + 15·100 + 10·100)/100 = 96.25; − 2.5 = 93.75.
    expect(d1?.deduction).toBe(2.5);
    expect(d1?.total).toBe(93.75);
    expect(scores.map((s) => s.subject)).toEqual([2, 1]);
    // Without the deduction (e.g. positions): no points off.
    expect(scoreSubjects(shippedIndicatorsOf('area'), counters).find((s) => s.subject === 1)?.total).toBe(96.25);
  });
});
