import { auditLog } from '@citygov/db/schema/audit';
import { caseDepartments, cases } from '@citygov/db/schema/cases';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { departmentNamed, failure, pointIn, SAMPLE_REPORT } from './case-test-helpers';

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

/** Filed cases waiting in 待派遣, as the dispatcher's list shows them (id and version). */
async function filedCases(count: number) {
  const acceptor = await app.as('linjiang.acceptor');
  const shiftLead = await app.as('linjiang.shift_lead');
  const out: { caseId: number; expectedVersion: number; caseNo: string }[] = [];
  for (let i = 0; i < count; i++) {
    const reported = await acceptor.cases.report({
      ...SAMPLE_REPORT,
      description: `${SAMPLE_REPORT.description}（批量 ${i}）`,
      ...here,
      confirmedDistinct: true,
    });
    const accepted = await acceptor.cases.act({
      caseId: reported.id,
      expectedVersion: reported.version,
      action: 'accept',
    });
    const filed = await shiftLead.cases.act({ caseId: reported.id, expectedVersion: accepted.version, action: 'file' });
    out.push({ caseId: reported.id, expectedVersion: filed.version, caseNo: reported.caseNo });
  }
  return out;
}

async function rowsOf(ids: number[]) {
  return app.db.select().from(cases).where(inArray(cases.id, ids)).orderBy(cases.id);
}

describe('批量派遣 (batch dispatch)', () => {
  it('dispatches every selected case to the same departments in one go, with one audit row', async () => {
    const picked = await filedCases(3);
    const dispatcher = await app.as('linjiang.dispatcher');
    const result = await dispatcher.cases.batchDispatch({
      items: picked.map(({ caseId, expectedVersion }) => ({ caseId, expectedVersion })),
      leadDepartmentId: sanitation,
      assistingDepartmentIds: [municipal],
      reason: '同类问题集中处置',
    });
    expect(result).toEqual({ count: 3, caseNos: picked.map((p) => p.caseNo) });
    const ids = picked.map((p) => p.caseId);
    const rows = await rowsOf(ids);
    expect(rows.map((r) => [r.status, r.leadDepartmentId, r.stage])).toEqual(
      ids.map(() => ['dispatched', sanitation, 'handle']),
    );
    const departments = await app.db.select().from(caseDepartments).where(inArray(caseDepartments.caseId, ids));
    expect(departments).toHaveLength(6);
    const detail = await dispatcher.cases.byId({ id: ids[0] ?? 0 });
    expect(detail.timeline.at(-1)).toMatchObject({
      action: 'dispatch',
      reason: '同类问题集中处置',
      detail: { lead: '临江区环卫所', assisting: ['临江区市政管理所'] },
    });
    const [audit] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'cases.batchDispatch', outcome: 'ok' });
  });

  it('with one stale version dispatches none, and names that case and who acted first', async () => {
    const picked = await filedCases(3);
    const stale = picked[1];
    if (!stale) throw new Error('no case');
    // The city dispatcher sends one of them first: the version in the district list is now stale.
    await (await app.as('dispatcher')).cases.act({
      caseId: stale.caseId,
      expectedVersion: stale.expectedVersion,
      action: 'dispatch',
      leadDepartmentId: municipal,
    });
    const error = await failure(
      (await app.as('linjiang.dispatcher')).cases.batchDispatch({
        items: picked.map(({ caseId, expectedVersion }) => ({ caseId, expectedVersion })),
        leadDepartmentId: sanitation,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`案件 ${stale.caseNo}：`);
    expect(error.message).toContain('已执行「派遣」');
    expect(error.message).toContain('本批案件均未派遣');
    const rows = await rowsOf(picked.map((p) => p.caseId));
    expect(rows.map((r) => r.status)).toEqual(['filed', 'dispatched', 'filed']);
    expect(rows[0]?.version).toBe(picked[0]?.expectedVersion);
    expect(rows[1]?.leadDepartmentId).toBe(municipal);
    const firstDepartments = await app.db
      .select()
      .from(caseDepartments)
      .where(eq(caseDepartments.caseId, picked[0]?.caseId ?? 0));
    expect(firstDepartments).toEqual([]);
  });

  it('refuses cases outside the scope, duplicates, an empty or oversized batch, and callers without case.dispatch', async () => {
    const [mine] = await filedCases(1);
    if (!mine) throw new Error('no case');
    const item = { caseId: mine.caseId, expectedVersion: mine.expectedVersion };
    const foreign = await failure(
      (await app.as('yunshan.dispatcher')).cases.batchDispatch({
        items: [item],
        leadDepartmentId: (await departmentNamed(app, '云山区环卫所')).id,
      }),
    );
    expect([foreign.code, foreign.message]).toEqual(['NOT_FOUND', '有 1 件所选案件不存在或不在您的管辖范围内']);
    const dispatcher = await app.as('linjiang.dispatcher');
    const twice = await failure(dispatcher.cases.batchDispatch({ items: [item, item], leadDepartmentId: sanitation }));
    expect(twice.code).toBe('BAD_REQUEST');
    const empty = await failure(dispatcher.cases.batchDispatch({ items: [], leadDepartmentId: sanitation }));
    expect(empty.code).toBe('BAD_REQUEST');
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ caseId: i + 1, expectedVersion: 1 }));
    expect((await failure(dispatcher.cases.batchDispatch({ items: tooMany, leadDepartmentId: sanitation }))).code).toBe(
      'BAD_REQUEST',
    );
    const otherDistrict = await failure(
      dispatcher.cases.batchDispatch({
        items: [item],
        leadDepartmentId: (await departmentNamed(app, '云山区环卫所')).id,
      }),
    );
    expect(otherDistrict.code).toBe('FORBIDDEN');
    expect(otherDistrict.message).toContain(`案件 ${mine.caseNo}：不能派遣到其他辖区的部门`);
    const handler = await failure(
      (await app.as('linjiang.dept_handler')).cases.batchDispatch({ items: [item], leadDepartmentId: sanitation }),
    );
    expect(handler.code).toBe('FORBIDDEN');
    expect((await rowsOf([mine.caseId]))[0]?.status).toBe('filed');
  });
});
