import { caseEvents } from '@citygov/db/schema/cases';
import { educationMessages } from '@citygov/db/schema/street-chiefs';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, caseRowOf, failure, pointIn } from '../cases/case-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

/** 店外经营 (management line first) reported in linjiang's first street, where the demo chiefs hold the posts. */
async function streetReport(categoryCode = '09005', description = '沿街商铺把货架摆到人行道上经营') {
  const here = await pointIn(app, '临江区');
  const collector = await app.as('linjiang.collector');
  const { id } = await collector.cases.report({
    confirmedDistinct: true,
    source: 'collector',
    kind: 'event',
    categoryCode,
    urgency: 'normal',
    description,
    ...here,
  });
  return id;
}

async function timeline(id: number) {
  return app.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id));
}

describe('街长制: routing and the two lines', () => {
  it('routes a street-governance report to the management chief, hands it to enforcement, escalates and closes it by both lines', async () => {
    const id = await streetReport();
    const routed = await caseRowOf(app, id);
    expect(routed).toMatchObject({ status: 'handling', chiefLine: 'management' });
    expect(routed.chiefUserId).toBe(await app.userId('linjiang.street_chief'));
    const events = await timeline(id);
    expect(events.at(-1)).toMatchObject({ label: '街面派单', actorName: '系统（街面派单）' });
    expect(events.at(-1)?.detail).toMatchObject({ line: '管理' });

    // The management chief's queue shows it with the management actions.
    const queue = await (await app.as('linjiang.street_chief')).cases.chiefQueue();
    const item = queue.find((c) => c.id === id);
    expect(item?.todo).toBe(true);
    expect(item?.actions.filter((a) => a.enabled).map((a) => a.label)).toEqual(
      expect.arrayContaining(['未发现', '教育', '误报', '移交执法']),
    );

    // The enforcement chief cannot act on the management line.
    const wrongLine = await failure(actAs(app, 'linjiang.enforce_chief', id, 'persuade', { reason: '已劝离' }));
    expect(wrongLine.message).toContain('案件当前由管理线处理');

    await actAs(app, 'linjiang.street_chief', id, 'handOver', { reason: '商户拒不整改，需执法' });
    expect((await caseRowOf(app, id)).pendingKind).toBe('hand_over');
    // Only the management area chief approves.
    const notArea = await failure(actAs(app, 'linjiang.enforce_area_chief', id, 'approveHandOver'));
    expect(notArea.message).toContain('管理片长');
    await actAs(app, 'linjiang.area_chief', id, 'approveHandOver');
    const handed = await caseRowOf(app, id);
    expect(handed).toMatchObject({ chiefLine: 'enforcement', pendingKind: null });
    expect(handed.chiefUserId).toBe(await app.userId('linjiang.enforce_chief'));

    const noPhoto = await failure(actAs(app, 'linjiang.enforce_chief', id, 'persuade', { reason: '已劝离' }));
    expect(noPhoto.message).toBe('请拍摄整改后的现场照片');
    await actAs(app, 'linjiang.enforce_chief', id, 'escalate', { reason: '多次劝导无效，申请立案' });
    await actAs(app, 'linjiang.enforce_area_chief', id, 'fileEnforcement');
    expect(await caseRowOf(app, id)).toMatchObject({ status: 'fed_back', enforcementFiled: true });

    // The management chief's closing check is not how a filed case closes.
    const notVerify = await failure(actAs(app, 'linjiang.street_chief', id, 'closeVerify'));
    expect(notVerify.message).toContain('联合结案');
    await actAs(app, 'linjiang.enforce_area_chief', id, 'jointClose', { reason: '执法已处罚' });
    expect(await caseRowOf(app, id)).toMatchObject({ status: 'fed_back', closeSignedLine: 'enforcement' });
    const twice = await failure(actAs(app, 'linjiang.enforce_area_chief', id, 'jointClose'));
    expect(twice.message).toContain('等待另一条线片长');
    await actAs(app, 'linjiang.area_chief', id, 'jointClose', { reason: '管理线复核无误' });
    expect((await caseRowOf(app, id)).status).toBe('closed');

    const labels = (await timeline(id)).map((e) => e.label);
    expect(labels).toEqual([
      '上报',
      '街面派单',
      '移交执法',
      '同意移交',
      '上报片长',
      '执法立案',
      '联合结案',
      '联合结案',
    ]);
  });

  it('records the education SMS as pending and closes after the management chief verifies', async () => {
    const id = await streetReport('09022', '商场门口摆桌子搞促销宣传占用人行道');
    await actAs(app, 'linjiang.street_chief', id, 'educate', { subjectPhone: '13912345678' });
    const [sms] = await app.db.select().from(educationMessages).where(eq(educationMessages.caseId, id));
    expect(sms).toMatchObject({ sendState: 'pending', phone: '13912345678' });
    expect(sms?.text).toContain('占道促销宣传');
    await actAs(app, 'linjiang.street_chief', id, 'returnToLine', { reason: '桌子仍在' });
    expect((await caseRowOf(app, id)).status).toBe('handling');
    await actAs(app, 'linjiang.street_chief', id, 'educate');
    await actAs(app, 'linjiang.street_chief', id, 'closeVerify');
    expect((await caseRowOf(app, id)).status).toBe('closed');
  });

  it('sends enforcement-first categories to the enforcement chief; other roles never see chief actions', async () => {
    const id = await streetReport('09001', '路口有无照游商推车卖水果');
    expect(await caseRowOf(app, id)).toMatchObject({ chiefLine: 'enforcement' });
    const { actions } = await (await app.as('linjiang.shift_lead')).cases.byId({ id });
    expect(actions.map((a) => a.label)).not.toContain('口头规劝');
    await actAs(app, 'linjiang.enforce_area_chief', id, 'chiefVoid', { reason: '重复上报' });
    expect((await caseRowOf(app, id)).status).toBe('voided');
  });
});

describe('交接班 (A/B post)', () => {
  it('sends new cases to the delegate during the window and to the chief again after it', async () => {
    const chief = await app.as('linjiang.street_chief');
    const nightId = await app.userId('linjiang.night_chief');
    const candidates = await chief.streetChiefs.delegateCandidates();
    expect(candidates.map((c) => c.id)).toContain(nightId);
    const now = Date.now();
    const { id: delegationId } = await chief.streetChiefs.delegate({
      toUserId: nightId,
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3600_000),
      reason: '夜间值班',
    });
    const during = await streetReport('09021', '路边有人占道洗车，污水横流');
    const row = await caseRowOf(app, during);
    expect(row.chiefUserId).toBe(nightId);
    expect((await timeline(during)).at(-1)?.detail).toMatchObject({ delegatedFrom: expect.any(String) });
    // The delegate works it as the management chief would.
    const night = await app.as('linjiang.night_chief');
    expect((await night.cases.chiefQueue()).find((c) => c.id === during)?.todo).toBe(true);
    await actAs(app, 'linjiang.night_chief', during, 'educate');

    const log = await chief.streetChiefs.delegations();
    expect(log.find((d) => d.id === delegationId)).toMatchObject({ state: 'active', direction: 'given' });

    // The window ends by itself: move its end into the past.
    const { chiefDelegations } = await import('@citygov/db/schema/street-chiefs');
    await app.db
      .update(chiefDelegations)
      .set({ endsAt: new Date(Date.now() - 1000), startsAt: new Date(now - 120_000) })
      .where(eq(chiefDelegations.id, delegationId));
    const after = await streetReport('09010', '人行道上非机动车乱停乱放');
    expect((await caseRowOf(app, after)).chiefUserId).toBe(await app.userId('linjiang.street_chief'));
    expect((await chief.streetChiefs.delegations()).find((d) => d.id === delegationId)?.state).toBe('ended');
    const gone = await failure(actAs(app, 'linjiang.night_chief', after, 'educate'));
    expect(gone.message).toContain('管理街长');
  });

  it('refuses a delegation to oneself, to a non-chief or with the end before the start', async () => {
    const chief = await app.as('linjiang.street_chief');
    const self = await app.userId('linjiang.street_chief');
    const window = { startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), reason: '开会' };
    expect((await failure(chief.streetChiefs.delegate({ toUserId: self, ...window }))).message).toBe('不能交接给自己');
    const collector = await app.userId('linjiang.collector');
    expect((await failure(chief.streetChiefs.delegate({ toUserId: collector, ...window }))).message).toContain(
      '接班人须为本区',
    );
    const backwards = { ...window, endsAt: new Date(Date.now() - 3600_000) };
    const nightId = await app.userId('linjiang.night_chief');
    expect((await failure(chief.streetChiefs.delegate({ toUserId: nightId, ...backwards }))).message).toBe(
      '结束时间须晚于开始时间',
    );
  });
});
