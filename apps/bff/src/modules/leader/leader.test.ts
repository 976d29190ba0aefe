import { areas } from '@citygov/db/schema/org';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

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

  it('keeps a district leader inside their district', async () => {
    const [yunshan] = await app.db.select().from(areas).where(eq(areas.name, '云山区'));
    const leader = await app.as('linjiang.leader');
    expect((await failure(leader.leader.home({ areaId: yunshan?.id ?? 0 }))).code).toBe('FORBIDDEN');
    const own = await leader.leader.home({});
    expect(own.breadcrumb.map((b) => b.level)).toEqual(['district']);
    expect((await failure((await app.as('linjiang.collector')).leader.home({}))).code).toBe('FORBIDDEN');
  });
});
