import { cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { chinaDate, chinaDayNumber, chinaMinutesOfDay, weekdayOf } from '@citygov/domain/deadlines/china-time';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
let linjiang: Awaited<ReturnType<typeof pointIn>>;
const month = chinaDate(new Date()).slice(0, 7);
const scope = { from: month, to: month };

beforeAll(async () => {
  app = await openTestApp();
  linjiang = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

async function view(username: string, extra: Record<string, unknown> = {}) {
  return (await app.as(username)).analytics.view({ scope, ...extra });
}

describe('the analytics centre', () => {
  it('counts reports by category, time and place, finds the repeat point and drills down to the cases', async () => {
    const before = await view('linjiang.leader');
    const reporter = await app.as('linjiang.collector');
    const made = [];
    for (const text of [
      '统计测试：河边步道旁堆放装修垃圾',
      '统计测试：河边步道又有人倒垃圾',
      '统计测试：步道垃圾第三次出现',
    ]) {
      made.push(
        await reporter.cases.report({ ...SAMPLE_REPORT, ...linjiang, categoryCode: '05002', description: text }),
      );
    }
    const first = made[0];
    if (!first) throw new Error('no case');
    await actAs(app, 'linjiang.acceptor', first.id, 'accept');
    await actAs(app, 'linjiang.shift_lead', first.id, 'file');

    const after = await view('linjiang.leader');
    expect(after.area.name).toBe('临江区');
    expect(after.summary.reported - before.summary.reported).toBe(3);
    const category = after.categories.find((c) => c.key === 'event:05002');
    expect(category?.reported).toBeGreaterThanOrEqual(3);
    expect(after.weekHour.hours.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(after.grids.length).toBeGreaterThan(0);
    // The current month's trend ends today, not at the month's end.
    expect(after.days.days.at(-1)).toBe(chinaDate(new Date()));

    // Three reports of one category on one spot make a repeat point; raising the threshold hides it.
    const point = after.repeatPoints.find((p) => p.category === 'event:05002');
    expect(point?.count).toBeGreaterThanOrEqual(3);
    const stricter = await view('linjiang.leader', { repeat: { metres: 50, minCases: 1000 } });
    expect(stricter.repeatPoints).toEqual([]);

    // Drill-down: the chart item's cases.
    const leader = await app.as('linjiang.leader');
    const byCategory = await leader.analytics.cases({ scope, filter: { by: 'category', key: 'event:05002' } });
    expect(byCategory.rows.map((r) => r.caseNo)).toEqual(expect.arrayContaining(made.map((m) => m.caseNo)));
    const bySpot = await leader.analytics.cases({ scope, filter: { by: 'spot', key: point?.key ?? '' } });
    expect(bySpot.rows.map((r) => r.caseNo)).toEqual(expect.arrayContaining(made.map((m) => m.caseNo)));
    const cell = after.weekHour.cells.find(([, , n]) => n > 0);
    const byHour = await leader.analytics.cases({
      scope,
      filter: { by: 'weekHour', weekday: cell?.[0] ?? 0, hour: cell?.[1] ?? 0 },
    });
    expect(byHour.total).toBeGreaterThan(0);
  });

  it("keeps repeat points and drill-downs to the viewer's district, at the threshold's edge and the report's hour", async () => {
    const yunshan = await pointIn(app, '云山区');
    const report = async (username: string, place: typeof yunshan, text: string) =>
      (await app.as(username)).cases.report({ ...SAMPLE_REPORT, ...place, categoryCode: '05003', description: text });
    const ours: { caseNo: string }[] = [];
    const theirs: { caseNo: string }[] = [];
    for (const n of [1, 2, 3]) {
      ours.push(await report('linjiang.collector', linjiang, `范围测试：临江桥头第${n}次发现垃圾`));
      theirs.push(await report('yunshan.collector', yunshan, `范围测试：云山路口第${n}次发现垃圾`));
    }
    const city = await view('leader');
    const points = city.repeatPoints.filter((p) => p.category === 'event:05003');
    expect(points).toHaveLength(2);
    const district = await view('linjiang.leader');
    const own = district.repeatPoints.filter((p) => p.category === 'event:05003');
    expect(own).toHaveLength(1);
    const point = own[0];
    if (!point) throw new Error('no repeat point');
    expect(points.map((p) => p.key)).toContain(point.key);
    // A point is shown at exactly its count and hidden one above it.
    const atEdge = await view('linjiang.leader', { repeat: { metres: 50, minCases: point.count } });
    expect(atEdge.repeatPoints.map((p) => p.key)).toContain(point.key);
    const above = await view('linjiang.leader', { repeat: { metres: 50, minCases: point.count + 1 } });
    expect(above.repeatPoints.map((p) => p.key)).not.toContain(point.key);

    // Drill-downs: the district leader's cases of the category, the spot and the report's hour are
    // their district's only, newest first; the city leader's include the other district's.
    const leader = await app.as('linjiang.leader');
    const made = await app.db
      .select({ caseNo: cases.caseNo, reportedAt: cases.reportedAt })
      .from(cases)
      .where(
        inArray(
          cases.caseNo,
          [...ours, ...theirs].map((c) => c.caseNo),
        ),
      );
    const hourOf = (at: Date) => Math.floor(chinaMinutesOfDay(at) / 60);
    const weekdayOfCase = (at: Date) => weekdayOf(chinaDayNumber(at.getTime()));
    const firstAt = made.find((m) => m.caseNo === ours[0]?.caseNo)?.reportedAt ?? new Date();
    const hour = hourOf(firstAt);
    const weekday = weekdayOfCase(firstAt);
    // The cases a filter should find (all six were reported within a second or so, but maybe across an hour).
    const matching = (filter: { by: string }, nos: string[]) =>
      nos.filter((no) => {
        const at = made.find((m) => m.caseNo === no)?.reportedAt ?? new Date(0);
        if (filter.by === 'hour') return hourOf(at) === hour;
        if (filter.by === 'weekHour') return hourOf(at) === hour && weekdayOfCase(at) === weekday;
        return true;
      });
    const ourNos = ours.map((c) => c.caseNo);
    const theirNos = theirs.map((c) => c.caseNo);
    const cityLeader = await app.as('leader');
    for (const filter of [
      { by: 'category', key: 'event:05003' },
      { by: 'spot', key: point.key },
      { by: 'hour', hour },
      { by: 'weekHour', weekday, hour },
    ] as const) {
      const seen = await leader.analytics.cases({ scope, filter, pageSize: 50 });
      const nos = seen.rows.map((r) => r.caseNo);
      expect(nos, filter.by).toEqual(expect.arrayContaining(matching(filter, ourNos)));
      expect(
        nos.filter((no) => theirNos.includes(no)),
        filter.by,
      ).toEqual([]);
      const times = seen.rows.map((r) => new Date(r.reportedAt).getTime());
      expect(times, filter.by).toEqual([...times].sort((a, b) => b - a));
      const everywhere = await cityLeader.analytics.cases({ scope, filter, pageSize: 50 });
      const others = filter.by === 'spot' ? [] : matching(filter, theirNos);
      expect(everywhere.total, filter.by).toBeGreaterThanOrEqual(seen.total + others.length);
      if (everywhere.total <= 50) {
        expect(
          everywhere.rows.map((r) => r.caseNo),
          filter.by,
        ).toEqual(expect.arrayContaining([...matching(filter, ourNos), ...others]));
      }
    }
  });

  it('shows the city leader every district and keeps a district leader to their own', async () => {
    const city = await view('leader');
    expect(city.areas.map((a) => a.name)).toEqual(expect.arrayContaining(['临江区']));
    const [yunshan] = await app.db.select({ code: areas.code }).from(areas).where(eq(areas.name, '云山区'));
    const refused = await failure(view('linjiang.leader', { scope: { ...scope, area: yunshan?.code } }));
    expect(refused.code).toBe('FORBIDDEN');
    const noRight = await failure(view('linjiang.collector'));
    expect(noRight.code).toBe('FORBIDDEN');
  });

  it('refuses a bad period with a Chinese message', async () => {
    const backwards = await failure(view('leader', { scope: { from: '2026-12', to: '2026-01' } }));
    expect(backwards.message).toContain('开始月份不能晚于结束月份');
    const long = await failure(view('leader', { scope: { from: '2025-01', to: '2026-06' } }));
    expect(long.message).toContain('最长12个月');
  });

  it('applies the rising-trend thresholds', async () => {
    const loose = await view('leader', { trend: { momPercent: 0, yoyPercent: 0, minCases: 1 } });
    expect(loose.trends.categories.length).toBeGreaterThan(0);
    const strict = await view('leader', { trend: { momPercent: 1000, yoyPercent: 1000, minCases: 100_000 } });
    expect(strict.trends.categories).toEqual([]);
  });
});
