import { caseEvents, cases } from '@citygov/db/schema/cases';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { areas } from '@citygov/db/schema/org';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

/**
 * 派遣助手 on a real database: closed cases are walked through the whole chain, then
 * their dispatch and feedback times are moved back so the durations and punctuality are known.
 */
let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
let municipal: number;
let sanitation: number;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
  municipal = (await departmentNamed(app, '临江区市政管理所')).id;
  sanitation = (await departmentNamed(app, '临江区环卫所')).id;
});
afterAll(() => app?.close());

const act = (username: string, caseId: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
  actAs(app, username, caseId, action, extra);

async function filedCase(description: string, categoryCode = SAMPLE_REPORT.categoryCode) {
  const reported = await (await app.as('linjiang.acceptor')).cases.report({
    ...SAMPLE_REPORT,
    categoryCode,
    description,
    ...here,
    confirmedDistinct: true,
  });
  await act('linjiang.acceptor', reported.id, 'accept');
  await act('linjiang.shift_lead', reported.id, 'file');
  return reported.id;
}

/**
 * A case closed after `hours` from dispatch, by `lead`; its 处置反馈 came `feedbackAfterHours`
 * after the dispatch. The municipal handler acts for any lead department (the demo has no
 * sanitation handler), so the feedback is written on the timeline as the lead's.
 */
async function closedCase(description: string, lead: number, hours: number, feedbackAfterHours: number) {
  const id = await filedCase(description);
  await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal });
  await act('linjiang.dept_handler', id, 'takeUp');
  await act('linjiang.dept_handler', id, 'feedBack', { reason: '已拆除' });
  await act('linjiang.acceptor', id, 'requestCheck');
  await act('linjiang.collector', id, 'submitCheck', { confirmed: true, reason: '已恢复' });
  await act('linjiang.shift_lead', id, 'close');
  const [row] = await app.db.select().from(cases).where(eq(cases.id, id));
  const closedAt = row?.closedAt ?? new Date();
  const dispatchedAt = new Date(closedAt.getTime() - hours * HOUR);
  await app.db.update(cases).set({ dispatchedAt, leadDepartmentId: lead }).where(eq(cases.id, id));
  // The timeline is append-only; this fixture back-dates history on purpose, as the owner.
  await app.db.transaction(async (tx) => {
    await tx.execute(sql`alter table case_events disable trigger case_events_append_only`);
    await tx
      .update(caseEvents)
      .set({ at: new Date(dispatchedAt.getTime() + feedbackAfterHours * HOUR) })
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.action, 'feedBack')));
    await tx.execute(sql`alter table case_events enable trigger case_events_append_only`);
  });
  return id;
}

describe('派遣助手 (dispatch assistant)', () => {
  let quick: number;
  let slow: number;
  let otherCategory: number;
  let open: number;
  let asked: number;

  beforeAll(async () => {
    const [district] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
    await app.db.insert(dispatchRules).values({
      name: '临江区私搭乱建（测试）',
      priority: 100,
      kind: 'event',
      majorCode: '06',
      categoryCode: '06001',
      areaId: district?.id ?? null,
      leadDepartmentId: sanitation,
      assistingDepartmentIds: [municipal],
    });
    quick = await closedCase('柳岸新村8幢住户在院内用彩钢瓦搭建棚屋', sanitation, 5, 1);
    slow = await closedCase('柳岸新村3幢楼下有人用彩钢瓦违规搭建简易棚屋', municipal, 720, 719);
    otherCategory = await filedCase('柳岸新村沿街店面无证装修，彩钢瓦围挡占道', '06002');
    open = await filedCase('柳岸新村5幢院内彩钢瓦棚屋还在搭建');
    asked = await filedCase(SAMPLE_REPORT.description);
  });

  it('suggests the rule, lists the grid members and similar closed cases with who closed them and how fast', async () => {
    const help = await (await app.as('linjiang.dispatcher')).dispatchAssist.forCase({ caseId: asked });
    expect(help.rule).toMatchObject({
      name: '临江区私搭乱建（测试）',
      automatic: false,
      lead: { id: sanitation, name: '临江区环卫所' },
      assisting: [{ id: municipal, name: '临江区市政管理所' }],
    });

    // The street's five 街长制 accounts (管理/执法 街长 and 片长, 夜班街长) and its collector.
    const chiefs = await Promise.all(
      ['street_chief', 'enforce_chief', 'area_chief', 'enforce_area_chief', 'night_chief'].map((suffix) =>
        app.userId(`linjiang.${suffix}`),
      ),
    );
    const collector = await app.userId('linjiang.collector');
    expect(help.gridMembers.map((m) => [m.id, m.roleName])).toEqual([
      ...chiefs.map((id) => [id, '街长']),
      [collector, '监督员'],
    ]);
    expect(help.gridMembers[0]).toMatchObject({ phone: expect.any(String), areaName: expect.any(String) });

    const ids = help.similar.map((s) => s.caseId);
    expect(ids).toEqual(expect.arrayContaining([quick, slow]));
    expect(ids).not.toContain(otherCategory);
    expect(ids).not.toContain(open);
    expect(ids).not.toContain(asked);
    expect(help.similar.find((s) => s.caseId === quick)).toMatchObject({
      caseNo: expect.stringMatching(/^\d{12}$/),
      leadDepartmentName: '临江区环卫所',
      handleHours: 5,
      distanceM: 0,
    });
    expect(help.similar.find((s) => s.caseId === slow)).toMatchObject({
      leadDepartmentName: '临江区市政管理所',
      handleHours: 720,
    });

    expect(help.departments).toEqual([
      { departmentId: sanitation, name: '临江区环卫所', closed: 1, medianHours: 5, onTimeShare: 1, onTimeKnown: 1 },
      {
        departmentId: municipal,
        name: '临江区市政管理所',
        closed: 1,
        medianHours: 720,
        onTimeShare: 0,
        onTimeKnown: 1,
      },
    ]);
    expect(help.sample).toMatchObject({ days: 365, districtCases: 2 });
  });

  it('leaves out cases closed more than a year ago', async () => {
    const old = await closedCase('柳岸新村9幢住户用彩钢瓦搭建棚屋（去年）', sanitation, 2, 1);
    await app.db
      .update(cases)
      .set({ reportedAt: new Date(Date.now() - 400 * 24 * HOUR) })
      .where(eq(cases.id, old));
    const help = await (await app.as('linjiang.dispatcher')).dispatchAssist.forCase({ caseId: asked });
    expect(help.similar.map((s) => s.caseId)).not.toContain(old);
    expect(help.sample.districtCases).toBe(2);
  });

  it('respects the data scope and the permission', async () => {
    expect((await failure((await app.as('yunshan.dispatcher')).dispatchAssist.forCase({ caseId: asked }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure((await app.as('linjiang.dept_handler')).dispatchAssist.forCase({ caseId: asked }))).code,
    ).toBe('FORBIDDEN');
    // The city dispatcher sees the same district's history.
    const city = await (await app.as('dispatcher')).dispatchAssist.forCase({ caseId: asked });
    expect(city.departments.map((d) => d.departmentId)).toEqual([sanitation, municipal]);
  });
});
