import { caseEvents, cases } from '@citygov/db/schema/cases';
import { supervisionOrders } from '@citygov/db/schema/supervision';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

async function dispatchedCase() {
  const here = await pointIn(app, '临江区');
  const { id } = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
  await actAs(app, 'linjiang.acceptor', id, 'accept');
  await actAs(app, 'linjiang.shift_lead', id, 'file');
  const dept = await departmentNamed(app, '临江区市政管理所');
  await actAs(app, 'linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: dept.id });
  return id;
}

describe('督办单 on a case', () => {
  it('is issued by a supervisor through the action table, answered by the department, both on the timeline', async () => {
    const id = await dispatchedCase();
    await actAs(app, 'supervisor', id, 'orderSupervision', { reason: '请于今日内清理完毕', replyHours: 24 });
    const [row] = await app.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.supervised).toBe(true);

    const handler = await app.as('linjiang.dept_handler');
    const open = await handler.supervision.orders({ filter: 'open' });
    const order = open.find((o) => o.caseId === id);
    expect(order?.state).toBe('awaiting');
    expect(order?.instruction).toBe('请于今日内清理完毕');

    await actAs(app, 'linjiang.dept_handler', id, 'replySupervision', { reason: '已安排人员今日处理' });
    const events = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id));
    expect(events.slice(-2).map((e) => e.label)).toEqual(['下达督办单', '回复督办']);
    expect(events.at(-1)?.detail).toMatchObject({ late: false });
    const all = await (await app.as('supervisor')).supervision.orders({ filter: 'all', caseId: id });
    expect(all[0]?.state).toBe('replied');
    expect(all[0]?.reply).toBe('已安排人员今日处理');

    const again = await failure(actAs(app, 'linjiang.dept_handler', id, 'replySupervision', { reason: '再次回复' }));
    expect(again.message).toContain('没有待回复的督办单');
  });

  it('shows an unanswered order past its time, and a late answer, as escalated', async () => {
    const id = await dispatchedCase();
    await actAs(app, 'leader', id, 'orderSupervision', { reason: '限期整改', replyHours: 4 });
    // Four hours pass without a reply.
    await app.db
      .update(supervisionOrders)
      .set({ replyDueAt: new Date(Date.now() - 60_000) })
      .where(eq(supervisionOrders.caseId, id));
    const leader = await app.as('leader');
    const escalated = await leader.supervision.orders({ filter: 'escalated' });
    expect(escalated.find((o) => o.caseId === id)?.state).toBe('escalated');

    await actAs(app, 'linjiang.dept_handler', id, 'replySupervision', { reason: '已整改' });
    const after = await leader.supervision.orders({ filter: 'escalated' });
    expect(after.find((o) => o.caseId === id)?.state).toBe('replied_late');
    const [last] = await app.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.id))
      .then((r) => r.slice(-1));
    expect(last?.detail).toMatchObject({ late: true });
  });

  it('refuses an order on a case not yet dispatched, and roles that may not supervise', async () => {
    const here = await pointIn(app, '临江区');
    const { id } = await (await app.as('linjiang.acceptor')).cases.report({ ...SAMPLE_REPORT, ...here });
    const early = await failure(actAs(app, 'supervisor', id, 'orderSupervision', { reason: '督办', replyHours: 4 }));
    expect(early.code).toBe('CONFLICT');
    const handler = await failure(
      actAs(app, 'linjiang.collector', await dispatchedCase(), 'orderSupervision', { reason: '督办', replyHours: 4 }),
    );
    expect(handler.code).toBe('FORBIDDEN');
  });
});

describe('督办单 to a department', () => {
  it('is issued in scope and answered by that department only', async () => {
    const dept = await departmentNamed(app, '临江区市政管理所');
    const order = await (await app.as('supervisor')).supervision.issueDepartmentOrder({
      departmentId: dept.id,
      instruction: '本月超期案件较多，请说明原因',
      replyHours: 48,
    });
    const other = await failure(
      (await app.as('yunshan.dept_handler')).supervision.replyDepartmentOrder({ id: order?.id ?? 0, reply: '收到' }),
    );
    expect(other.code).toBe('NOT_FOUND');
    const reply = await (await app.as('linjiang.dept_handler')).supervision.replyDepartmentOrder({
      id: order?.id ?? 0,
      reply: '人手不足，已增派两名人员',
    });
    expect(reply.late).toBe(false);
    const outside = await failure(
      (await app.as('yunshan.supervisor')).supervision.issueDepartmentOrder({
        departmentId: dept.id,
        instruction: '越权督办',
        replyHours: 4,
      }),
    );
    expect(outside.code).toBe('FORBIDDEN');
  });
});
