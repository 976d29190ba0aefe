import { caseDepartments } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, caseRowOf, departmentNamed, failure, pointIn, SAMPLE_REPORT } from './case-test-helpers';

/**
 * 派遣 beyond the plain one: co-dispatch (主办 + 协办, each feeding back), 二级派遣 to a
 * sub-unit, 强制派遣 and the grid member (网格责任人), through the router as the desk calls it.
 */
let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
let municipal: number;
let sanitation: number;
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
  municipal = (await departmentNamed(app, '临江区市政管理所')).id;
  sanitation = (await departmentNamed(app, '临江区环卫所')).id;
});
afterAll(() => app?.close());

const act = (username: string, caseId: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
  actAs(app, username, caseId, action, extra);

const caseRow = (id: number) => caseRowOf(app, id);

/** A fresh case in 已立案, waiting for the dispatcher. */
async function filedCase(description = SAMPLE_REPORT.description) {
  // The same report again and again: say it is a distinct problem, so 智能判重 does not merge it.
  const reported = await (await app.as('linjiang.acceptor')).cases.report({
    ...SAMPLE_REPORT,
    description,
    ...here,
    confirmedDistinct: true,
  });
  await act('linjiang.acceptor', reported.id, 'accept');
  await act('linjiang.shift_lead', reported.id, 'file');
  return reported.id;
}

async function subUnitOf(parentId: number) {
  const [parent] = await app.db.select().from(departments).where(eq(departments.id, parentId));
  const [child] = await app.db
    .select()
    .from(departments)
    .where(and(like(departments.path, `${parent?.path}%`), eq(departments.parentId, parentId)));
  if (!child) throw new Error('no sub-unit');
  return child;
}

describe('co-dispatch (主办 + 协办)', () => {
  it('an assisting department reports with 协办反馈 and may not take the case up or feed back as lead', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', {
      leadDepartmentId: sanitation,
      assistingDepartmentIds: [municipal],
    });
    const handler = await app.as('linjiang.dept_handler');
    const detail = await handler.cases.byId({ id });
    const byAction = new Map(detail.actions.map((a) => [a.action, a]));
    expect(byAction.get('assistFeedBack')?.enabled).toBe(true);
    expect(byAction.get('takeUp')).toMatchObject({
      enabled: false,
      disabledReason: '贵部门为协办部门，请提交协办反馈',
    });
    expect(byAction.get('subDispatch')?.enabled).toBe(false);
    expect(byAction.get('requestReturn')?.enabled).toBe(false);

    const takeUp = await failure(act('linjiang.dept_handler', id, 'takeUp'));
    expect([takeUp.code, takeUp.message]).toEqual(['CONFLICT', '贵部门为协办部门，请提交协办反馈']);
    expect((await failure(act('linjiang.dept_handler', id, 'feedBack', { reason: '已处理' }))).code).toBe('CONFLICT');
    const noReason = await failure(act('linjiang.dept_handler', id, 'assistFeedBack'));
    expect(noReason.code).toBe('BAD_REQUEST');
    // Its queues: the case waits in 协办待反馈, not in 待签收 (which holds what it leads).
    const queue = async (key: string) =>
      (await handler.cases.list({ queue: key, pageSize: 200 })).rows.map((r) => r.id);
    expect(await queue('assistFeedback')).toContain(id);
    expect(await queue('toTakeUp')).not.toContain(id);

    const before = await caseRow(id);
    await act('linjiang.dept_handler', id, 'assistFeedBack', { reason: '已配合切断井盖周边电源' });
    const after = await caseRow(id);
    // An annotation: the case stays where it was, and so does its version.
    expect([after.status, after.version]).toEqual([before.status, before.version]);
    const [row] = await app.db
      .select()
      .from(caseDepartments)
      .where(and(eq(caseDepartments.caseId, id), eq(caseDepartments.departmentId, municipal)));
    expect(row).toMatchObject({ role: 'assist', feedback: '已配合切断井盖周边电源' });
    expect(row?.fedBackAt).toBeInstanceOf(Date);
    expect(row?.fedBackBy).toBe(await app.userId('linjiang.dept_handler'));

    expect(await queue('assistFeedback')).not.toContain(id);
    const seen = await (await app.as('linjiang.dispatcher')).cases.byId({ id });
    const assist = seen.departments.find((d) => d.id === municipal);
    expect(assist).toMatchObject({
      role: 'assist',
      feedback: '已配合切断井盖周边电源',
      fedBackByName: expect.any(String),
    });
    expect(seen.departments.find((d) => d.id === sanitation)).toMatchObject({ role: 'lead', feedback: null });
    expect(seen.timeline.at(-1)).toMatchObject({
      action: 'assistFeedBack',
      detail: { department: '临江区市政管理所' },
    });
  });

  it('the reverse: as lead the same handler takes up and feeds back, and may not send 协办反馈', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', {
      leadDepartmentId: municipal,
      assistingDepartmentIds: [sanitation],
    });
    const detail = await (await app.as('linjiang.dept_handler')).cases.byId({ id });
    expect(detail.actions.map((a) => a.action)).not.toContain('assistFeedBack');
    const refused = await failure(act('linjiang.dept_handler', id, 'assistFeedBack', { reason: '配合完成' }));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '只有协办部门可以提交协办反馈']);
    await act('linjiang.dept_handler', id, 'takeUp');
    await act('linjiang.dept_handler', id, 'feedBack', { reason: '已修复' });
    expect((await caseRow(id)).status).toBe('fed_back');
  });
});

describe('二级派遣 (sub-unit dispatch)', () => {
  it('passes the case to a sub-unit, back to 已派遣, with the deadline unchanged', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal });
    await act('linjiang.dept_handler', id, 'takeUp');
    const handling = await caseRow(id);
    const team = await subUnitOf(municipal);
    expect(team.name).toBe('第一养护班');

    const units = await (await app.as('linjiang.dept_handler')).cases.subUnits({ caseId: id });
    expect(units.map((u) => u.id)).toEqual([team.id]);

    await act('linjiang.dept_handler', id, 'subDispatch', { leadDepartmentId: team.id, reason: '请养护班处理' });
    const passed = await caseRow(id);
    expect(passed).toMatchObject({ status: 'dispatched', leadDepartmentId: team.id, stage: 'handle' });
    expect(passed.stageDeadlineAt?.getTime()).toBe(handling.stageDeadlineAt?.getTime());
    expect(passed.stageStartedAt?.getTime()).toBe(handling.stageStartedAt?.getTime());
    const rows = await app.db.select().from(caseDepartments).where(eq(caseDepartments.caseId, id));
    expect(rows.map((r) => [r.departmentId, r.role])).toEqual([[team.id, 'lead']]);

    // The department above the sub-unit still leads it: it takes it up again and sees it through.
    await act('linjiang.dept_handler', id, 'takeUp');
    expect((await caseRow(id)).stageDeadlineAt?.getTime()).toBe(handling.stageDeadlineAt?.getTime());
    const timeline = (await (await app.as('linjiang.dispatcher')).cases.byId({ id })).timeline;
    expect(timeline.find((e) => e.action === 'subDispatch')?.detail).toEqual({
      from: '临江区市政管理所',
      lead: '第一养护班',
    });
  });

  it('refuses a department that is not below the lead one, and a sub-unit of another district', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal });
    const sibling = await failure(act('linjiang.dept_handler', id, 'subDispatch', { leadDepartmentId: sanitation }));
    expect([sibling.code, sibling.message]).toEqual(['BAD_REQUEST', '只能派给临江区市政管理所的下级单位']);
    const otherTeam = await subUnitOf((await departmentNamed(app, '云山区市政管理所')).id);
    const foreign = await failure(act('linjiang.dept_handler', id, 'subDispatch', { leadDepartmentId: otherTeam.id }));
    expect(foreign.code).toBe('BAD_REQUEST');
    const itself = await failure(act('linjiang.dept_handler', id, 'subDispatch', { leadDepartmentId: municipal }));
    expect(itself.code).toBe('BAD_REQUEST');
    expect((await caseRow(id)).leadDepartmentId).toBe(municipal);
  });

  it('lists no sub-units to a caller outside the case, and refuses callers without case.handle', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal });
    expect((await failure((await app.as('yunshan.dept_handler')).cases.subUnits({ caseId: id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure((await app.as('linjiang.dispatcher')).cases.subUnits({ caseId: id }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe("a department's own queues", () => {
  it('待签收 and 处置中 hold what it or a sub-unit leads, newest first and counted as listed, not what it only assists', async () => {
    const own = await filedCase('路灯不亮第一处');
    await act('linjiang.dispatcher', own, 'dispatch', { leadDepartmentId: municipal });
    const passedOn = await filedCase('路灯不亮第二处');
    await act('linjiang.dispatcher', passedOn, 'dispatch', { leadDepartmentId: municipal });
    await act('linjiang.dept_handler', passedOn, 'takeUp');
    await act('linjiang.dept_handler', passedOn, 'subDispatch', {
      leadDepartmentId: (await subUnitOf(municipal)).id,
      reason: '请养护班处理',
    });
    const assisted = await filedCase('路灯不亮第三处');
    await act('linjiang.dispatcher', assisted, 'dispatch', {
      leadDepartmentId: sanitation,
      assistingDepartmentIds: [municipal],
    });

    const handler = await app.as('linjiang.dept_handler');
    const queue = (key: string) => handler.cases.list({ queue: key, pageSize: 200 });
    const counts = async () => new Map((await handler.cases.queues()).map((q) => [q.key, q.count]));
    const toTakeUp = await queue('toTakeUp');
    const ids = toTakeUp.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([own, passedOn]));
    expect(ids).not.toContain(assisted);
    // Newest first: the later report comes before the earlier one.
    expect(ids.indexOf(passedOn)).toBeLessThan(ids.indexOf(own));
    expect((await counts()).get('toTakeUp')).toBe(toTakeUp.total);
    expect((await queue('handling')).rows.map((r) => r.id)).not.toContain(own);

    await act('linjiang.dept_handler', own, 'takeUp');
    const handling = await queue('handling');
    expect(handling.rows.map((r) => r.id)).toContain(own);
    expect((await queue('toTakeUp')).rows.map((r) => r.id)).not.toContain(own);
    expect((await counts()).get('handling')).toBe(handling.total);
    // Another district's handler has none of them in any of its queues.
    const stranger = await app.as('yunshan.dept_handler');
    for (const key of ['toTakeUp', 'handling']) {
      const theirs = (await stranger.cases.list({ queue: key, pageSize: 200 })).rows.map((r) => r.id);
      expect(theirs.filter((id) => [own, passedOn, assisted].includes(id))).toEqual([]);
    }
  });
});

describe('强制派遣 (forced dispatch)', () => {
  it('needs a reason, overrides a pending return, restarts the clock and blocks a new return', async () => {
    const id = await filedCase();
    await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal });
    await act('linjiang.dept_handler', id, 'takeUp');
    await act('linjiang.dept_handler', id, 'requestReturn', { reason: '不属于本单位职责' });
    const pending = await caseRow(id);
    expect(pending.pendingKind).toBe('return');

    const noReason = await failure(act('linjiang.dispatcher', id, 'forceDispatch', { leadDepartmentId: municipal }));
    expect(noReason.code).toBe('BAD_REQUEST');
    await act('linjiang.dispatcher', id, 'forceDispatch', {
      leadDepartmentId: municipal,
      reason: '经协调，井盖属市政管理所养护范围',
    });
    const forced = await caseRow(id);
    expect(forced).toMatchObject({ status: 'dispatched', forced: true, pendingKind: null, pendingData: null });
    expect(forced.stageStartedAt?.getTime()).toBeGreaterThan(pending.stageStartedAt?.getTime() ?? 0);

    const detail = await (await app.as('linjiang.dept_handler')).cases.byId({ id });
    expect(detail.actions.find((a) => a.action === 'requestReturn')).toMatchObject({
      enabled: false,
      disabledReason: '该案件为强制派遣，不能申请回退',
    });
    await act('linjiang.dept_handler', id, 'takeUp');
    const refused = await failure(act('linjiang.dept_handler', id, 'requestReturn', { reason: '还是不归我们' }));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', '该案件为强制派遣，不能申请回退']);
  });

  it('a department cannot force a dispatch', async () => {
    const id = await filedCase();
    const handler = await app.as('linjiang.dept_handler');
    const refused = await failure(
      handler.cases.act({
        caseId: id,
        expectedVersion: (await caseRow(id)).version,
        action: 'forceDispatch',
        leadDepartmentId: municipal,
        reason: '自行派遣',
      }),
    );
    // Permission before the case: the handler learns nothing about it.
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', '没有「强制派遣」的权限']);
  });
});

describe('网格责任人 (grid member)', () => {
  it('names a street chief covering the grid, and refuses one who does not cover it', async () => {
    const id = await filedCase();
    const foreign = await failure(
      act('linjiang.dispatcher', id, 'dispatch', {
        leadDepartmentId: municipal,
        gridMemberId: await app.userId('yunshan.street_chief'),
      }),
    );
    expect([foreign.code, foreign.message]).toEqual(['BAD_REQUEST', '所选网格责任人不负责该网格']);
    const notMember = await failure(
      act('linjiang.dispatcher', id, 'dispatch', {
        leadDepartmentId: municipal,
        gridMemberId: await app.userId('linjiang.acceptor'),
      }),
    );
    expect(notMember.code).toBe('BAD_REQUEST');
    expect((await caseRow(id)).status).toBe('filed');

    const chief = await app.userId('linjiang.street_chief');
    await act('linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: municipal, gridMemberId: chief });
    expect((await caseRow(id)).gridMemberId).toBe(chief);
    const detail = await (await app.as('linjiang.dispatcher')).cases.byId({ id });
    expect(detail.gridMember).toMatchObject({ id: chief, role: 'street_chief' });
  });
});
