import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../cases/case-states';
import { type CaseRecord, type TallyContext, type TimelineStep, tallyCases, tallyCasesWithFacts } from './case-facts';
import { indicatorSetProblem, SHIPPED_INDICATORS, shippedIndicatorsOf } from './indicators';
import { keepFacts, readKeptFacts } from './kept-facts';
import { periodOf, previousPeriods } from './periods';
import { gradeOf, scoreSubjects } from './scoring';
import type { SubjectKind } from './subjects';
import { timelineFacts } from './timeline-facts';

// Hand-made timelines. Times are hours after a fixed start; a deadline is given per step
// as "due at hour h" (late when the step happens after it).
const T0 = Date.UTC(2026, 10, 2, 1);
const at = (hour: number) => new Date(T0 + hour * 3_600_000);

function step(
  action: string,
  actorId: number | null,
  hour: number,
  toStatus: CaseStatus,
  dueHour?: number,
): TimelineStep {
  return { action, actorId, at: at(hour), toStatus, deadlineAt: dueHour === undefined ? null : at(dueHour) };
}

let nextId = 1;
function record(steps: TimelineStep[], over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: nextId++,
    source: 'collector',
    areaIds: { district: 10, street: 100, community: 1000, grid: 10000 },
    leadDepartmentId: null,
    status: steps.at(-1)?.toStatus ?? 'reported',
    stageDeadlineAt: null,
    paused: false,
    steps,
    ...over,
  };
}

const context: TallyContext = { areaLevel: 'district', collectorsCovering: () => [], asOf: at(1000) };

function evaluate(kind: SubjectKind, records: CaseRecord[], ctx: TallyContext = context) {
  const counters = tallyCases(kind, records, ctx);
  // The ranking reads facts kept in the database: kept and read back, they count the same.
  const kept = records.map((r) => ({
    ...r,
    facts: readKeptFacts(JSON.stringify(keepFacts(timelineFacts(r.source, r.steps)))),
  }));
  expect(kept.every((r) => r.facts !== null)).toBe(true);
  expect(
    tallyCasesWithFacts(
      kind,
      kept.map((r) => ({ ...r, facts: r.facts ?? timelineFacts(r.source, []) })),
      ctx,
    ),
  ).toEqual(counters);
  return { counters, scores: scoreSubjects(shippedIndicatorsOf(kind), counters) };
}

const C1 = 1; // collector 1
const C2 = 2;
const ACC = 11; // acceptor
const ACC2 = 12;
const SL = 21; // shift lead
const DP = 31; // dispatcher
const DP2 = 32;
const HANDLER = 41;

describe('the shipped indicator table', () => {
  it('gives every kind weights adding up to 100', () => {
    for (const kind of ['area', 'department', 'collector', 'acceptor', 'shift_lead', 'dispatcher'] as const) {
      expect(indicatorSetProblem(shippedIndicatorsOf(kind))).toBeNull();
    }
    expect(SHIPPED_INDICATORS).toHaveLength(22);
  });
  it('refuses a set whose weights do not add up', () => {
    const [first, ...rest] = shippedIndicatorsOf('collector');
    expect(indicatorSetProblem([{ ...first!, weight: 50 }, ...rest])).toBe('权重合计须为100%，当前为110%');
  });
});

describe('grades', () => {
  it('bands A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E', () => {
    expect([100, 90, 89.99, 75, 60, 59.9, 40, 39.99, 0].map(gradeOf)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'D',
      'D',
      'E',
      'E',
    ]);
  });
});

describe('监督员 = 有效上报率×40% + 漏报率分值×20% + 按时核实率×20% + 按时核查率×20%', () => {
  it('computes each indicator from the timelines', () => {
    // C1 reports 4 cases; one is voided at verification → 有效上报率 3/4 = 75.
    // C1's area also holds 1 public report (漏报): missed 1 / area cases 5 → score (1 − 0.2) × 100 = 80.
    // C1 verifies 2 cases, one late → 50; checks 1 on time → 100.
    // total = 75×0.4 + 80×0.2 + 50×0.2 + 100×0.2 = 30 + 16 + 10 + 20 = 76 → B.
    const cases = [
      record([step('report', C1, 0, 'reported'), step('accept', ACC, 1, 'accepted')]),
      record([
        step('report', C1, 0, 'reported'),
        step('requestVerify', ACC, 1, 'verifying'),
        step('submitVerification', C1, 3, 'voided', 2),
      ]),
      record([
        step('report', C1, 0, 'reported'),
        step('requestVerify', ACC, 1, 'verifying'),
        step('submitVerification', C1, 2, 'accepted', 2),
      ]),
      record([
        step('report', C1, 0, 'reported'),
        step('requestCheck', ACC, 5, 'checking'),
        step('submitCheck', C1, 6, 'fed_back', 8),
      ]),
      record([step('report', null, 0, 'reported')], { source: 'public' }),
    ];
    const { counters, scores } = evaluate('collector', cases, { ...context, collectorsCovering: () => [C1] });
    expect(counters.get(C1)?.get('missed')).toEqual([cases[4]?.id]);
    const [c1] = scores;
    expect(c1?.indicators.map((i) => i.score)).toEqual([75, 80, 50, 100]);
    expect(c1?.total).toBe(76);
    expect(c1?.grade).toBe('B');
  });
  it('leaves out an indicator with nothing to count and rescales the weights', () => {
    // C2 reports 2 valid cases and does nothing else: 有效上报率 100 (weight 40) is all there is → 100.
    const cases = [record([step('report', C2, 0, 'reported')]), record([step('report', C2, 0, 'reported')])];
    const [c2] = evaluate('collector', cases).scores;
    expect(c2?.indicators.map((i) => i.score)).toEqual([100, null, null, null]);
    expect(c2?.total).toBe(100);
  });
});

describe('受理员 = 受理数分值×25% + 核实按时派发率×40% + 核查按时派发率×35%', () => {
  it('scores the count against the busiest acceptor', () => {
    // ACC accepts 4, ACC2 2 → count scores 100 and 50.
    // ACC sends 2 verifications, 1 late → 50; sends 1 check on time → 100. 100×.25 + 50×.4 + 100×.35 = 80.
    // ACC2 sends 1 verification on time → 100; no checks. (50×25 + 100×40) / 65 = 80.77.
    const cases = [
      record([
        step('report', C1, 0, 'reported'),
        step('accept', ACC, 1, 'accepted'),
        step('requestVerify', ACC, 2, 'verifying', 3),
      ]),
      record([
        step('report', C1, 0, 'reported'),
        step('accept', ACC, 1, 'accepted'),
        step('requestVerify', ACC, 4, 'verifying', 3),
      ]),
      record([
        step('report', C1, 0, 'reported'),
        step('accept', ACC, 1, 'accepted'),
        step('requestCheck', ACC, 9, 'checking', 10),
      ]),
      record([step('report', C1, 0, 'reported'), step('accept', ACC, 1, 'accepted')]),
      record([
        step('report', C1, 0, 'reported'),
        step('accept', ACC2, 1, 'accepted'),
        step('requestVerify', ACC2, 2, 'verifying', 3),
      ]),
      record([step('report', C1, 0, 'reported'), step('accept', ACC2, 1, 'accepted')]),
    ];
    const scores = evaluate('acceptor', cases).scores;
    const acc = scores.find((s) => s.subject === ACC);
    const acc2 = scores.find((s) => s.subject === ACC2);
    expect(acc?.indicators.map((i) => i.score)).toEqual([100, 50, 100]);
    expect(acc?.total).toBe(80);
    expect(acc2?.indicators.map((i) => i.score)).toEqual([50, 100, null]);
    expect(acc2?.total).toBe(80.77);
    expect(acc2?.rank).toBe(1);
    expect(acc?.rank).toBe(2);
  });
});

describe('值班长 = 按时立案率×25% + 准确立案率×40% + 按时结案率×35%', () => {
  it('counts a filed case voided later against 准确立案', () => {
    // SL files 4 cases, 1 late → 75; one of the 4 is voided later → 准确立案 3/4 → 75;
    // closes 2, one late → 50. 75×.25 + 75×.4 + 50×.35 = 18.75 + 30 + 17.5 = 66.25 → C.
    const cases = [
      record([step('file', SL, 1, 'filed', 2), step('close', SL, 20, 'closed', 21)]),
      record([step('file', SL, 1, 'filed', 2), step('quickClose', SL, 30, 'closed', 21)]),
      record([step('file', SL, 3, 'filed', 2)]),
      record([step('file', SL, 1, 'filed', 2), step('approveVoid', SL, 5, 'voided')]),
    ];
    const [sl] = evaluate('shift_lead', cases).scores;
    expect(sl?.indicators.map((i) => i.score)).toEqual([75, 75, 50]);
    expect(sl?.total).toBe(66.25);
    expect(sl?.grade).toBe('C');
  });
});

describe('派遣员 = 派遣数分值×20% + 按时派遣率×40% + 准确派遣率×40%', () => {
  it('charges a rework to the dispatcher who sent the case', () => {
    // DP dispatches 2 (both on time), one comes back for 返工 → 准确派遣 1/2 = 50.
    // DP2 dispatches 1, late, no rework. Count scores: DP 100, DP2 50.
    // DP: 100×.2 + 100×.4 + 50×.4 = 80 (B); DP2: 50×.2 + 0×.4 + 100×.4 = 50 (D).
    // Automatic dispatch is nobody's work.
    const cases = [
      record([
        step('dispatch', DP, 1, 'dispatched', 2),
        step('feedBack', HANDLER, 5, 'fed_back'),
        step('rework', SL, 6, 'handling'),
      ]),
      record([step('dispatch', DP, 1, 'dispatched', 2)]),
      record([step('dispatch', DP2, 4, 'dispatched', 2)]),
      record([step('autoDispatch', null, 1, 'dispatched', 2)]),
    ];
    const scores = evaluate('dispatcher', cases).scores;
    expect(scores.map((s) => [s.subject, s.indicators.map((i) => i.score), s.total, s.grade])).toEqual([
      [DP, [100, 100, 50], 80, 'B'],
      [DP2, [50, 0, 100], 50, 'D'],
    ]);
  });
});

describe('区域: 结案率, 按期结案率, 返工率, 超期率, 监督举报率', () => {
  it('computes each from the cases of the area', () => {
    // District 10, 5 cases (4 by collectors, 1 public):
    //  a filed, closed on time            b filed, closed late
    //  c filed, hung up (缓办), open      d filed, reworked, closed on time
    //  e public, reported, open, past its deadline now
    // 应结案 4; 结案 3 → 75; 按期结案 2 / (4 − 1) → 66.67; 返工 1/4 → (1 − .25) = 75;
    // 超期: b (late close) and e (open past deadline) = 2/5 → 60; 监督举报 4/5 → 80.
    // total = 75×.3 + 66.67×.3 + 75×.15 + 60×.15 + 80×.1 = 22.5 + 20 + 11.25 + 9 + 8 = 70.75
    const cases = [
      record([step('report', C1, 0, 'reported'), step('file', SL, 1, 'filed'), step('close', SL, 9, 'closed', 10)]),
      record([step('report', C1, 0, 'reported'), step('file', SL, 1, 'filed'), step('close', SL, 11, 'closed', 10)]),
      record(
        [step('report', C1, 0, 'reported'), step('file', SL, 1, 'filed'), step('approveHangUp', SL, 5, 'hung_up')],
        {
          paused: true,
        },
      ),
      record([
        step('report', C1, 0, 'reported'),
        step('file', SL, 1, 'filed'),
        step('rework', SL, 5, 'handling'),
        step('close', SL, 9, 'closed', 10),
      ]),
      record([step('report', null, 0, 'reported')], { source: 'public', stageDeadlineAt: at(500) }),
    ];
    const [district] = evaluate('area', cases).scores;
    expect(district?.subject).toBe(10);
    expect(district?.indicators.map((i) => i.score)).toEqual([75, 66.67, 75, 60, 80]);
    expect(district?.total).toBe(70.75);
    expect(district?.grade).toBe('C');
  });
  it('ranks by the level asked for', () => {
    const cases = [
      record([step('report', C1, 0, 'reported')], { areaIds: { district: 10, street: 100, community: 1, grid: 1 } }),
      record([step('report', C1, 0, 'reported')], { areaIds: { district: 10, street: 101, community: 2, grid: 2 } }),
    ];
    const { counters } = evaluate('area', cases, { ...context, areaLevel: 'street' });
    expect([...counters.keys()].sort()).toEqual([100, 101]);
  });
});

describe('部门: 处置率, 按时处置率, 返工率, 超期处置数', () => {
  it('computes each for the lead department', () => {
    // Dept 7 gets 3 cases: one fed back on time, one fed back late then reworked, one still
    // handling past its deadline. 处置 2/3 → 66.67; 按时处置 1/3 → 33.33; 返工 1/3 → 66.67;
    // 超期处置数 2 (the late feedback, the open one) → step score 80.
    // total = 66.67×.3 + 33.33×.4 + 66.67×.2 + 80×.1 = 20 + 13.33 + 13.33 + 8 = 54.67 → D
    const dept = { leadDepartmentId: 7 };
    const cases = [
      record(
        [
          step('dispatch', DP, 1, 'dispatched'),
          step('takeUp', HANDLER, 2, 'handling', 3),
          step('feedBack', HANDLER, 4, 'fed_back', 9),
        ],
        dept,
      ),
      record(
        [
          step('dispatch', DP, 1, 'dispatched'),
          step('takeUp', HANDLER, 2, 'handling', 3),
          step('feedBack', HANDLER, 12, 'fed_back', 9),
          step('rework', SL, 13, 'handling'),
        ],
        dept,
      ),
      record([step('dispatch', DP, 1, 'dispatched'), step('takeUp', HANDLER, 2, 'handling', 3)], {
        ...dept,
        stageDeadlineAt: at(50),
      }),
    ];
    const [d] = evaluate('department', cases).scores;
    expect(d?.indicators.map((i) => [i.value, i.score])).toEqual([
      [0.6667, 66.67],
      [0.3333, 33.33],
      [0.3333, 66.67],
      [2, 80],
    ]);
    expect(d?.total).toBe(54.67);
    expect(d?.grade).toBe('D');
  });
});

describe('periods', () => {
  it('spans China local days, end exclusive', () => {
    const p = periodOf({ kind: 'month', year: 2026, month: 2 });
    expect([p.key, p.from, p.to]).toEqual(['2026-02', '2026-02-01', '2026-02-28']);
    expect(p.start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    const q = periodOf({ kind: 'quarter', year: 2026, quarter: 4 });
    expect([q.key, q.from, q.to]).toEqual(['2026-Q4', '2026-10-01', '2026-12-31']);
    expect(periodOf({ kind: 'year', year: 2026 }).to).toBe('2026-12-31');
    expect(() => periodOf({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' })).toThrow(RangeError);
  });
  it('lists the periods before for trends', () => {
    expect(previousPeriods({ kind: 'month', year: 2026, month: 2 }, 2)).toEqual([
      { kind: 'month', year: 2025, month: 12 },
      { kind: 'month', year: 2026, month: 1 },
    ]);
  });
});

describe('kept timeline facts', () => {
  const facts = timelineFacts('collector', [step('report', C1, 0, 'reported'), step('accept', ACC, 1, 'accepted', 2)]);

  it('read back as they were kept', () => {
    expect(readKeptFacts(keepFacts(facts))).toEqual(facts);
  });

  it('read as missing when kept under other rules or damaged, to be computed afresh', () => {
    const kept = keepFacts(facts);
    expect(readKeptFacts([kept[0] + 1, ...kept.slice(1)])).toBeNull();
    expect(readKeptFacts([kept[0], 0, [999], null, []])).toBeNull();
    expect(readKeptFacts('not json')).toBeNull();
    expect(readKeptFacts(null)).toBeNull();
  });
});
