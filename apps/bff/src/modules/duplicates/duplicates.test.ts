import { auditLog } from '@citygov/db/schema/audit';
import { users } from '@citygov/db/schema/auth';
import { caseEvents } from '@citygov/db/schema/cases';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { caseRowOf, failure, pointIn } from '../cases/case-test-helpers';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

/** A report of `categoryCode` at the test spot; each scenario uses its own major class, so they never meet. */
function report(username: string, categoryCode: string, description: string, extra: Record<string, unknown> = {}) {
  return app
    .as(username)
    .then((caller) =>
      caller.cases.report({ source: 'hotline', kind: 'event', categoryCode, description, ...here, ...extra }),
    );
}

const caseRow = (id: number) => caseRowOf(app, id);

const timelineOf = (id: number) =>
  app.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id));

async function nameOf(username: string) {
  const [user] = await app.db.select().from(users).where(eq(users.username, username));
  return user?.displayName ?? '';
}

const suspectsOf = (id: number) => app.db.select().from(duplicateSuspects).where(eq(duplicateSuspects.caseId, id));

describe('判重阈值 (admin)', () => {
  it('starts at the shipped defaults, saves valid values with an audit row, and refuses others', async () => {
    const admin = await app.as('admin');
    expect(await admin.duplicates.thresholds()).toMatchObject({
      merge: 0.84,
      review: 0.3,
      defaults: { merge: 0.84, review: 0.3 },
      updatedBy: null,
      editable: true,
    });
    const saved = await admin.duplicates.setThresholds({ merge: 0.9, review: 0.4 });
    expect(saved).toMatchObject({ merge: 0.9, review: 0.4, updatedBy: await nameOf('admin') });
    const [logged] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'duplicates.setThresholds'), eq(auditLog.outcome, 'ok')));
    expect(logged?.detail).toEqual({ merge: 0.9, review: 0.4 });

    const reversed = await failure(admin.duplicates.setThresholds({ merge: 0.5, review: 0.6 }));
    expect(reversed.code).toBe('BAD_REQUEST');
    expect(reversed.message).toContain('人工判重阈值须低于自动并案阈值');
    expect((await failure(admin.duplicates.setThresholds({ merge: 1.2, review: 0.3 }))).message).toContain(
      '阈值不能超过 1',
    );
    expect((await failure(admin.duplicates.setThresholds({ merge: 0.8, review: 0 }))).message).toContain(
      '阈值须大于 0',
    );
    const lead = await app.as('linjiang.shift_lead');
    expect((await failure(lead.duplicates.setThresholds({ merge: 0.9, review: 0.4 }))).code).toBe('FORBIDDEN');
    expect((await failure(lead.duplicates.thresholds())).code).toBe('FORBIDDEN');
    // A district administrator sees the city's thresholds but may not change them.
    const districtAdmin = await app.as('linjiang.admin');
    expect(await districtAdmin.duplicates.thresholds()).toMatchObject({ merge: 0.9, editable: false });
    const refused = await failure(districtAdmin.duplicates.setThresholds({ merge: 0.95, review: 0.4 }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', '判重阈值为全市统一设置，仅市级系统管理员可以修改']);
    expect((await admin.duplicates.thresholds()).merge).toBe(0.9);

    await admin.duplicates.setThresholds({ merge: 0.84, review: 0.3 });
  });
});

describe('智能判重 at report time', () => {
  it('merges a repeat report into the open case automatically, linking both timelines', async () => {
    const first = await report('linjiang.acceptor', '01001', '滨江路88号门口供水井盖破损松动');
    const repeat = await report('linjiang.acceptor', '01001', '滨江路88号门口的供水井盖松动破损了');
    expect(repeat).toMatchObject({ status: 'merged', mergedInto: { id: first.id, caseNo: first.caseNo } });

    const merged = await caseRow(repeat.id);
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: first.id, stage: null, stageDeadlineAt: null });
    expect(merged.closedAt).not.toBeNull();
    const [reported, autoMerge] = await timelineOf(repeat.id);
    expect(reported?.action).toBe('report');
    expect(autoMerge).toMatchObject({
      action: 'autoMerge',
      label: '自动并案',
      actorId: null,
      actorName: '系统（智能判重）',
      fromStatus: 'reported',
      toStatus: 'merged',
      detail: { into: first.caseNo, intoId: first.id },
    });
    expect(autoMerge?.reason).toMatch(new RegExp(`与案件 ${first.caseNo} 为同一问题（相似度 \\d+%）`));
    expect(Number(autoMerge?.detail?.score)).toBeGreaterThanOrEqual(0.84);
    const leadTimeline = await timelineOf(first.id);
    expect(leadTimeline.at(-1)).toMatchObject({
      action: 'mergeIn',
      label: '并入案件',
      actorName: '系统（智能判重）',
      detail: { merged: repeat.caseNo, mergedId: repeat.id },
    });
    // The lead itself is untouched: still waiting to be accepted, same version.
    expect(await caseRow(first.id)).toMatchObject({ status: 'reported', version: 1 });

    const desk = await app.as('linjiang.shift_lead');
    const leadDetail = await desk.cases.byId({ id: first.id });
    expect(leadDetail.mergedCases).toEqual([
      expect.objectContaining({
        id: repeat.id,
        caseNo: repeat.caseNo,
        reporterName: await nameOf('linjiang.acceptor'),
      }),
    ]);
    expect((await desk.cases.byId({ id: repeat.id })).mergedInto).toMatchObject({
      id: first.id,
      caseNo: first.caseNo,
      status: 'reported',
      statusName: '待受理',
      closingReason: null,
    });

    // Raising the merge threshold above the pair's score turns the next repeat into a suspect.
    const admin = await app.as('admin');
    await admin.duplicates.setThresholds({ merge: 1, review: 0.3 });
    const acceptor = await app.as('linjiang.acceptor');
    const query = { kind: 'event' as const, categoryCode: '01001', description: '供水井盖松动', ...here };
    const offered = await acceptor.intake.findDuplicates(query);
    // The desk's pre-submit check uses the same thresholds, and never offers a merged case.
    expect(offered.map((c) => [c.caseId, c.decision])).toEqual([[first.id, 'review']]);
    const third = await report('linjiang.acceptor', '01001', '滨江路88号门口供水井盖又松了');
    expect(third).toMatchObject({ status: 'reported', mergedInto: null });
    const [flagged] = await suspectsOf(third.id);
    expect(flagged).toMatchObject({ candidateId: first.id, status: 'pending' });
    expect(flagged?.score).toBeGreaterThanOrEqual(0.84);
    expect(flagged?.factors).toMatchObject({ sameCategory: true, distanceM: 0 });
    await admin.duplicates.setThresholds({ merge: 0.84, review: 0.3 });
  });

  it('flags instead of merging when the reporter said it is a different problem (仍要上报)', async () => {
    const first = await report('linjiang.collector', '02001', '望江路停车场入口道闸损坏无法抬杆');
    const distinct = await report('linjiang.collector', '02001', '望江路停车场入口道闸坏了抬不起来', {
      confirmedDistinct: true,
    });
    expect(distinct).toMatchObject({ status: 'reported', mergedInto: null });
    const pairs = await suspectsOf(distinct.id);
    expect(pairs).toEqual([expect.objectContaining({ candidateId: first.id, status: 'pending' })]);
    expect((await timelineOf(distinct.id)).map((e) => e.action)).toEqual(['report']);
  });

  it('joins the case the reporter chose as the same problem (是同一问题), and refuses one not offered', async () => {
    const first = await report('linjiang.collector', '04001', '望江路公交站台广告灯箱玻璃破碎');
    const second = await report('linjiang.collector', '04001', '望江路公交站台灯箱玻璃碎了一地', {
      confirmedDistinct: true,
    });
    // Both are near; the reporter names the first, so the new report joins it and not the closest match.
    const joined = await report('linjiang.collector', '04001', '望江路公交站灯箱玻璃破了', { sameAsCaseId: first.id });
    expect(joined).toMatchObject({ status: 'merged', mergedInto: { id: first.id } });
    const [merged] = (await timelineOf(joined.id)).filter((e) => e.action === 'autoMerge');
    expect(merged?.reason).toContain(`上报人确认与案件 ${first.caseNo} 为同一问题`);
    expect(second.status).toBe('reported');

    const unrelated = await report('linjiang.acceptor', '08001', '夜间施工噪音');
    const refused = await failure(
      report('linjiang.collector', '04001', '望江路公交站灯箱玻璃又破了', { sameAsCaseId: unrelated.id }),
    );
    expect(refused.message).toContain('所选案件已办结或不是附近的相似问题');
  });

  it('leaves far-away and unrelated reports alone', async () => {
    const first = await report('linjiang.acceptor', '08001', '工地夜间施工噪音扰民');
    const other = await report('linjiang.acceptor', '09001', '路口有无照游商摆摊卖水果');
    // Not merged; a street-order report goes on to its grid's street chief (街长制).
    expect(other).toMatchObject({ status: 'handling', mergedInto: null });
    expect(await suspectsOf(other.id)).toEqual([]);
    expect(await suspectsOf(first.id)).toEqual([]);
  });
});

describe('疑似重复 queue (shift lead)', () => {
  let left: { id: number; caseNo: string };
  let right: { id: number; caseNo: string };
  let pairId: number;
  beforeAll(async () => {
    left = await report('linjiang.acceptor', '03001', '江滨公园公共厕所无人保洁，异味很大');
    right = await report('linjiang.acceptor', '03001', '江滨公园公厕很脏没人打扫', { confirmedDistinct: true });
    const [pair] = await suspectsOf(right.id);
    pairId = pair?.id ?? 0;
  });

  it('lists the pair side by side — earlier case left, newer report right — with score and factors', async () => {
    const lead = await app.as('linjiang.shift_lead');
    const list = await lead.duplicates.list();
    const pair = list.rows.find((p) => p.id === pairId);
    expect(pair).toMatchObject({
      left: { id: left.id, caseNo: left.caseNo, statusName: '待受理', categoryName: '公共厕所异常', mergeable: true },
      right: { id: right.id, caseNo: right.caseNo, reporterName: await nameOf('linjiang.acceptor'), photos: [] },
      factors: { distanceM: 0, sameCategory: true },
    });
    expect(pair?.score).toBeGreaterThan(0.3);
    expect(pair?.factors.minutesApart).toBeGreaterThanOrEqual(0);
    expect(await lead.duplicates.count()).toBe(list.total);
    expect(list.total).toBeGreaterThanOrEqual(1);
  });

  it("shows another district's shift lead nothing, and refuses them the pair", async () => {
    const stranger = await app.as('yunshan.shift_lead');
    expect((await stranger.duplicates.list()).rows.map((p) => p.id)).not.toContain(pairId);
    expect(await stranger.duplicates.count()).toBe(0);
    expect((await failure(stranger.duplicates.dismiss({ pairId }))).code).toBe('NOT_FOUND');
    const merge = stranger.cases.act({
      caseId: right.id,
      expectedVersion: 1,
      action: 'merge',
      mergeIntoCaseId: left.id,
    });
    expect((await failure(merge)).code).toBe('NOT_FOUND');
    // Nor can the own district's lead merge into a case of another district.
    const elsewhere = await pointIn(app, '云山区');
    const foreign = await report('yunshan.acceptor', '05002', '公房地下室积水', elsewhere);
    const own = await app.as('linjiang.shift_lead');
    const across = own.cases.act({
      caseId: right.id,
      expectedVersion: 1,
      action: 'merge',
      mergeIntoCaseId: foreign.id,
    });
    expect((await failure(across)).code).toBe('NOT_FOUND');
  });

  it('merges through cases.act: the pair is settled and leaves the list, the lead names the merged case', async () => {
    const lead = await app.as('linjiang.shift_lead');
    const merged = await lead.cases.act({
      caseId: right.id,
      expectedVersion: 1,
      action: 'merge',
      mergeIntoCaseId: left.id,
      reason: '同一公厕',
    });
    expect(merged.status).toBe('merged');
    const [pair] = await suspectsOf(right.id);
    const leadName = await nameOf('linjiang.shift_lead');
    expect(pair).toMatchObject({ status: 'merged', resolvedByName: leadName });
    expect((await lead.duplicates.list()).rows.map((p) => p.id)).not.toContain(pairId);
    expect((await timelineOf(left.id)).at(-1)).toMatchObject({
      action: 'mergeIn',
      actorName: leadName,
      reason: '同一公厕',
      detail: { merged: right.caseNo },
    });
    expect((await failure(lead.duplicates.dismiss({ pairId }))).message).toContain('已处理该疑似重复（已并案）');
  });

  it('dismisses a pair as 不是重复 once, with the reason on the newer case’s timeline', async () => {
    const a = await report('linjiang.acceptor', '07001', '电线杆上贴满非法小广告');
    const b = await report('linjiang.acceptor', '07001', '电线杆上小广告很多', { confirmedDistinct: true });
    const [pair] = await suspectsOf(b.id);
    const lead = await app.as('linjiang.shift_lead');
    expect(await lead.duplicates.dismiss({ pairId: pair?.id ?? 0, reason: '不是同一根电线杆' })).toMatchObject({
      status: 'dismissed',
    });
    expect((await timelineOf(b.id)).at(-1)).toMatchObject({
      action: 'dismissDuplicate',
      label: '排除重复',
      reason: '不是同一根电线杆',
      fromStatus: 'reported',
      toStatus: 'reported',
      detail: { other: a.caseNo, otherId: a.id },
    });
    expect(await caseRow(b.id)).toMatchObject({ status: 'reported', version: 1 });
    const again = await failure(lead.duplicates.dismiss({ pairId: pair?.id ?? 0 }));
    expect([again.code, again.message]).toEqual([
      'CONFLICT',
      `${await nameOf('linjiang.shift_lead')}已处理该疑似重复（已排除重复），请刷新`,
    ]);
    expect((await failure(lead.duplicates.dismiss({ pairId: 999_999 }))).code).toBe('NOT_FOUND');
    expect((await failure((await app.as('linjiang.acceptor')).duplicates.list())).code).toBe('FORBIDDEN');
  });
});
