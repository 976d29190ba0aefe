import { chinaDayNumber, weekdayOf } from '@citygov/domain/deadlines/china-time';
import { createWorkingCalendar } from '@citygov/domain/deadlines/working-calendar';
import { describe, expect, it } from 'vitest';
import { caseStateAt, planCaseLife, stepsUntil } from './case-life';
import { type GeneratedHistory, generateHistory, SOURCE_MIX } from './generate-history';
import { type HistoryContext, limitKey } from './history-context';
import { cumulative, dayWeight, HOUR_WEIGHTS, pickIndex, reportInstant, shareOfDayBefore } from './history-rhythm';

const NOW = Date.parse('2026-11-20T06:00:00Z');
const STAGES = ['accept', 'file', 'dispatch', 'handle', 'check', 'close'] as const;

/** A small city: two districts, a few grids and categories with the catalogue's kind of limits. */
function context(): HistoryContext {
  const categories = [
    { kind: 'event' as const, code: '06001', name: '违章搭建' },
    { kind: 'event' as const, code: '10001', name: '占道经营' },
    { kind: 'component' as const, code: '01001', name: '供水井盖' },
    ...Array.from({ length: 40 }, (_, i) => ({
      kind: 'event' as const,
      code: `2${String(i).padStart(4, '0')}`,
      name: `事件${i}`,
    })),
  ];
  const limits = new Map<string, { amount: number; unit: 'natural_hours' | 'working_hours' | 'working_days' }>();
  for (const c of categories)
    for (const urgency of ['normal', 'urgent'])
      for (const stage of STAGES)
        limits.set(
          limitKey(c.kind, c.code, urgency, stage),
          stage === 'handle' ? { amount: 2, unit: 'working_days' } : { amount: 2, unit: 'working_hours' },
        );
  const person = (id: number, name: string) => ({ id, name });
  const district = (base: number) => ({
    people: {
      acceptor: person(base + 1, '受理员'),
      shiftLead: person(base + 2, '值班长'),
      dispatcher: person(base + 3, '派遣员'),
      leader: person(base + 4, '领导'),
      collector: person(base + 5, '监督员'),
    },
    streetCollectors: new Map([[base + 10, person(base + 6, '街道监督员')]]),
    departments: [{ id: base + 7, name: '区城管局', handler: person(base + 8, '处置员') }],
  });
  return {
    grids: [1000, 2000].flatMap((d) =>
      Array.from({ length: 60 }, (_, g) => ({
        id: d + g,
        communityId: d + 500 + Math.floor(g / 3),
        streetId: d + 100 + Math.floor(g / 6),
        districtId: d,
        name: `网格${d + g}`,
        lng: 120,
        lat: 30,
      })),
    ),
    categories,
    limits,
    districts: new Map([
      [1000, district(1000)],
      [2000, district(2000)],
    ]),
    // Sample reports in every channel's voice for every category, as the real sample file has.
    samples: categories.flatMap((c) =>
      ['collector', 'citizen', 'hotline', 'camera', 'iot'].map((source) => ({
        text: `${c.name}（${source}）`,
        code: c.code,
        source,
        urgency: 'normal' as const,
      })),
    ),
  };
}

const calendar = createWorkingCalendar();
let cached: GeneratedHistory | undefined;
function history(): GeneratedHistory {
  cached ??= generateHistory(context(), { count: 6_000, nowMs: NOW, calendar, seed: 7 });
  return cached;
}

describe('demo history rhythm', () => {
  it('draws an index by cumulative shares', () => {
    const shares = cumulative([1, 2, 1]);
    expect([0, 0.24, 0.26, 0.74, 0.76, 0.999].map((u) => pickIndex(shares, u))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("puts today's reports before now and none of them on yesterday", () => {
    // 10:30 China time on a Friday: today's draws fall in hours begun, yesterday keeps its own.
    const now = Date.parse('2026-11-20T02:30:00Z');
    const today = chinaDayNumber(now);
    const hourShares = cumulative(HOUR_WEIGHTS);
    const share = shareOfDayBefore(hourShares, now);
    const tenOClock = HOUR_WEIGHTS.slice(0, 10).reduce((a, b) => a + b, 0);
    expect(share).toBeCloseTo(tenOClock + (HOUR_WEIGHTS[10] ?? 0) / 2, 10);
    const onlyToday = cumulative([0, 1]);
    for (let i = 0; i < 200; i++) {
      const at = reportInstant([today - 1, today], onlyToday, hourShares, now, 0.5, i / 200, 0.999);
      expect(chinaDayNumber(at)).toBe(today);
      expect(at).toBeLessThanOrEqual(now);
    }
  });

  it('makes weekends quieter than weekdays and the Spring Festival the quietest fortnight', () => {
    const monday = chinaDayNumber(Date.parse('2026-06-08T04:00:00Z'));
    expect(weekdayOf(monday)).toBe(1);
    expect(dayWeight(monday + 5, monday, 365)).toBeLessThan(dayWeight(monday, monday, 365) * 0.7);
    const festival = chinaDayNumber(Date.parse('2026-02-02T04:00:00Z'));
    expect(dayWeight(festival, festival, 365)).toBeLessThan(dayWeight(festival + 28, festival, 365) * 0.7);
  });

  it('reports follow the daily and hourly rhythm, over a year, never in the future', () => {
    const hours = new Array<number>(24).fill(0);
    let weekend = 0;
    const days = new Set<number>();
    for (const c of history().cases) {
      const at = Date.parse(c.reported_at);
      expect(at).toBeLessThanOrEqual(NOW);
      expect(NOW - at).toBeLessThan(366 * 86_400_000);
      const day = chinaDayNumber(at);
      days.add(day);
      if ([0, 6].includes(weekdayOf(day))) weekend++;
      const hour = new Date(at + 8 * 3_600_000).getUTCHours();
      hours[hour] = (hours[hour] ?? 0) + 1;
    }
    const n = history().cases.length;
    // Morning peak versus the small hours; the shares follow HOUR_WEIGHTS within a few points.
    expect(hours[10] ?? 0).toBeGreaterThan((hours[3] ?? 0) * 10);
    expect((hours[10] ?? 0) / n).toBeCloseTo(HOUR_WEIGHTS[10] ?? 0, 1);
    // 2 of 7 days are weekends, at about 60 % of a weekday's volume: well under 2/7 of the cases.
    expect(weekend / n).toBeLessThan(0.24);
    expect(weekend / n).toBeGreaterThan(0.14);
    expect(days.size).toBeGreaterThan(330);
  });
});

describe('demo history stages', () => {
  it('closes most cases and leaves a backlog in the handling stages, with voided, merged and hung-up ones', () => {
    const byStatus = new Map<string, number>();
    for (const c of history().cases) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    const share = (s: string) => (byStatus.get(s) ?? 0) / history().cases.length;
    expect(share('closed')).toBeGreaterThan(0.85);
    expect(share('closed')).toBeLessThan(0.95);
    expect(share('voided')).toBeGreaterThan(0.02);
    expect(share('merged')).toBeGreaterThan(0);
    expect(share('hung_up')).toBeGreaterThan(0);
    expect(share('handling')).toBeGreaterThan(0.005);
  });

  it('has some running clocks overdue, but not all, and extended and reworked cases', () => {
    const running = history().cases.filter((c) => c.stage_deadline_at !== null && c.paused_at === null);
    const overdue = running.filter((c) => Date.parse(c.stage_deadline_at ?? '') <= NOW);
    expect(running.length).toBeGreaterThan(20);
    expect(overdue.length / running.length).toBeGreaterThan(0.2);
    expect(overdue.length / running.length).toBeLessThan(0.95);
    const actions = new Set(history().events.map((e) => e.action));
    for (const a of ['rework', 'approveExtension', 'merge', 'mergeIn', 'approveHangUp', 'supervise', 'refuseFiling'])
      expect(actions).toContain(a);
  });

  it('uses every source, district and category', () => {
    const cases = history().cases;
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(SOURCE_MIX.map(([s]) => s)));
    expect(new Set(cases.map((c) => c.district_id))).toEqual(new Set([1000, 2000]));
    expect(new Set(cases.map((c) => c.category_code)).size).toBe(43);
  });

  it('writes a gap-free stream in time order whose last event per case matches the case', () => {
    const { cases, events } = history();
    const outOfOrder = events.filter((e, i) => e.seq !== i + 1 || (i > 0 && e.at < (events[i - 1]?.at ?? '')));
    expect(outOfOrder).toEqual([]);
    const last = new Map<number, string>();
    for (const e of events) if (e.action !== 'mergeIn') last.set(e.case_id, e.to_status);
    expect(cases.filter((c) => last.get(c.id) !== c.status)).toEqual([]);
  });

  it('numbers cases per year in time order and is the same on every run', () => {
    const again = generateHistory(context(), { count: 6_000, nowMs: NOW, calendar, seed: 7 });
    expect(again.cases[123]).toEqual(history().cases[123]);
    expect(again.events.length).toBe(history().events.length);
    const first = history().cases[0];
    expect(first?.case_no).toMatch(/^20\d{2}00000001$/);
  });

  it('follows the action table on every step (the planner would throw otherwise)', () => {
    let rand = 0.5;
    const random = () => {
      rand = ((rand * 9301 + 49297) % 233280) / 233280;
      return rand;
    };
    for (let i = 0; i < 500; i++) {
      const life = planCaseLife(random, {
        reportedAt: NOW - 40 * 86_400_000,
        stageLimitMs: () => 3_600_000,
        mergeIntoLead: false,
      });
      const state = caseStateAt(stepsUntil(life, NOW));
      expect(['closed', 'voided', 'hung_up']).toContain(state.status);
    }
  });
});
