import { caseEvents, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, RecordingCookieJar, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
let linjiang: Awaited<ReturnType<typeof pointIn>>;
let yunshan: Awaited<ReturnType<typeof pointIn>>;

beforeAll(async () => {
  app = await openTestApp();
  linjiang = await pointIn(app, '临江区');
  yunshan = await pointIn(app, '云山区');
});
afterAll(() => app?.close());

async function areaCode(name: string) {
  const [row] = await app.db.select({ code: areas.code }).from(areas).where(eq(areas.name, name));
  if (!row) throw new Error(`no area ${name}`);
  return row.code;
}

async function wall(username: string, area?: string) {
  return (await app.as(username)).wall.view(area ? { area } : {});
}

async function report(username: string, here: typeof linjiang, description: string) {
  return (await app.as(username)).cases.report({ ...SAMPLE_REPORT, ...here, description });
}

describe('the wall rollup', () => {
  it('counts a small hand-made day per chain step, per scope, with the rates', async () => {
    const cityBefore = await wall('leader');
    const districtBefore = await wall('linjiang.leader');

    const a = await report('linjiang.collector', linjiang, '大屏测试一：人行道上堆放建筑垃圾');
    const b = await report('linjiang.collector', linjiang, '大屏测试二：路灯杆倾斜存在隐患');
    await report('linjiang.collector', linjiang, '大屏测试三：绿化带内有人私自种菜');
    await report('yunshan.collector', yunshan, '大屏测试四：小区门口占道经营');

    await actAs(app, 'linjiang.acceptor', a.id, 'accept');
    await actAs(app, 'linjiang.acceptor', b.id, 'accept');
    await actAs(app, 'linjiang.shift_lead', a.id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await actAs(app, 'linjiang.dispatcher', a.id, 'dispatch', { leadDepartmentId: dept.id });
    await actAs(app, 'linjiang.dept_handler', a.id, 'takeUp');
    await actAs(app, 'linjiang.dept_handler', a.id, 'feedBack', { reason: '已清运' });
    await actAs(app, 'linjiang.shift_lead', a.id, 'quickClose', { reason: '处置到位' });

    const city = await wall('leader');
    const district = await wall('linjiang.leader');
    const delta = (after: typeof city, before: typeof city, key: keyof typeof city.kpi) =>
      Number(after.kpi[key]) - Number(before.kpi[key]);

    expect(delta(city, cityBefore, 'reported')).toBe(4);
    expect(delta(district, districtBefore, 'reported')).toBe(3);
    expect(delta(district, districtBefore, 'accepted')).toBe(2);
    expect(delta(district, districtBefore, 'filed')).toBe(1);
    expect(delta(district, districtBefore, 'dispatched')).toBe(1);
    expect(delta(district, districtBefore, 'handled')).toBe(1);
    expect(delta(district, districtBefore, 'closed')).toBe(1);
    expect(delta(district, districtBefore, 'closed_on_time')).toBe(1);
    if (districtBefore.kpi.filed === 0) {
      expect(district.kpi.closeRate).toBe(100);
      expect(district.kpi.handleRate).toBe(100);
    }

    // The live list, the ranking, the categories and the departments see the same cases.
    expect(district.recent.map((r) => r.caseNo)).toEqual(expect.arrayContaining([a.caseNo, b.caseNo]));
    expect(district.recent.some((r) => r.address === '' || r.categoryName === '')).toBe(false);
    expect(city.ranking.map((r) => r.name)).toEqual(expect.arrayContaining(['临江区', '云山区']));
    expect(district.ranking.every((r) => r.name !== '临江区')).toBe(true);
    expect(district.departments.find((d) => d.name === '临江区市政管理所')?.handled).toBeGreaterThanOrEqual(1);
    expect(district.categories.length).toBeGreaterThan(0);
    expect(district.sources.find((s) => s.name === '监督员上报')?.count).toBeGreaterThanOrEqual(3);
    expect(district.map.points.length).toBeGreaterThanOrEqual(3);
    const today = chinaDate(new Date());
    expect(district.trend.days.at(-1)).toBe(today);
    expect(district.trend.series.reported.at(-1)).toBe(district.kpi.reported);
  });

  it("agrees with a recount of today's report events (the rollup counts each event once)", async () => {
    const district = await wall('linjiang.leader');
    const [linjiangArea] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
    const startOfDay = new Date(`${chinaDate(new Date())}T00:00:00+08:00`);
    const reports = await app.db
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(
        and(
          eq(caseEvents.action, 'report'),
          gte(caseEvents.at, startOfDay),
          eq(cases.districtId, linjiangArea?.id ?? 0),
        ),
      );
    expect(district.kpi.reported).toBe(reports.length);
    // A second full refresh with nothing new changes nothing.
    expect((await wall('linjiang.leader')).kpi).toEqual(district.kpi);
  });
});

describe('the wall scope', () => {
  it('maps today’s and open cases of its area only, by status, urgency and overdue', async () => {
    const mine = await (await app.as('linjiang.collector')).cases.report({
      ...SAMPLE_REPORT,
      ...linjiang,
      urgency: 'urgent',
      description: '大屏地图测试：井盖破损',
    });
    const theirs = await report('yunshan.collector', yunshan, '大屏地图测试：另一区的占道经营');
    // An older open case whose clock ran out: on the map although not reported today.
    const late = await report('linjiang.collector', linjiang, '大屏地图测试：超期未处置的垃圾');
    await app.db
      .update(cases)
      .set({ reportedAt: new Date(Date.now() - 3 * 86_400_000), stageDeadlineAt: new Date(Date.now() - 3_600_000) })
      .where(eq(cases.id, late.id));

    const district = await wall('linjiang.leader');
    const ids = district.map.points.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, late.id]));
    expect(ids).not.toContain(theirs.id);
    expect(district.map.points.find((p) => p.id === mine.id)).toMatchObject({
      status: 'reported',
      urgency: 'urgent',
      overdue: false,
    });
    expect(district.map.points.find((p) => p.id === late.id)?.overdue).toBe(true);
    expect(district.map.bounds).toHaveLength(4);
    const [w = 0, s = 0, e = 0, n = 0] = district.map.bounds ?? [];
    expect(linjiang.lng).toBeGreaterThanOrEqual(w);
    expect(linjiang.lng).toBeLessThanOrEqual(e);
    expect(linjiang.lat).toBeGreaterThanOrEqual(s);
    expect(linjiang.lat).toBeLessThanOrEqual(n);

    // The scope is the server's: a district's kiosk wall never gets another district's points.
    const jar = new RecordingCookieJar();
    await (await app.withCookies(jar)).auth.login({
      username: 'linjiang.shift_lead',
      password: DEMO_PASSWORD,
      kiosk: 'wall',
    });
    const kiosk = await app.withCookies(jar);
    const kioskIds = (await kiosk.wall.view({})).map.points.map((p) => p.id);
    expect(kioskIds).toContain(mine.id);
    expect(kioskIds).not.toContain(theirs.id);
    expect((await failure(kiosk.wall.view({ area: await areaCode('云山区') }))).code).toBe('FORBIDDEN');
    const city = (await wall('leader')).map.points.map((p) => p.id);
    expect(city).toEqual(expect.arrayContaining([mine.id, theirs.id, late.id]));
  });

  it("defaults to the viewer's area and lets the city see a district and a street", async () => {
    expect((await wall('linjiang.leader')).area.name).toBe('临江区');
    expect((await wall('leader')).area.level).toBe('city');
    const district = await wall('leader', await areaCode('临江区'));
    expect(district.area.name).toBe('临江区');
    const street = district.areaChoices.find((c) => c.level === 'street');
    expect(street).toBeDefined();
    const streetWall = await wall('leader', street?.code);
    expect(streetWall.area.level).toBe('street');
    expect(streetWall.ranking).toEqual([]);
  });

  it('lists the 督办 cases of its own area, the nearest deadline first', async () => {
    const first = await report('linjiang.collector', linjiang, '大屏督办一：井盖缺失');
    const second = await report('linjiang.collector', linjiang, '大屏督办二：井盖破损');
    const elsewhere = await report('yunshan.collector', yunshan, '大屏督办三：井盖下沉');
    await actAs(app, 'linjiang.shift_lead', first.id, 'supervise', { reason: '督办：今日完成' });
    await actAs(app, 'linjiang.shift_lead', second.id, 'supervise', { reason: '督办：今日完成' });
    await actAs(app, 'yunshan.shift_lead', elsewhere.id, 'supervise', { reason: '督办：今日完成' });
    const [street] = await app.db
      .select({ code: areas.code })
      .from(areas)
      .innerJoin(cases, eq(cases.streetId, areas.id))
      .where(eq(cases.id, first.id));
    for (const shown of [await wall('linjiang.leader'), await wall('leader', street?.code)]) {
      const watched = shown.watchList.filter((row) => row.supervised).map((row) => row.caseNo);
      expect(watched).toEqual(expect.arrayContaining([first.caseNo, second.caseNo]));
      expect(watched).not.toContain(elsewhere.caseNo);
      // Reported first, so its 受理 clock runs out first.
      expect(watched.indexOf(first.caseNo)).toBeLessThan(watched.indexOf(second.caseNo));
    }
    const yunshanWall = await wall('leader', await areaCode('云山区'));
    expect(yunshanWall.watchList.map((row) => row.caseNo)).toContain(elsewhere.caseNo);
    expect(yunshanWall.watchList.map((row) => row.caseNo)).not.toContain(first.caseNo);
  });

  it('refuses another district, a level below the street, a bad code and roles without the wall', async () => {
    expect((await failure(wall('linjiang.leader', await areaCode('云山区')))).code).toBe('FORBIDDEN');
    const [grid] = await app.db.select({ code: areas.code }).from(areas).where(eq(areas.code, linjiang.gridCode));
    expect((await failure(wall('leader', grid?.code))).code).toBe('FORBIDDEN');
    expect((await failure(wall('leader', '12ab'))).code).toBe('BAD_REQUEST');
    expect((await failure(wall('linjiang.collector'))).code).toBe('FORBIDDEN');
    expect((await failure(wall('linjiang.dept_handler'))).code).toBe('FORBIDDEN');
    expect((await wall('linjiang.dispatcher')).area.name).toBe('临江区');
  });

  it('pushes a change in its area to a district wall, and nothing from another district', async () => {
    const leader = await app.as('linjiang.leader');
    const heard: { caseNo: string; row: { address: string } | null }[] = [];
    // A caller gets tracked messages as [id, data] envelopes.
    const subscription = (await leader.wall.onChange({})) as AsyncIterable<
      [string, { caseNo: string; row: { address: string } | null }]
    >;
    const listening = (async () => {
      for await (const [, data] of subscription) {
        heard.push(data);
        if (heard.length >= 1) break;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await report('yunshan.collector', yunshan, '大屏推送测试：别区的案件不应推送');
    const mine = await report('linjiang.collector', linjiang, '大屏推送测试：本区新案件');
    await listening;
    expect(heard.map((h) => h.caseNo)).toEqual([mine.caseNo]);
    expect(heard[0]?.row?.address).toBeTruthy();
  });
});
