import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, pointIn, SAMPLE_REPORT } from './case-test-helpers';

// What the handler's phone reads: working on while a request waits, 返工/督办/催办 with
// reasons on the case and as notices, and a countdown that says which time it counts.

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

const act = (username: string, caseId: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
  actAs(app, username, caseId, action, extra);

async function handlingCase() {
  const reported = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
  await act('linjiang.acceptor', reported.id, 'accept');
  await act('linjiang.shift_lead', reported.id, 'file');
  const dept = await departmentNamed(app, '临江区市政管理所');
  await act('linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: dept.id });
  await act('linjiang.dept_handler', reported.id, 'takeUp');
  return reported;
}

describe("the handler's phone", () => {
  it('feeds back while an extension waits, which withdraws it; rework, urging and supervision show with reasons', async () => {
    const c = await handlingCase();
    await act('linjiang.dept_handler', c.id, 'requestExtension', {
      reason: '需等待材料',
      extension: { amount: 1, unit: 'working_days' },
    });
    const handler = await app.as('linjiang.dept_handler');
    const waiting = await handler.cases.byId({ id: c.id });
    expect(waiting.actions.find((a) => a.action === 'feedBack')).toMatchObject({ enabled: true });
    expect(waiting.actions.find((a) => a.action === 'requestHangUp')?.disabledReason).toBe(
      '案件有待审批的延期申请，审批后才能申请挂账',
    );
    await act('linjiang.dept_handler', c.id, 'feedBack', { reason: '已处理完毕' });
    const fed = await handler.cases.byId({ id: c.id });
    expect([fed.case.status, fed.case.pendingKind]).toEqual(['fed_back', null]);
    expect(fed.timeline.at(-1)?.detail).toMatchObject({ withdrawn: '延期申请' });

    await act('linjiang.shift_lead', c.id, 'rework', { reason: '现场仍有残留' });
    await act('linjiang.dispatcher', c.id, 'remind', { reason: '请今日完成' });
    await act('linjiang.dispatcher', c.id, 'supervise', { reason: '列入督办' });
    const detail = await handler.cases.byId({ id: c.id });
    expect(detail.attention.map((a) => [a.label, a.reason])).toEqual([
      ['返工', '现场仍有残留'],
      ['督办', '列入督办'],
      ['催办', '请今日完成'],
    ]);
    const list = await handler.cases.list({ queue: 'handling', pageSize: 100 });
    expect(list.rows.find((r) => r.id === c.id)?.attention.map((a) => a.kind)).toEqual([
      'rework',
      'supervise',
      'remind',
    ]);
    const notices = await handler.cases.notices();
    expect(notices.filter((n) => n.caseId === c.id).map((n) => [n.label, n.reason])).toEqual([
      ['督办', '列入督办'],
      ['催办', '请今日完成'],
      ['返工', '现场仍有残留'],
    ]);
    // Another district's handler hears nothing of it.
    const stranger = await app.as('yunshan.dept_handler');
    expect((await stranger.cases.notices()).map((n) => n.caseId)).not.toContain(c.id);
  });

  it("shows a leader's instruction (批示) to the handler until the case closes; only a leader may give one", async () => {
    const c = await handlingCase();
    await act('leader', c.id, 'instruct', { reason: '请三日内彻底整治并回复' });
    const handler = await app.as('linjiang.dept_handler');
    const detail = await handler.cases.byId({ id: c.id });
    expect(detail.attention.map((a) => [a.label, a.reason])).toEqual([['批示', '请三日内彻底整治并回复']]);
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'instruct', reason: '请三日内彻底整治并回复' });
    // The case keeps its state: an instruction does not move it.
    expect(detail.case.status).toBe('handling');
    const notices = await handler.cases.notices();
    expect(notices.filter((n) => n.caseId === c.id).map((n) => [n.label, n.reason])).toEqual([
      ['批示', '请三日内彻底整治并回复'],
    ]);
    // Feeding back does not answer an instruction the way it answers a rework.
    await act('linjiang.dept_handler', c.id, 'feedBack', { reason: '已整治' });
    expect((await handler.cases.byId({ id: c.id })).attention.map((a) => a.label)).toEqual(['批示']);

    const refused = await act('linjiang.dispatcher', c.id, 'instruct', { reason: '我来批示' }).catch((e) => e);
    expect(refused.code).toBe('FORBIDDEN');
    const empty = await act('leader', c.id, 'instruct', { reason: '' }).catch((e) => e);
    expect(empty.code).toBe('BAD_REQUEST');
  });

  it('says working time and the clock deadline, and a paused clock for a hung-up case', async () => {
    const c = await handlingCase();
    const handler = await app.as('linjiang.dept_handler');
    const running = await handler.cases.byId({ id: c.id });
    expect(running.clock?.deadlineAt).toEqual(running.case.stageDeadlineAt);
    if (running.clock?.workingTime) expect(running.clock.text).toMatch(/工作时间/);
    expect(running.clock?.text).not.toMatch(/天/);
    await act('linjiang.dept_handler', c.id, 'requestHangUp', { reason: '需列入改造计划' });
    await act('linjiang.shift_lead', c.id, 'approveHangUp');
    const hung = await handler.cases.byId({ id: c.id });
    expect(hung.clock?.paused).toBe(true);
    expect(hung.clock?.text).toMatch(/^已挂账，计时暂停（/);
  });
});
