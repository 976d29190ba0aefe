import { auditLog } from '@citygov/db/schema/audit';
import { evaluationCaseFacts, evaluationResults } from '@citygov/db/schema/supervision';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { consumerPosition, streamHead } from '../events/api';
import { catchUpStaleFacts, EVALUATION_FACTS_CONSUMER, startStaleFactsAtHead } from './stale-facts';

let app: TestApp;
const [year, month] = chinaDate(new Date()).split('-').map(Number) as [number, number];
const thisMonth = { kind: 'month' as const, year, month };

beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

/** A case of 临江区 taken through the chain as far as `until` says. */
async function caseThrough(until: 'reported' | 'voided' | 'dispatched' | 'closed') {
  const collector = await app.as('linjiang.collector');
  const here = await pointIn(app, '临江区');
  const { id } = await collector.cases.report({ ...SAMPLE_REPORT, ...here });
  if (until === 'reported') return id;
  await actAs(app, 'linjiang.acceptor', id, 'accept');
  await actAs(app, 'linjiang.acceptor', id, 'requestVerify');
  if (until === 'voided') {
    await actAs(app, 'linjiang.collector', id, 'submitVerification', { confirmed: false, reason: '现场未发现' });
    return id;
  }
  await actAs(app, 'linjiang.collector', id, 'submitVerification', { confirmed: true, reason: '属实' });
  await actAs(app, 'linjiang.shift_lead', id, 'file');
  const dept = await departmentNamed(app, '临江区市政管理所');
  await actAs(app, 'linjiang.dispatcher', id, 'dispatch', { leadDepartmentId: dept.id });
  if (until === 'dispatched') return id;
  await actAs(app, 'linjiang.dept_handler', id, 'takeUp');
  await actAs(app, 'linjiang.dept_handler', id, 'feedBack', { reason: '已处置' });
  await actAs(app, 'linjiang.acceptor', id, 'requestCheck');
  await actAs(app, 'linjiang.collector', id, 'submitCheck', { confirmed: true, reason: '已恢复' });
  await actAs(app, 'linjiang.shift_lead', id, 'close');
  return id;
}

describe('综合评价 from the case timelines', () => {
  let closed: number;
  let voided: number;
  let open: number;
  beforeAll(async () => {
    closed = await caseThrough('closed');
    voided = await caseThrough('voided');
    open = await caseThrough('dispatched');
  });

  it('ranks the district and grades it from what happened', async () => {
    const supervisor = await app.as('supervisor');
    const view = await supervisor.evaluation.view({ period: thisMonth, subjectKind: 'area', areaLevel: 'district' });
    expect(view.published).toBeNull();
    const linjiang = view.rows.find((r) => r.name === '临江区');
    // 应结案 = the 2 filed cases (the voided one never was); 结案 1 → 50 %; 监督举报 3/3.
    expect(linjiang?.counts.shouldClose).toBe(2);
    expect(linjiang?.counts.areaClosed).toBe(1);
    expect(linjiang?.indicators.find((i) => i.key === 'closeRate')?.score).toBe(50);
    expect(linjiang?.indicators.find((i) => i.key === 'supervisionReportRate')?.score).toBe(100);
    expect(['A', 'B', 'C', 'D', 'E']).toContain(linjiang?.grade);
  });

  it('ranks the collector on valid reports and opens the cases behind the number', async () => {
    const supervisor = await app.as('supervisor');
    const view = await supervisor.evaluation.view({ period: thisMonth, subjectKind: 'collector' });
    const collectorId = await app.userId('linjiang.collector');
    const row = view.rows.find((r) => r.subject === collectorId);
    expect(row?.counts.reported).toBe(3);
    expect(row?.counts.reportedValid).toBe(2);
    const drill = await supervisor.evaluation.cases({
      period: thisMonth,
      subjectKind: 'collector',
      subject: collectorId,
      counter: 'reported',
    });
    expect(drill.rows.map((r) => r.id).sort()).toEqual([closed, voided, open].sort());
  });

  it('keeps a published ranking when cases change later, until it is recalculated with a reason', async () => {
    const supervisor = await app.as('supervisor');
    const target = { period: thisMonth, subjectKind: 'area' as const, areaLevel: 'district' as const };
    await supervisor.evaluation.publish(target);
    const published = await supervisor.evaluation.view(target);
    expect(published.published?.revision).toBe(1);
    const before = published.rows.find((r) => r.name === '临江区');

    // The open case is handled and closed after publishing.
    await actAs(app, 'linjiang.dept_handler', open, 'takeUp');
    await actAs(app, 'linjiang.dept_handler', open, 'feedBack', { reason: '已处置' });
    await actAs(app, 'linjiang.shift_lead', open, 'quickClose', { reason: '现场已恢复' });

    const still = (await supervisor.evaluation.view(target)).rows.find((r) => r.name === '临江区');
    expect(still?.counts.areaClosed).toBe(before?.counts.areaClosed);

    const again = await failure(supervisor.evaluation.publish(target));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('已发布');

    await supervisor.evaluation.recalculate({ ...target, reason: '案件补录后重新计算' });
    const recalculated = await supervisor.evaluation.view(target);
    expect(recalculated.published?.revision).toBe(2);
    expect(recalculated.published?.reason).toBe('案件补录后重新计算');
    expect(recalculated.rows.find((r) => r.name === '临江区')?.counts.areaClosed).toBe(2);
    const revisions = await app.db
      .select()
      .from(evaluationResults)
      .where(eq(evaluationResults.periodKey, published.period.key));
    expect(revisions.map((r) => [r.revision, r.current]).sort()).toEqual([
      [1, 0],
      [2, 1],
    ]);
    const [logged] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(logged?.action).toBe('evaluation.recalculate');
  });

  it('shows a district supervisor only their district, and refuses roles without the permission', async () => {
    const district = await app.as('yunshan.supervisor');
    const view = await district.evaluation.view({ period: thisMonth, subjectKind: 'area', areaLevel: 'district' });
    expect(view.rows.map((r) => r.name)).not.toContain('临江区');
    const drill = await failure(
      district.evaluation.cases({
        period: thisMonth,
        subjectKind: 'collector',
        subject: await app.userId('linjiang.collector'),
      }),
    );
    expect(drill.code).toBe('NOT_FOUND');
    const handler = await app.as('linjiang.dept_handler');
    expect((await failure(handler.evaluation.view({ period: thisMonth, subjectKind: 'area' }))).code).toBe('FORBIDDEN');
  });

  it('keeps the indicator table editable only as a whole whose weights add up to 100', async () => {
    const supervisor = await app.as('supervisor');
    const { indicators } = await supervisor.evaluation.indicators({ subjectKind: 'dispatcher' });
    const bad = await failure(
      supervisor.evaluation.saveIndicators({
        subjectKind: 'dispatcher',
        indicators: indicators.map((i) => ({ ...i, weight: 10 })),
      }),
    );
    expect(bad.message).toContain('权重合计须为100%');
    const edited = indicators.map((i) => ({
      ...i,
      weight: i.key === 'dispatchCountScore' ? 30 : i.key === 'dispatchOnTimeRate' ? 30 : 40,
    }));
    await supervisor.evaluation.saveIndicators({ subjectKind: 'dispatcher', indicators: edited });
    const saved = await supervisor.evaluation.indicators({ subjectKind: 'dispatcher' });
    expect(saved.customised).toBe(true);
    expect(saved.indicators.map((i) => i.weight)).toEqual([30, 30, 40]);
    const district = await app.as('linjiang.supervisor');
    expect((await failure(district.evaluation.resetIndicators({ subjectKind: 'dispatcher' }))).code).toBe('FORBIDDEN');
    await supervisor.evaluation.resetIndicators({ subjectKind: 'dispatcher' });
  });

  it('refuses a custom period that ends before it starts, in Chinese', async () => {
    const supervisor = await app.as('supervisor');
    const error = await failure(
      supervisor.evaluation.view({
        period: { kind: 'custom', from: '2026-03-02', to: '2026-03-01' },
        subjectKind: 'area',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('考核周期无效');
  });
});

describe('下钻 of a draft ranking', () => {
  it('lists the cases the number on screen counted, though a case was reported since', async () => {
    await caseThrough('reported');
    const supervisor = await app.as('supervisor');
    const collectorId = await app.userId('linjiang.collector');
    const target = { period: thisMonth, subjectKind: 'collector' as const };
    const view = await supervisor.evaluation.view(target);
    const shown = view.rows.find((r) => r.subject === collectorId)?.counts.reported ?? 0;
    expect(shown).toBeGreaterThan(0);

    await caseThrough('reported');

    const onScreen = await supervisor.evaluation.cases({
      ...target,
      subject: collectorId,
      counter: 'reported',
      computedAt: view.computedAt,
    });
    expect(onScreen.total).toBe(shown);
    const live = await supervisor.evaluation.cases({ ...target, subject: collectorId, counter: 'reported' });
    expect(live.total).toBe(shown + 1);

    // Another viewer naming the same ranking gets their own, computed in their scope.
    const district = await app.as('yunshan.supervisor');
    const refused = await failure(
      district.evaluation.cases({ ...target, subject: collectorId, computedAt: view.computedAt }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    const odd = await failure(supervisor.evaluation.cases({ ...target, subject: collectorId, computedAt: '昨天' }));
    expect(odd.code).toBe('BAD_REQUEST');
  });
});

describe('facts kept between rankings', () => {
  it("keeps each case's facts, and counts a step taken after the last ranking", async () => {
    const id = await caseThrough('dispatched');
    const supervisor = await app.as('supervisor');
    const target = { period: thisMonth, subjectKind: 'department' as const };
    const handledBy = async () => {
      const view = await supervisor.evaluation.view(target);
      return view.rows.find((r) => r.name === '临江区市政管理所')?.counts.handled ?? 0;
    };
    const before = await handledBy();
    const [kept] = await app.db.select().from(evaluationCaseFacts).where(eq(evaluationCaseFacts.caseId, id));
    expect(kept?.facts).not.toBeNull();

    await actAs(app, 'linjiang.dept_handler', id, 'takeUp');
    await actAs(app, 'linjiang.dept_handler', id, 'feedBack', { reason: '已处置' });
    expect(await handledBy()).toBe(before + 1);

    // Facts kept under other rules (or damaged) are read afresh from the timeline, never trusted.
    await app.db
      .update(evaluationCaseFacts)
      .set({ facts: [0, 0, [], null, []] })
      .where(eq(evaluationCaseFacts.caseId, id));
    expect(await handledBy()).toBe(before + 1);
  });

  it('starts the stale marks at the head only while no facts are kept', async () => {
    const position = () => consumerPosition(app.db, EVALUATION_FACTS_CONSUMER);
    await catchUpStaleFacts(app.db);
    await actAs(app, 'linjiang.acceptor', await caseThrough('reported'), 'accept');
    const before = await position();
    expect(await startStaleFactsAtHead(app.db)).toBe(false);
    expect(await position()).toBe(before);

    await app.db.delete(evaluationCaseFacts);
    expect(await startStaleFactsAtHead(app.db)).toBe(true);
    expect(await position()).toBe(await streamHead(app.db));
    expect(await position()).toBeGreaterThan(before);
  });
});
