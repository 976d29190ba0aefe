import { cases } from '@citygov/db/schema/cases';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { departmentNamed, failure, pointIn } from '../cases/case-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

type Point = Awaited<ReturnType<typeof pointIn>>;

function report(username: string, at: Point, categoryCode: string, description: string, distinct = false) {
  return app.as(username).then((caller) =>
    caller.cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode,
      description,
      lng: at.lng,
      lat: at.lat,
      ...(distinct ? { confirmedDistinct: true } : {}),
    }),
  );
}

async function act(username: string, caseId: number, action: CaseAction, extra: Record<string, unknown> = {}) {
  const [row] = await app.db.select().from(cases).where(eq(cases.id, caseId));
  const caller = await app.as(username);
  return caller.cases.act({ caseId, expectedVersion: row?.version ?? 0, action, ...extra });
}

describe('the outcome for reporters of merged cases', () => {
  it("shows a merged report's reporter the lead's progress and closing, though the lead is outside their scope", async () => {
    const hubin = await pointIn(app, '湖滨区');
    const lead = await report('hubin.acceptor', hubin, '06010', '湖滨路菜场门口垃圾堆放多日无人清运');
    // A collector of 临江区 passing by reports the same problem: it joins the 湖滨区 case.
    const mine = await report('linjiang.collector', hubin, '06010', '湖滨路菜场门口堆了很多垃圾');
    expect(mine.mergedInto?.caseNo).toBe(lead.caseNo);
    const collector = await app.as('linjiang.collector');
    expect((await failure(collector.cases.byId({ id: lead.id }))).code).toBe('NOT_FOUND');

    const before = await collector.cases.byId({ id: mine.id });
    expect(before.case.status).toBe('merged');
    expect(before.mergedInto).toEqual({
      id: lead.id,
      caseNo: lead.caseNo,
      status: 'reported',
      statusName: '待受理',
      closedAt: null,
      closingReason: null,
    });
    const listed = (await collector.cases.mine({})).rows.find((r) => r.id === mine.id);
    expect(listed?.mergedInto).toEqual({ caseNo: lead.caseNo, status: 'reported', statusName: '待受理' });

    const dept = await departmentNamed(app, '湖滨区市政管理所');
    await act('hubin.acceptor', lead.id, 'accept');
    await act('hubin.shift_lead', lead.id, 'file');
    await act('hubin.dispatcher', lead.id, 'dispatch', { leadDepartmentId: dept.id });
    await act('hubin.dept_handler', lead.id, 'takeUp');
    await act('hubin.dept_handler', lead.id, 'feedBack', { reason: '垃圾已清运完毕' });
    await act('hubin.shift_lead', lead.id, 'quickClose', { reason: '照片核验，现场已清理' });

    const after = await collector.cases.byId({ id: mine.id });
    expect(after.mergedInto).toMatchObject({
      status: 'closed',
      statusName: '已结案',
      closingReason: '照片核验，现场已清理',
    });
    expect(after.mergedInto?.closedAt).toBeInstanceOf(Date);
    const relisted = (await collector.cases.mine({})).rows.find((r) => r.id === mine.id);
    expect(relisted?.mergedInto?.statusName).toBe('已结案');
    // The lead's own staff see the merged report, and who made it.
    const leadView = await (await app.as('hubin.shift_lead')).cases.byId({ id: lead.id });
    expect(leadView.mergedCases.map((m) => m.caseNo)).toEqual([mine.caseNo]);
  });
});

describe('merge refusals and links', () => {
  let here: Point;
  beforeAll(async () => {
    here = await pointIn(app, '临江区');
  });

  it('refuses to merge into a voided or merged case, or into itself', async () => {
    const voided = await report('linjiang.acceptor', here, '10001', '桥面结冰，车辆打滑');
    await act('linjiang.shift_lead', voided.id, 'refuseFiling', { reason: '已自行融化' });
    const target = await report('linjiang.acceptor', here, '10001', '桥面有积雪结冰', true);
    const intoVoided = await failure(act('linjiang.shift_lead', target.id, 'merge', { mergeIntoCaseId: voided.id }));
    expect([intoVoided.code, intoVoided.message]).toEqual([
      'BAD_REQUEST',
      `主案件 ${voided.caseNo} 已作废，不能作为并案主案件`,
    ]);

    const lead = await report('linjiang.acceptor', here, '10001', '桥面积雪结冰很滑', true);
    await act('linjiang.shift_lead', target.id, 'merge', { mergeIntoCaseId: lead.id });
    const other = await report('linjiang.acceptor', here, '10001', '桥上结冰，请撒盐', true);
    const intoMerged = await failure(act('linjiang.shift_lead', other.id, 'merge', { mergeIntoCaseId: target.id }));
    expect(intoMerged.message).toBe(`主案件 ${target.caseNo} 已并入其他案件，不能作为并案主案件`);
    const itself = await failure(act('linjiang.shift_lead', other.id, 'merge', { mergeIntoCaseId: other.id }));
    expect(itself.message).toBe('不能与自身并案');
    const none = await failure(act('linjiang.shift_lead', other.id, 'merge'));
    expect(none.message).toBe('请选择并入的主案件');

    // The detail page's preview checks the same before anything is sent.
    const shiftLead = await app.as('linjiang.shift_lead');
    const preview = await failure(shiftLead.duplicates.leadPreview({ caseId: other.id, caseNo: target.caseNo }));
    expect(preview.message).toBe(`主案件 ${target.caseNo} 已并入其他案件，不能作为并案主案件`);
    const missing = await failure(shiftLead.duplicates.leadPreview({ caseId: other.id, caseNo: '209900000001' }));
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', '未找到案件 209900000001，或不在您的管辖范围内']);
    const bad = await failure(shiftLead.duplicates.leadPreview({ caseId: other.id, caseNo: '12' }));
    expect(bad.message).toContain('主案件编号为 12 位数字');
  });

  it('previews the lead by number, and keeps links one hop when a lead is merged on', async () => {
    const b = await report('linjiang.acceptor', here, '04001', '古树名木树皮被剥', true);
    const a = await report('linjiang.acceptor', here, '04001', '古树被人剥了树皮', true);
    const c = await report('linjiang.acceptor', here, '04001', '古树名木受损，树皮脱落', true);
    const shiftLead = await app.as('linjiang.shift_lead');
    const preview = await shiftLead.duplicates.leadPreview({ caseId: b.id, caseNo: a.caseNo });
    expect(preview).toMatchObject({ id: a.id, caseNo: a.caseNo, categoryName: '古树名木异常', distanceM: 0 });

    await act('linjiang.shift_lead', b.id, 'merge', { mergeIntoCaseId: a.id });
    await act('linjiang.shift_lead', a.id, 'merge', { mergeIntoCaseId: c.id });
    const [movedB] = await app.db.select().from(cases).where(eq(cases.id, b.id));
    expect(movedB?.mergedIntoId).toBe(c.id);
    const detail = await shiftLead.cases.byId({ id: c.id });
    expect(detail.mergedCases.map((m) => m.caseNo).sort()).toEqual([a.caseNo, b.caseNo].sort());
    expect((await shiftLead.cases.byId({ id: b.id })).mergedInto?.caseNo).toBe(c.caseNo);
  });
});
