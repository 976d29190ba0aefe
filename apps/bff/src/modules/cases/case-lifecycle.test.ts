import { caseDepartments, caseEvents, cases } from '@citygov/db/schema/cases';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, caseRowOf, departmentNamed, failure, pointIn, SAMPLE_REPORT } from './case-test-helpers';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

const act = (username: string, caseId: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
  actAs(app, username, caseId, action, extra);

const caseRow = (id: number) => caseRowOf(app, id);

describe('the whole chain', () => {
  it('report → accept → verify → file → dispatch → handle (with an extension) → check fails → rework → check → close', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const reported = await acceptor.cases.report({ ...SAMPLE_REPORT, ...here });
    expect(reported.caseNo).toMatch(/^\d{4}\d{8}$/);
    const fresh = await caseRow(reported.id);
    expect(fresh.status).toBe('reported');
    expect(fresh.stage).toBe('accept');
    expect(fresh.stageDeadlineAt?.getTime()).toBeGreaterThan(fresh.reportedAt.getTime());

    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.acceptor', reported.id, 'requestVerify');
    expect((await caseRow(reported.id)).assigneeId).toBe(await app.userId('linjiang.collector'));
    await act('linjiang.collector', reported.id, 'submitVerification', { confirmed: true, reason: '现场属实' });
    await act('linjiang.shift_lead', reported.id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await act('linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: dept.id });
    await act('linjiang.dept_handler', reported.id, 'takeUp');

    await act('linjiang.dept_handler', reported.id, 'requestExtension', {
      reason: '需要协调产权单位',
      extension: { amount: 2, unit: 'working_days' },
    });
    const beforeExtension = (await caseRow(reported.id)).stageDeadlineAt;
    await act('linjiang.dispatcher', reported.id, 'approveExtension');
    const afterExtension = await caseRow(reported.id);
    expect(afterExtension.pendingKind).toBeNull();
    expect(afterExtension.stageDeadlineAt?.getTime()).toBeGreaterThan(beforeExtension?.getTime() ?? 0);

    await act('linjiang.dept_handler', reported.id, 'feedBack', { reason: '已拆除棚屋' });
    await act('linjiang.acceptor', reported.id, 'requestCheck');
    await act('linjiang.collector', reported.id, 'submitCheck', { confirmed: false, reason: '仍有建材堆放' });
    await act('linjiang.shift_lead', reported.id, 'rework', { reason: '请清理剩余建材' });
    await act('linjiang.dept_handler', reported.id, 'feedBack', { reason: '建材已清运' });
    await act('linjiang.acceptor', reported.id, 'requestCheck');
    await act('linjiang.collector', reported.id, 'submitCheck', { confirmed: true, reason: '现场已恢复' });
    await act('linjiang.shift_lead', reported.id, 'close');

    const closed = await caseRow(reported.id);
    expect(closed.status).toBe('closed');
    expect(closed.stageDeadlineAt).toBeNull();
    expect(closed.closedAt).not.toBeNull();

    const detail = await (await app.as('linjiang.shift_lead')).cases.byId({ id: reported.id });
    expect(detail.timeline.map((e) => e.label)).toEqual([
      '上报',
      '受理',
      '派发核实',
      '提交核实',
      '立案',
      '派遣',
      '签收',
      '申请延期',
      '同意延期',
      '处置反馈',
      '派发核查',
      '提交核查',
      '返工',
      '处置反馈',
      '派发核查',
      '提交核查',
      '结案',
    ]);
    const rework = detail.timeline.find((e) => e.action === 'rework');
    expect(rework).toMatchObject({
      actorName: expect.any(String),
      fromStatus: 'fed_back',
      toStatus: 'handling',
      reason: '请清理剩余建材',
    });
    expect(detail.timeline.find((e) => e.action === 'dispatch')?.detail).toMatchObject({ lead: '临江区市政管理所' });
    expect(detail.actions.every((a) => !a.enabled)).toBe(true);
  });

  it('hang-up stops the clock and resume gives back the time that was left', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.shift_lead', reported.id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await act('linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: dept.id });
    await act('linjiang.dept_handler', reported.id, 'takeUp');
    await act('linjiang.dept_handler', reported.id, 'requestHangUp', { reason: '需列入年度改造计划' });
    await act('linjiang.shift_lead', reported.id, 'approveHangUp');
    const hung = await caseRow(reported.id);
    expect([hung.status, hung.hungUpFrom]).toEqual(['hung_up', 'handling']);
    expect(hung.pausedAt).not.toBeNull();
    const overdue = await (await app.as('linjiang.shift_lead')).cases.list({ queue: 'overdue' });
    expect(overdue.rows.map((r) => r.id)).not.toContain(reported.id);
    await act('linjiang.shift_lead', reported.id, 'resume');
    const resumed = await caseRow(reported.id);
    expect([resumed.status, resumed.pausedAt]).toEqual(['handling', null]);
    expect(resumed.stageDeadlineAt?.getTime()).toBeGreaterThanOrEqual(hung.stageDeadlineAt?.getTime() ?? 0);
  });

  it('a department return goes back to dispatch after approval and clears the departments', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.shift_lead', reported.id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await act('linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: dept.id });
    await act('linjiang.dept_handler', reported.id, 'requestReturn', { reason: '不属于市政职责，应由执法中队处理' });
    const blocked = await failure(act('linjiang.dept_handler', reported.id, 'takeUp'));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('待审批的回退申请');
    await act('linjiang.dispatcher', reported.id, 'approveReturn');
    const back = await caseRow(reported.id);
    expect([back.status, back.leadDepartmentId, back.stage]).toEqual(['filed', null, 'dispatch']);
    expect(await app.db.select().from(caseDepartments).where(eq(caseDepartments.caseId, reported.id))).toHaveLength(0);
  });
});

describe('bad input and refusals', () => {
  it('refuses a location outside the city and saves nothing', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const before = (await app.db.select().from(cases)).length;
    const error = await failure(acceptor.cases.report({ ...SAMPLE_REPORT, lng: 116.4, lat: 39.9 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('不在本市范围内');
    expect((await app.db.select().from(cases)).length).toBe(before);
  });

  it('refuses missing fields and wrong types with readable messages', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const short = await failure(acceptor.cases.report({ ...SAMPLE_REPORT, ...here, description: '坏' }));
    expect(short.message).toContain('问题描述至少 5 个字');
    const badCategory = await failure(acceptor.cases.report({ ...SAMPLE_REPORT, ...here, categoryCode: '99999' }));
    expect(badCategory.message).toContain('小类不存在');
  });

  it('refuses an action that needs a reason without one, and an action the state forbids', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    const noReason = await failure(act('linjiang.shift_lead', reported.id, 'refuseFiling', { reason: '  ' }));
    expect([noReason.code, noReason.message]).toEqual(['BAD_REQUEST', '请填写不予立案意见']);
    const tooEarly = await failure(act('linjiang.shift_lead', reported.id, 'file'));
    expect(tooEarly.code).toBe('CONFLICT');
    expect(tooEarly.message).toContain('不能立案');
    const events = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, reported.id));
    expect(events).toHaveLength(1);
  });

  it('tells the second of two dispatchers who acted first', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.shift_lead', reported.id, 'file');
    const version = (await caseRow(reported.id)).version;
    const dept = await departmentNamed(app, '临江区市政管理所');
    const first = await app.as('linjiang.dispatcher');
    const second = await app.as('dispatcher');
    await first.cases.act({
      caseId: reported.id,
      expectedVersion: version,
      action: 'dispatch',
      leadDepartmentId: dept.id,
    });
    const lost = await failure(
      second.cases.act({
        caseId: reported.id,
        expectedVersion: version,
        action: 'dispatch',
        leadDepartmentId: dept.id,
      }),
    );
    expect(lost.code).toBe('CONFLICT');
    expect(lost.message).toMatch(/已执行「派遣」.*请刷新/);
  });

  it('refuses dispatch to another district’s department', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.shift_lead', reported.id, 'file');
    const foreign = await departmentNamed(app, '云山区市政管理所');
    const error = await failure(act('linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: foreign.id }));
    expect(error.code).toBe('FORBIDDEN');
    expect((await caseRow(reported.id)).status).toBe('filed');
  });

  it('lets only the assigned collector submit a verification', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await act('linjiang.acceptor', reported.id, 'accept');
    await act('linjiang.acceptor', reported.id, 'requestVerify');
    const other = await app.as('yunshan.collector');
    const error = await failure(
      other.cases.act({
        caseId: reported.id,
        expectedVersion: 3,
        action: 'submitVerification',
        confirmed: true,
        reason: 'x',
      }),
    );
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(error.code);
  });
});

describe('queues', () => {
  it('counts each role’s to-do work within its scope', async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    const acceptorQueues = await (await app.as('linjiang.acceptor')).cases.queues();
    const toAccept = acceptorQueues.find((q) => q.key === 'toAccept');
    expect(toAccept?.count).toBeGreaterThanOrEqual(1);
    const list = await (await app.as('linjiang.acceptor')).cases.list({ queue: 'toAccept' });
    expect(list.rows.map((r) => r.id)).toContain(reported.id);
    const otherDistrict = await (await app.as('yunshan.acceptor')).cases.list({ queue: 'toAccept' });
    expect(otherDistrict.rows.map((r) => r.id)).not.toContain(reported.id);
    const timeline = await app.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, reported.id))
      .orderBy(asc(caseEvents.id));
    expect(timeline[0]?.action).toBe('report');
  });
});

describe('desk helpers', () => {
  it('keeps personal phrases per user and adds remarks to the timeline without moving the case', async () => {
    const lead = await app.as('linjiang.shift_lead');
    await lead.phrases.add({ text: '请按立案标准补充现场照片' });
    expect((await lead.phrases.list()).map((p) => p.text)).toContain('请按立案标准补充现场照片');
    expect(await (await app.as('yunshan.shift_lead')).phrases.list()).toEqual([]);

    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    await lead.cases.addRemark({ caseId: reported.id, text: '产权单位电话 0571-88000000' });
    const detail = await lead.cases.byId({ id: reported.id });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'remark', reason: '产权单位电话 0571-88000000' });
    expect(detail.case.version).toBe(1);
  });

  it('lets an admin mark a day off, and the next deadline honours it', async () => {
    const admin = await app.as('admin');
    const before = await admin.calendar.month({ year: 2026, month: 10 });
    expect(before.find((d) => d.day === '2026-10-10')).toMatchObject({ working: true, libraryWorking: true });
    expect(before.find((d) => d.day === '2026-10-03')?.working).toBe(false);
    await admin.calendar.setOverride({ day: '2026-10-09', working: false, note: '本地活动' });
    const after = await admin.calendar.month({ year: 2026, month: 10 });
    expect(after.find((d) => d.day === '2026-10-09')).toMatchObject({ working: false, libraryWorking: true });
    const refused = await failure(
      (await app.as('linjiang.acceptor')).calendar.setOverride({ day: '2026-10-12', working: false }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('retries from a phone on a weak connection', () => {
  it('returns the case already saved when the same report is sent again', async () => {
    const collector = await app.as('linjiang.collector');
    const input = { ...SAMPLE_REPORT, ...here, clientRequestId: 'phone-draft-0001-retry' };
    const first = await collector.cases.report(input);
    const retry = await collector.cases.report(input);
    expect(retry.id).toBe(first.id);
    expect(retry.caseNo).toBe(first.caseNo);
    const mine = await collector.cases.mine({ pageSize: 200 });
    expect(mine.rows.filter((r) => r.id === first.id)).toHaveLength(1);
    const other = await (await app.as('linjiang.street_chief')).cases.report(input);
    expect(other.id).not.toBe(first.id);
  });

  it("lists only the collector's own reports and tasks as theirs", async () => {
    const mine = await (await app.as('linjiang.collector')).cases.mine({ pageSize: 200 });
    const collectorId = await app.userId('linjiang.collector');
    const rows = await app.db.select().from(cases);
    const expected = rows.filter((r) => r.reportedBy === collectorId || r.assigneeId === collectorId).map((r) => r.id);
    expect(mine.rows.map((r) => r.id).sort()).toEqual(expected.sort());
  });
});

describe('dispatch and task helpers', () => {
  it("offers a district dispatcher their district's and the city's departments, never another district's", async () => {
    const targets = await (await app.as('linjiang.dispatcher')).cases.dispatchTargets();
    const names = targets.map((d) => d.name);
    expect(names).toContain('临江区市政管理所');
    expect(names).toContain('市环境卫生管理处');
    expect(names.some((n) => n.startsWith('云山区'))).toBe(false);
    expect(targets.some((d) => d.kind === 'command_centre')).toBe(false);
  });

  it("lists the grid's collectors for a verify task, the local one first", async () => {
    const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    const collectors = await (await app.as('linjiang.acceptor')).cases.collectorsFor({ caseId: reported.id });
    expect(collectors[0]?.id).toBe(await app.userId('linjiang.collector'));
  });
});
