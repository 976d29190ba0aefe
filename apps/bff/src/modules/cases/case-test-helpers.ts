import { cases } from '@citygov/db/schema/cases';
import { areas, departments } from '@citygov/db/schema/org';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, like } from 'drizzle-orm';
import type { TestApp } from '../../testing/test-app';

/** The outcome code of a call: OK, or the tRPC error code it failed with. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

export async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** A point in the first grid of a district's first street, where its street-level collector works. */
export async function pointIn(app: TestApp, districtName: string) {
  const [district] = await app.db.select().from(areas).where(eq(areas.name, districtName));
  const [grid] = await app.db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${district?.path}%`)))
    .orderBy(asc(areas.code))
    .limit(1);
  if (!grid) throw new Error(`no grid in ${districtName}`);
  return { lng: grid.centerLng ?? 0, lat: grid.centerLat ?? 0, gridCode: grid.code };
}

export async function departmentNamed(app: TestApp, name: string) {
  const [dept] = await app.db.select().from(departments).where(eq(departments.name, name));
  if (!dept) throw new Error(`no department ${name}`);
  return dept;
}

/**
 * A report the workflow tests file again and again at the same spot. Each is meant as a
 * case of its own, so it says so (confirmedDistinct): 智能判重 then only flags it for
 * the shift lead instead of merging it into the previous one.
 */
export const SAMPLE_REPORT = {
  confirmedDistinct: true,
  source: 'collector' as const,
  kind: 'event' as const,
  categoryCode: '06001',
  urgency: 'normal' as const,
  description: '柳岸新村12幢一楼住户在院内用彩钢瓦围出一间棚屋',
};

/** One workflow action as a demo account, at the case's current version (as the desk sends it). */
export async function actAs(
  app: TestApp,
  username: string,
  caseId: number,
  action: CaseAction,
  extra: Record<string, unknown> = {},
) {
  const caller = await app.as(username);
  const { case: current } = await caller.cases.byId({ id: caseId });
  return caller.cases.act({ caseId, expectedVersion: current.version, action, ...extra });
}

/**
 * A 临江区 case its collector (or `reporter`) reports, taken to 反馈: 受理, 立案, 派遣 to
 * 临江区市政管理所, 签收, 反馈 — waiting for 核查 or 结案.
 */
export async function fedBackCase(
  app: TestApp,
  report: { reporter?: string; description?: string } = {},
): Promise<number> {
  const reporter = await app.as(report.reporter ?? 'linjiang.collector');
  const { id } = await reporter.cases.report({
    ...SAMPLE_REPORT,
    ...(report.description ? { description: report.description } : {}),
    ...(await pointIn(app, '临江区')),
  });
  await actAs(app, 'linjiang.acceptor', id, 'accept');
  await actAs(app, 'linjiang.shift_lead', id, 'file');
  const dept = await departmentNamed(app, '临江区市政管理所');
  await actAs(app, 'linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: dept.id });
  await actAs(app, 'linjiang.dept_handler', id, 'takeUp');
  await actAs(app, 'linjiang.dept_handler', id, 'feedBack', { reason: '已处置' });
  return id;
}

/** The same case taken the short way to 结案 (快速结案). */
export async function quickClosedCase(
  app: TestApp,
  report: { reporter?: string; description?: string } = {},
): Promise<number> {
  const id = await fedBackCase(app, report);
  await actAs(app, 'linjiang.shift_lead', id, 'quickClose', { reason: '现场已恢复' });
  return id;
}

/** The case row as stored. */
export async function caseRowOf(app: TestApp, id: number) {
  const [row] = await app.db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new Error('case vanished');
  return row;
}
