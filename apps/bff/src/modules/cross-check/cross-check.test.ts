import { auditLog } from '@citygov/db/schema/audit';
import { caseEvents } from '@citygov/db/schema/cases';
import { crossCheckSamples } from '@citygov/db/schema/cross-check';
import { areas } from '@citygov/db/schema/org';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { getViewableAttachment } from '../attachments/attachment-queries';
import { loadSessionUser } from '../auth/session-store';
import { actAs, caseRowOf, failure, fedBackCase } from '../cases/case-test-helpers';

let app: TestApp;
const today = chinaDate(new Date());
const month = today.slice(0, 7);
const [year, monthNo] = month.split('-').map(Number) as [number, number];
const thisMonth = { kind: 'month' as const, year, month: monthNo };
let linjiangId = 0;

beforeAll(async () => {
  app = await openTestApp();
  const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  linjiangId = linjiang?.id ?? 0;
});
afterAll(() => app?.close());

/** A 临江区 case taken through the whole chain to 结案. */
async function closedCase(description: string) {
  const id = await fedBackCase(app, { description });
  await actAs(app, 'linjiang.acceptor', id, 'requestCheck');
  await actAs(app, 'linjiang.collector', id, 'submitCheck', { confirmed: true, reason: '已恢复' });
  await actAs(app, 'linjiang.shift_lead', id, 'close');
  return id;
}

async function areaRow() {
  const supervisor = await app.as('supervisor');
  const view = await supervisor.evaluation.view({ period: thisMonth, subjectKind: 'area', areaLevel: 'district' });
  return view.rows.find((r) => r.name === '临江区');
}

describe('交叉抽查', () => {
  const closed: number[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 4; i++) closed.push(await closedCase(`江滨路抽查案件${i + 1}号，井盖破损`));
  });

  it('draws the county month reproducibly, logs the plan and gives no supervisor their own county', async () => {
    const city = await app.as('supervisor');
    const plan = await city.crossCheck.createPlan({ districtId: linjiangId, month, mode: 'count', amount: 3 });
    expect(plan).toMatchObject({ size: 3, seed: expect.stringContaining(month) });
    expect(plan.population).toBeGreaterThanOrEqual(4);
    const samples = await app.db.select().from(crossCheckSamples).where(eq(crossCheckSamples.planId, plan.id));
    expect(samples).toHaveLength(3);
    for (const s of samples) {
      expect(s.districtId).toBe(linjiangId);
      expect(s.reviewerDistrictId).not.toBe(linjiangId);
    }
    const [logged] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(logged?.action).toBe('crossCheck.createPlan');
    // One plan per county and month.
    const again = await failure(
      city.crossCheck.createPlan({ districtId: linjiangId, month, mode: 'count', amount: 3 }),
    );
    expect(again.message).toBe(`临江区${month}已有抽查计划`);
    const { plans } = await city.crossCheck.plans({ month });
    const listed = plans.find((p) => p.id === plan.id);
    expect(listed?.strata.reduce((sum, s) => sum + s.drawn, 0)).toBe(3);
    expect(listed?.strata[0]?.label).toMatch(/ · /);
  });

  it('a supervisor of another county reviews a sample: 不合格 is on the timeline, in the statistics and costs the county points', async () => {
    const [sample] = await app.db.select().from(crossCheckSamples).where(eq(crossCheckSamples.districtId, linjiangId));
    if (!sample) throw new Error('no sample');
    const reviewerUser = await loadSessionUser(app.db, sample.reviewerId);
    const reviewer = await app.as(reviewerUser?.username ?? '');
    const own = await app.as('linjiang.supervisor');

    // The 临江区 supervisor's queue holds none of 临江区's samples.
    expect((await own.crossCheck.samples({ filter: 'mine' })).filter((s) => s.districtId === linjiangId)).toEqual([]);
    const queue = await reviewer.crossCheck.samples({ filter: 'mine' });
    expect(queue.map((s) => s.id)).toContain(sample.id);

    const detail = await reviewer.crossCheck.sample({ id: sample.id });
    expect(detail.case.id).toBe(sample.caseId);
    expect(detail.timeline.map((e) => e.label)).toContain('结案');
    expect(detail.reasons.map((r) => r.label)).toContain('未处置即结案');

    // Nobody else may give the verdict; a 不合格 needs a reason code and a note.
    const other = await failure(own.crossCheck.review({ id: sample.id, verdict: 'qualified' }));
    expect(other.message).toMatch(/不存在|其他督查员/);
    const bare = await failure(
      reviewer.crossCheck.review({ id: sample.id, verdict: 'unqualified', note: '现场仍有破损' }),
    );
    expect(bare.message).toContain('请选择不合格原因');

    const before = await areaRow();
    const reviewed = await reviewer.crossCheck.review({
      id: sample.id,
      verdict: 'unqualified',
      reasonCodes: ['closed_unfixed', 'staged_photos'],
      note: '现场井盖仍破损，处置照片与上报照片为同一张',
    });
    expect(reviewed).toMatchObject({ action: 'crossCheckFail', caseStatus: 'closed' });
    const [event] = await app.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, sample.caseId), eq(caseEvents.action, 'crossCheckFail')));
    expect(event?.reason).toBe('未处置即结案、照片摆拍或重复使用：现场井盖仍破损，处置照片与上报照片为同一张');
    expect(event?.actorId).toBe(sample.reviewerId);
    const again = await failure(reviewer.crossCheck.review({ id: sample.id, verdict: 'qualified' }));
    expect(again.message).toBe('该抽查样本已评审');

    // Statistics of the month: the county, the department, the collector and the reasons.
    const stats = await (await app.as('supervisor')).crossCheck.statistics({ month });
    const county = stats.byCounty.find((r) => r.name === '临江区');
    expect(county).toMatchObject({ sampled: 3, reviewed: 1, unqualified: 1, passRate: 0 });
    expect(stats.byDepartment.find((r) => r.name === '临江区市政管理所')?.unqualified).toBe(1);
    expect(stats.byCollector[0]?.unqualified).toBe(1);
    expect(stats.byReason.map((r) => [r.name, r.count])).toEqual([
      ['未处置即结案', 1],
      ['照片摆拍或重复使用', 1],
    ]);

    // The evaluation: 2 points off 临江区 (the default deduction per unqualified sample).
    const after = await areaRow();
    expect(after?.counts.sampled).toBe(1);
    expect(after?.counts.sampleDeducted).toBe(1);
    expect(after?.deduction).toBe(2);
    expect(after?.total).toBeCloseTo((before?.total ?? 0) - 2, 2);
  });

  it('with 返工 configured, an unqualified sample goes back to the department', async () => {
    const city = await app.as('supervisor');
    const { settings, reasons } = await city.crossCheck.settings();
    expect(settings.unqualifiedHandling).toBe('evaluation');
    const district = await failure(
      (await app.as('linjiang.supervisor')).crossCheck.saveSettings({
        ...settings,
        unqualifiedHandling: 'rework',
        reasons,
      }),
    );
    expect(district.message).toBe('交叉抽查设置为全市统一设置，仅市级系统管理员可以修改');
    await city.crossCheck.saveSettings({ ...settings, unqualifiedHandling: 'rework', reasons });

    const samples = await app.db.select().from(crossCheckSamples).where(eq(crossCheckSamples.districtId, linjiangId));
    const open = samples.find((s) => s.verdict === null);
    if (!open) throw new Error('no open sample');
    const reviewer = await app.as((await loadSessionUser(app.db, open.reviewerId))?.username ?? '');
    const result = await reviewer.crossCheck.review({
      id: open.id,
      verdict: 'unqualified',
      reasonCodes: ['location_mismatch'],
      note: '处置位置与上报位置不符',
    });
    expect(result).toMatchObject({ action: 'crossCheckRework', caseStatus: 'handling' });
    const row = await caseRowOf(app, open.caseId);
    expect([row.status, row.closedAt]).toEqual(['handling', null]);
    await city.crossCheck.saveSettings({ ...settings, reasons });
  });

  it('the reviewer sees the sampled case photos though it lies in another county', async () => {
    const [sample] = await app.db.select().from(crossCheckSamples).where(eq(crossCheckSamples.districtId, linjiangId));
    if (!sample) throw new Error('no sample');
    const reviewerUser = await loadSessionUser(app.db, sample.reviewerId);
    const stranger = await loadSessionUser(app.db, await app.userId('yunshan.collector'));
    if (!reviewerUser || !stranger) throw new Error('no user');
    const { reviewerMayOpenCase } = await import('./api');
    expect(await reviewerMayOpenCase(app.db, reviewerUser, sample.caseId)).toBe(true);
    expect(await reviewerMayOpenCase(app.db, stranger, sample.caseId)).toBe(false);
    expect(await getViewableAttachment(app.db, stranger, { id: 999_999_999 })).toBeNull();
  });

  it('marks a reviewed sample as 错误案例 and finds it in the library', async () => {
    const [sample] = await app.db
      .select()
      .from(crossCheckSamples)
      .where(and(eq(crossCheckSamples.districtId, linjiangId), eq(crossCheckSamples.handling, 'evaluation')));
    if (!sample) throw new Error('no reviewed sample');
    const city = await app.as('supervisor');
    const unreviewed = (await city.crossCheck.samples({ filter: 'scope', status: 'open' }))[0];
    if (unreviewed) {
      expect((await failure(city.crossCheck.mark({ id: unreviewed.id, mark: 'typical' }))).message).toBe(
        '请先完成评审再标记案例',
      );
    }
    await city.crossCheck.mark({ id: sample.id, mark: 'error', note: '未处置即结案的典型错误' });
    const found = await city.crossCheck.library({ mark: 'error', q: '井盖' });
    expect(found.map((r) => r.id)).toContain(sample.id);
    expect(found.find((r) => r.id === sample.id)?.reasonNames).toContain('未处置即结案');
    expect(await city.crossCheck.library({ q: '不会出现的词语' })).toEqual([]);
  });

  it('refuses a plan with nothing to draw, or a county outside scope, in Chinese', async () => {
    const own = await app.as('linjiang.supervisor');
    const [yunshan] = await app.db.select().from(areas).where(eq(areas.name, '云山区'));
    const outside = await failure(
      own.crossCheck.createPlan({ districtId: yunshan?.id ?? 0, month, mode: 'share', amount: 5 }),
    );
    expect(outside.message).toBe('不能访问其他辖区的数据');
    const empty = await failure(
      own.crossCheck.createPlan({ districtId: linjiangId, month: '2001-01', mode: 'share', amount: 5 }),
    );
    expect(empty.message).toBe('临江区2001-01没有已结案的案件可抽查');
    const bad = await failure(
      own.crossCheck.createPlan({ districtId: linjiangId, month: '2026-13', mode: 'count', amount: 3 }),
    );
    expect(bad.message).toContain('月份格式须为 YYYY-MM');
  });
});
