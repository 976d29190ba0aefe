import { caseDepartments, caseEvents, cases } from '@citygov/db/schema/cases';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { departmentNamed, outcome, pointIn, SAMPLE_REPORT } from './case-test-helpers';

/**
 * Fires conflicting actions at the same cases at once. Exactly one action per case and
 * round may win; every case must end in one legal state with a timeline whose every
 * step starts where the previous one ended.
 */
const CASES = 20;
let app: TestApp;
let caseIds: number[];

beforeAll(async () => {
  app = await openTestApp();
  const here = await pointIn(app, '临江区');
  const acceptor = await app.as('linjiang.acceptor');
  const shiftLead = await app.as('linjiang.shift_lead');
  caseIds = [];
  for (let i = 0; i < CASES; i++) {
    const created = await acceptor.cases.report({ ...SAMPLE_REPORT, ...here, description: `并发测试案件 ${i}` });
    await acceptor.cases.act({ caseId: created.id, expectedVersion: 1, action: 'accept' });
    await shiftLead.cases.act({ caseId: created.id, expectedVersion: 2, action: 'file' });
    caseIds.push(created.id);
  }
});
afterAll(() => app?.close());

describe('conflicting actions at once', () => {
  it('lets exactly one of 220 racing actions win per case and round, leaving consistent timelines', async () => {
    const dept = await departmentNamed(app, '临江区市政管理所');
    const dispatchers = [await app.as('linjiang.dispatcher'), await app.as('dispatcher')];
    const round1 = caseIds.flatMap((caseId) =>
      Array.from({ length: 6 }, (_, i) =>
        outcome(
          (dispatchers[i % 2] ?? dispatchers[0])!.cases.act({
            caseId,
            expectedVersion: 3,
            action: 'dispatch',
            leadDepartmentId: dept.id,
          }),
        ).then((result) => ({ caseId, result })),
      ),
    );
    const first = await Promise.all(round1);

    const handler = await app.as('linjiang.dept_handler');
    const dispatcher = dispatchers[0]!;
    const round2 = caseIds.flatMap((caseId) =>
      [
        handler.cases.act({ caseId, expectedVersion: 4, action: 'takeUp' }),
        handler.cases.act({ caseId, expectedVersion: 4, action: 'takeUp' }),
        handler.cases.act({ caseId, expectedVersion: 4, action: 'requestReturn', reason: '非本部门职责' }),
        handler.cases.act({ caseId, expectedVersion: 4, action: 'requestReturn', reason: '请改派执法中队' }),
        handler.cases.act({ caseId, expectedVersion: 4, action: 'takeUp' }),
      ].map((call) => outcome(call).then((result) => ({ caseId, result }))),
    );
    // Supervision racing alongside never conflicts with the work and never moves the case.
    const reminders = caseIds.map((caseId) =>
      outcome(dispatcher.cases.act({ caseId, expectedVersion: 1, action: 'remind', reason: '请尽快签收' })),
    );
    const [second, reminded] = await Promise.all([Promise.all(round2), Promise.all(reminders)]);
    expect(first.length + second.length + reminded.length).toBeGreaterThanOrEqual(200);
    expect(reminded.every((r) => r === 'OK')).toBe(true);

    for (const results of [first, second]) {
      for (const caseId of caseIds) {
        const mine = results.filter((r) => r.caseId === caseId).map((r) => r.result);
        expect(
          mine.filter((r) => r === 'OK'),
          `case ${caseId}`,
        ).toHaveLength(1);
        expect(
          mine.filter((r) => r !== 'OK' && r !== 'CONFLICT'),
          `case ${caseId}`,
        ).toEqual([]);
      }
    }

    const rows = await app.db.select().from(cases).where(inArray(cases.id, caseIds));
    const events = await app.db
      .select()
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, caseIds))
      .orderBy(asc(caseEvents.id));
    for (const row of rows) {
      expect(['dispatched', 'handling']).toContain(row.status);
      expect(row.version).toBe(5);
      const all = events.filter((e) => e.caseId === row.id);
      expect(all.filter((e) => e.action === 'remind')).toHaveLength(1);
      const timeline = all.filter((e) => e.action !== 'remind');
      expect(timeline.map((e) => e.action).slice(0, 4)).toEqual(['report', 'accept', 'file', 'dispatch']);
      expect(timeline).toHaveLength(row.version);
      for (let i = 1; i < timeline.length; i++) expect(timeline[i]?.fromStatus).toBe(timeline[i - 1]?.toStatus);
      expect(timeline.at(-1)?.toStatus).toBe(row.status);
      const leads = await app.db.select().from(caseDepartments).where(eq(caseDepartments.caseId, row.id));
      expect(leads).toHaveLength(1);
    }
  });
});
