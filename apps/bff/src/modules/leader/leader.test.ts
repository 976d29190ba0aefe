import { rowsOf } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, quickClosedCase, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe("the leader's tablet", () => {
  it('drills from the city to a district, a street and its cases', async () => {
    const here = await pointIn(app, '临江区');
    const { id } = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await actAs(app, 'linjiang.acceptor', id, 'accept');
    await actAs(app, 'linjiang.shift_lead', id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await actAs(app, 'linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: dept.id });
    await actAs(app, 'leader', id, 'orderSupervision', { reason: '尽快处置', replyHours: 24 });

    const leader = await app.as('leader');
    const city = await leader.leader.home({});
    expect(city.area.level).toBe('city');
    expect(city.kpis.open).toBeGreaterThanOrEqual(1);
    expect(city.orders.open).toBeGreaterThanOrEqual(1);
    const linjiang = city.parts.find((p) => p.name === '临江区');
    expect(linjiang?.open).toBeGreaterThanOrEqual(1);

    const district = await leader.leader.home({ areaId: linjiang?.id ?? 0 });
    expect(district.area.childLevel).toBe('street');
    expect(district.breadcrumb.map((b) => b.level)).toEqual(['city', 'district']);
    const street = district.parts.find((p) => p.open > 0);
    const list = await leader.leader.cases({ areaId: street?.id ?? 0, filter: 'supervised' });
    expect(list.rows.map((r) => r.id)).toContain(id);
  });

  it('lists a page of cards and says whether 加载更多 has more', async () => {
    const here = await pointIn(app, '临江区');
    const acceptor = await app.as('linjiang.acceptor');
    for (const n of [1, 2, 3])
      await acceptor.cases.report({ ...SAMPLE_REPORT, ...here, description: `占道堆物第${n}处` });
    const leader = await app.as('leader');
    const city = await leader.leader.home({});
    const district = await leader.leader.home({ areaId: city.parts.find((p) => p.name === '临江区')?.id ?? 0 });
    const street = district.parts.reduce((a, b) => (b.open > a.open ? b : a));
    expect(street.open).toBeGreaterThanOrEqual(3);

    const all = await leader.leader.cases({ areaId: street.id, filter: 'open', limit: street.open });
    expect(all.rows).toHaveLength(street.open);
    expect(all.more).toBe(false);
    const page = await leader.leader.cases({ areaId: street.id, filter: 'open', limit: street.open - 1 });
    expect(page.more).toBe(true);
    // The longer list starts with the shorter one: growing the page adds cards at the end.
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(0, street.open - 1).map((r) => r.id));
  });

  it("counts the area as its cases stand — 在办, 超期, 督办, this month's reports and closes — with the parts adding up to the whole", async () => {
    const leader = await app.as('leader');
    const before = await leader.leader.home({});
    const here = await pointIn(app, '临江区');
    const acceptor = await app.as('linjiang.acceptor');
    const { id: late } = await acceptor.cases.report({ ...SAMPLE_REPORT, ...here, description: '井盖缺失已超期' });
    // Its 受理 clock ran out an hour ago.
    await app.db
      .update(cases)
      .set({ stageDeadlineAt: new Date(Date.now() - 3_600_000) })
      .where(eq(cases.id, late));
    await quickClosedCase(app, { reporter: 'linjiang.acceptor', description: '垃圾满溢已清运' });

    const city = await leader.leader.home({});
    expect(city.kpis.reportedThisMonth - before.kpis.reportedThisMonth).toBe(2);
    expect(city.kpis.open - before.kpis.open).toBe(1);
    expect(city.kpis.overdue - before.kpis.overdue).toBe(1);
    expect(city.kpis.closedThisMonth - before.kpis.closedThisMonth).toBe(1);

    // The same as the cases say, counted the plain way.
    const [truth] = rowsOf<Record<string, number | string>>(
      await app.db.execute(sql`
        select count(*) filter (where status not in ('closed', 'voided', 'merged')) as open,
          count(*) filter (where status not in ('closed', 'voided', 'merged') and paused_at is null and stage_deadline_at < now()) as overdue,
          count(*) filter (where status not in ('closed', 'voided', 'merged') and supervised) as supervised,
          count(*) filter (where reported_at >= date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as reported,
          count(*) filter (where status = 'closed' and closed_at >= date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as closed
        from cases`),
    );
    expect(city.kpis).toEqual({
      open: Number(truth?.open),
      overdue: Number(truth?.overdue),
      supervised: Number(truth?.supervised),
      reportedThisMonth: Number(truth?.reported),
      closedThisMonth: Number(truth?.closed),
    });

    // The districts add up to the city, and a district's own page shows what its line on the city's did.
    const keys = ['open', 'overdue', 'supervised', 'reportedThisMonth', 'closedThisMonth'] as const;
    for (const key of keys) expect(city.parts.reduce((n, p) => n + p[key], 0)).toBe(city.kpis[key]);
    const linjiang = city.parts.find((p) => p.name === '临江区');
    const district = await leader.leader.home({ areaId: linjiang?.id ?? 0 });
    for (const key of keys) expect(district.kpis[key]).toBe(linjiang?.[key]);
    const overdue = await leader.leader.cases({ areaId: linjiang?.id ?? 0, filter: 'overdue', limit: 50 });
    expect(overdue.rows.map((r) => r.id)).toContain(late);
  });

  it('keeps a district leader inside their district', async () => {
    const [yunshan] = await app.db.select().from(areas).where(eq(areas.name, '云山区'));
    const leader = await app.as('linjiang.leader');
    expect((await failure(leader.leader.home({ areaId: yunshan?.id ?? 0 }))).code).toBe('FORBIDDEN');
    const own = await leader.leader.home({});
    expect(own.breadcrumb.map((b) => b.level)).toEqual(['district']);
    expect((await failure((await app.as('linjiang.collector')).leader.home({}))).code).toBe('FORBIDDEN');
  });
});
