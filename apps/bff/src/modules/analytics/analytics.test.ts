import { areas } from '@citygov/db/schema/org';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { eq } from 'drizzle-orm';
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
    expect(after.days.days).toContain(chinaDate(new Date()));

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
