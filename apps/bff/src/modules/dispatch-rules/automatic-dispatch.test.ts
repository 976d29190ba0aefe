import { caseDepartments } from '@citygov/db/schema/cases';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { SYSTEM_ACTORS } from '../cases/case-actor';
import { caseRowOf, departmentNamed, pointIn } from '../cases/case-test-helpers';
import type { CaseChange } from '../events/case-feed';
import { areaNamed, ruleInput } from './dispatch-rule-test-helpers';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
let ruleId: number;
let leadId: number;
let assistId: number;
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
  leadId = (await departmentNamed(app, '临江区市政管理所')).id;
  assistId = (await departmentNamed(app, '临江区综合行政执法局')).id;
  const admin = await app.as('admin');
  const rule = await admin.dispatchRules.create(
    ruleInput({
      name: '临江施工扰民自动派遣',
      automatic: true,
      areaId: (await areaNamed(app, '临江区')).id,
      leadDepartmentId: leadId,
      assistingDepartmentIds: [assistId],
    }),
  );
  ruleId = rule.id;
});
afterAll(() => app?.close());

/** A 施工扰民 case reported, accepted and filed by the district's staff; returns what filing answered. */
async function reportAndFile(urgency: 'normal' | 'urgent' = 'normal') {
  const acceptor = await app.as('linjiang.acceptor');
  const reported = await acceptor.cases.report({
    source: 'hotline',
    kind: 'event',
    categoryCode: '08001',
    urgency,
    description: '工地夜间施工噪音扰民，居民多次投诉',
    // Each report is a case of its own: 智能判重 flags it instead of merging it into the last one.
    confirmedDistinct: true,
    ...here,
  });
  const accepted = await acceptor.cases.act({
    caseId: reported.id,
    expectedVersion: reported.version,
    action: 'accept',
  });
  const shiftLead = await app.as('linjiang.shift_lead');
  const filed = await shiftLead.cases.act({ caseId: reported.id, expectedVersion: accepted.version, action: 'file' });
  return { id: reported.id, filed };
}

const caseRow = (id: number) => caseRowOf(app, id);

async function setRule(data: { automatic?: boolean; enabled?: boolean }) {
  await (await app.as('admin')).dispatchRules.update({ id: ruleId, data });
}

/** Listens on the live feed (the event stream) while `run` runs, until a change with the given action arrives. */
async function feedDuring(run: () => Promise<unknown>, until: string): Promise<CaseChange[]> {
  const controller = new AbortController();
  const seen: CaseChange[] = [];
  const listening = (async () => {
    for await (const change of app.caseFeed.changes(controller.signal)) {
      seen.push(change);
      if (change.action === until) controller.abort();
    }
  })().catch(() => undefined);
  await run();
  const timeout = setTimeout(() => controller.abort(), 10_000);
  await listening;
  clearTimeout(timeout);
  return seen;
}

describe('自动派遣', () => {
  it('dispatches a just-filed case to the rule’s departments with no human step, naming the rule', async () => {
    const before = Date.now();
    let filedCase = { id: 0, filed: { status: '', version: 0 } };
    const changes = await feedDuring(async () => {
      filedCase = await reportAndFile();
    }, 'autoDispatch');
    const { id, filed } = filedCase;
    expect(filed.status).toBe('dispatched');

    const row = await caseRow(id);
    expect(row).toMatchObject({
      status: 'dispatched',
      leadDepartmentId: leadId,
      dispatchRuleId: ruleId,
      stage: 'handle',
      forced: false,
      version: filed.version,
    });
    expect(row.dispatchedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.stageStartedAt?.getTime()).toBe(row.dispatchedAt?.getTime());
    expect(row.stageDeadlineAt?.getTime()).toBeGreaterThan(row.stageStartedAt?.getTime() ?? Infinity);
    const departments = await app.db
      .select({ departmentId: caseDepartments.departmentId, role: caseDepartments.role })
      .from(caseDepartments)
      .where(eq(caseDepartments.caseId, id))
      .orderBy(asc(caseDepartments.role));
    expect(departments).toEqual([
      { departmentId: assistId, role: 'assist' },
      { departmentId: leadId, role: 'lead' },
    ]);

    const detail = await (await app.as('linjiang.shift_lead')).cases.byId({ id });
    expect(detail.timeline.map((e) => e.label)).toEqual(['上报', '受理', '立案', '自动派遣']);
    expect(detail.timeline.at(-1)).toMatchObject({
      action: 'autoDispatch',
      actorName: SYSTEM_ACTORS.automaticDispatch.name,
      fromStatus: 'filed',
      toStatus: 'dispatched',
      reason: '按派遣规则「临江施工扰民自动派遣」自动派遣',
      detail: {
        rule: '临江施工扰民自动派遣',
        ruleId,
        lead: '临江区市政管理所',
        assisting: ['临江区综合行政执法局'],
      },
    });

    // Open screens hear about the case as it finally stands, not the intermediate 已立案.
    const last = changes.filter((c) => c.caseId === id).at(-1);
    expect(last).toMatchObject({ status: 'dispatched', action: 'autoDispatch' });

    const handler = await app.as('linjiang.dept_handler');
    const toTakeUp = await handler.cases.list({ queue: 'toTakeUp', pageSize: 200 });
    expect(toTakeUp.rows.map((r) => r.id)).toContain(id);
    const dispatcher = await app.as('linjiang.dispatcher');
    const toDispatch = await dispatcher.cases.list({ queue: 'toDispatch', pageSize: 200 });
    expect(toDispatch.rows.map((r) => r.id)).not.toContain(id);
    await handler.cases.act({ caseId: id, expectedVersion: row.version, action: 'takeUp' });
    expect((await caseRow(id)).status).toBe('handling');
  });

  it('leaves the case to the dispatcher when the rule only suggests', async () => {
    await setRule({ automatic: false });
    const { id, filed } = await reportAndFile();
    expect(filed.status).toBe('filed');
    expect(await caseRow(id)).toMatchObject({ status: 'filed', leadDepartmentId: null, dispatchRuleId: null });
    const toDispatch = await (await app.as('linjiang.dispatcher')).cases.list({ queue: 'toDispatch', pageSize: 200 });
    expect(toDispatch.rows.map((r) => r.id)).toContain(id);
    await setRule({ automatic: true });
  });

  it('leaves the case to the dispatcher when the rule is disabled', async () => {
    await setRule({ enabled: false });
    const { id } = await reportAndFile();
    expect((await caseRow(id)).status).toBe('filed');
    await setRule({ enabled: true });
  });

  it('follows the rule that applies: a narrower suggestion-only rule keeps the case for the dispatcher', async () => {
    const admin = await app.as('admin');
    const urgentOnly = await admin.dispatchRules.create(
      ruleInput({
        name: '临江紧急施工扰民（人工）',
        urgency: 'urgent',
        areaId: (await areaNamed(app, '临江区')).id,
        leadDepartmentId: assistId,
      }),
    );
    expect((await caseRow((await reportAndFile('urgent')).id)).status).toBe('filed');
    expect((await caseRow((await reportAndFile('normal')).id)).status).toBe('dispatched');
    await admin.dispatchRules.remove({ id: urgentOnly.id });
  });
});
