import { auditLog } from '@citygov/db/schema/audit';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { areas } from '@citygov/db/schema/org';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { departmentNamed, failure, outcome, pointIn } from '../cases/case-test-helpers';
import { areaNamed, ruleInput, ruleNamed } from './dispatch-rule-test-helpers';
import { NO_RULE_MESSAGE } from './preview-dispatch-rule';

let app: TestApp;
let linjiang: Awaited<ReturnType<typeof areaNamed>>;
let yunshan: Awaited<ReturnType<typeof areaNamed>>;
let municipal: Awaited<ReturnType<typeof departmentNamed>>;
beforeAll(async () => {
  app = await openTestApp();
  linjiang = await areaNamed(app, '临江区');
  yunshan = await areaNamed(app, '云山区');
  municipal = await departmentNamed(app, '临江区市政管理所');
});
afterAll(() => app?.close());

async function lastAudit(action: string, username: string) {
  const [row] = await app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.username, username)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('the demo rules', () => {
  it('are suggestions only, and a district administrator sees their own and the city-wide ones', async () => {
    const all = await (await app.as('admin')).dispatchRules.list();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.every((r) => !r.automatic && r.editable)).toBe(true);

    const own = await (await app.as('linjiang.admin')).dispatchRules.list();
    expect(own.map((r) => [r.name, r.editable])).toEqual([
      ['全市供水井盖', false],
      ['全市园林绿化设施', false],
      ['临江区市政公用设施', true],
      ['临江区市容环境', true],
    ]);
    const water = own[0];
    expect(water).toMatchObject({
      categoryName: '供水井盖',
      majorName: '市政公用设施',
      areaName: null,
      leadDepartmentName: '市水务集团／供水分公司',
      assistingDepartmentNames: ['市市政设施管理中心'],
    });
  });
});

describe('creating and editing rules', () => {
  it('saves a valid rule with an audit row, and edits and switches it', async () => {
    const admin = await app.as('admin');
    const enforcement = await departmentNamed(app, '临江区综合行政执法局');
    const created = await admin.dispatchRules.create(
      ruleInput({
        name: '临江施工扰民',
        areaId: linjiang.id,
        leadDepartmentId: enforcement.id,
        assistingDepartmentIds: [municipal.id],
        note: '  ',
      }),
    );
    const stored = await ruleNamed(app, '临江施工扰民');
    expect(stored).toMatchObject({ id: created.id, note: null, updatedBy: await app.userId('admin') });
    expect((await lastAudit('dispatchRules.create', 'admin'))?.outcome).toBe('ok');

    await admin.dispatchRules.update({ id: created.id, data: { enabled: false } });
    await admin.dispatchRules.update({ id: created.id, data: { urgency: 'urgent', priority: 5 } });
    expect(await ruleNamed(app, '临江施工扰民')).toMatchObject({
      enabled: false,
      urgency: 'urgent',
      priority: 5,
      leadDepartmentId: enforcement.id,
    });

    await admin.dispatchRules.remove({ id: created.id });
    expect(await app.db.select().from(dispatchRules).where(eq(dispatchRules.id, created.id))).toEqual([]);
  });

  it.each([
    ['a minor category without its major class', { majorCode: null }, '选择小类时须同时选择大类'],
    ['a minor category of another major class', { majorCode: '06' }, '不属于大类「市容环境类」'],
    ['a major class that does not exist', { majorCode: '77', categoryCode: null }, '所选大类不存在'],
    ['an area that does not exist', { areaId: 9_999_999 }, '所选区域不存在'],
    ['a lead department that also assists', { assisting: 'lead' }, '主办部门不能同时是协办部门'],
    ['a command centre as lead', { lead: '临江区城市运行管理中心' }, '是指挥中心，不能承办案件'],
    ['a department of another district', { lead: '云山区环卫所' }, '「云山区环卫所」不服务所选区域的全部范围'],
    ['a district department for the whole city', { lead: '临江区环卫所', areaId: null }, '不服务所选区域的全部范围'],
  ] as const)('refuses %s with a Chinese message', async (_what, change, message) => {
    const admin = await app.as('admin');
    const lead = 'lead' in change ? (await departmentNamed(app, change.lead)).id : municipal.id;
    const { assisting: _a, lead: _l, ...fields } = { assisting: null, lead: null, ...change };
    const input = ruleInput({
      areaId: linjiang.id,
      leadDepartmentId: lead,
      assistingDepartmentIds: 'assisting' in change ? [lead] : [],
      ...fields,
    });
    const error = await failure(admin.dispatchRules.create(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(message);
    expect((await lastAudit('dispatchRules.create', 'admin'))?.outcome).toBe('failed');
  });

  it('checks the form fields with per-field messages', async () => {
    const admin = await app.as('admin');
    const error = await failure(
      admin.dispatchRules.create(ruleInput({ name: '规', areaId: linjiang.id, leadDepartmentId: 0 })),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toBeInstanceOf(ZodError);
    const issues = (error.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['name', '规则名称为 2–40 个字'],
      ['leadDepartmentId', '请选择主办部门'],
    ]);
    const update = await failure(admin.dispatchRules.update({ id: 1, data: { priority: 1000 } }));
    expect((update.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['data.priority', '优先级为 0–100'],
    ]);
  });
});

describe("a district administrator's scope", () => {
  it('creates rules only inside the district, with departments serving it or the city', async () => {
    const admin = await app.as('linjiang.admin');
    const outside = ruleInput({ areaId: yunshan.id, leadDepartmentId: municipal.id });
    expect(await outcome(admin.dispatchRules.create(outside))).toBe('FORBIDDEN');
    const citywide = await failure(
      admin.dispatchRules.create(ruleInput({ areaId: null, leadDepartmentId: municipal.id })),
    );
    expect(citywide.message).toContain('请选择区域');
    const foreign = await departmentNamed(app, '云山区市政管理所');
    const wrongLead = ruleInput({ areaId: linjiang.id, leadDepartmentId: foreign.id });
    expect(await outcome(admin.dispatchRules.create(wrongLead))).toBe('FORBIDDEN');
    expect((await lastAudit('dispatchRules.create', 'linjiang.admin'))?.outcome).toBe('denied');

    const city = await departmentNamed(app, '市城管局');
    const ok = await admin.dispatchRules.create(
      ruleInput({ name: '临江施工扰民（区管）', areaId: linjiang.id, leadDepartmentId: city.id }),
    );
    expect((await admin.dispatchRules.list()).map((r) => r.id)).toContain(ok.id);
    await admin.dispatchRules.remove({ id: ok.id });
  });

  it("neither sees nor changes another district's rules, and reads the city-wide ones only", async () => {
    const admin = await app.as('linjiang.admin');
    const theirs = await ruleNamed(app, '云山区市容环境');
    expect((await admin.dispatchRules.list()).map((r) => r.id)).not.toContain(theirs.id);
    expect(await outcome(admin.dispatchRules.update({ id: theirs.id, data: { enabled: false } }))).toBe('NOT_FOUND');
    expect(await outcome(admin.dispatchRules.remove({ id: theirs.id }))).toBe('NOT_FOUND');
    const citywide = await ruleNamed(app, '全市园林绿化设施');
    const refused = await failure(admin.dispatchRules.update({ id: citywide.id, data: { enabled: false } }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', '该规则覆盖本辖区以外的区域，只能由上级管理员修改']);
    expect(await ruleNamed(app, '全市园林绿化设施')).toMatchObject({ enabled: true });

    const mine = await ruleNamed(app, '临江区市容环境');
    await admin.dispatchRules.update({ id: mine.id, data: { enabled: false } });
    expect((await admin.dispatchRules.list()).find((r) => r.id === mine.id)?.enabled).toBe(false);
    await admin.dispatchRules.update({ id: mine.id, data: { enabled: true } });
  });

  it('is offered its own areas and departments and the city ones, never a command centre', async () => {
    const options = await (await app.as('linjiang.admin')).dispatchRules.options();
    expect(options.citywide).toBe(false);
    expect(options.areas.every((a) => a.id === linjiang.id || a.parentId !== null)).toBe(true);
    expect(options.areas.map((a) => a.name)).not.toContain('云山区');
    const names = options.departments.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['市城管局', '供水分公司', '临江区市政管理所']));
    expect(names.some((n) => n.startsWith('云山区'))).toBe(false);
    expect(options.departments.some((d) => d.kind === 'command_centre')).toBe(false);
    expect((await (await app.as('admin')).dispatchRules.options()).citywide).toBe(true);
  });

  it('cannot move its rule to another district', async () => {
    const admin = await app.as('linjiang.admin');
    const mine = await ruleNamed(app, '临江区市政公用设施');
    expect(await outcome(admin.dispatchRules.update({ id: mine.id, data: { areaId: yunshan.id } }))).toBe('FORBIDDEN');
    expect((await ruleNamed(app, '临江区市政公用设施')).areaId).toBe(linjiang.id);
  });

  it('previews only places inside the district', async () => {
    const admin = await app.as('linjiang.admin');
    const there = await pointIn(app, '云山区');
    const preview = { kind: 'event', categoryCode: '06001', urgency: 'normal' } as const;
    expect(await outcome(admin.dispatchRules.preview({ ...preview, lng: there.lng, lat: there.lat }))).toBe(
      'FORBIDDEN',
    );
    expect(await outcome(admin.dispatchRules.preview({ ...preview, areaId: yunshan.id }))).toBe('FORBIDDEN');
    expect((await admin.dispatchRules.preview(preview)).applied?.name).toBe('临江区市容环境');
  });
});

describe('departments named by rules', () => {
  it('cannot be deleted while a rule sends cases to them', async () => {
    const admin = await app.as('admin');
    const city = (await app.db.select().from(areas).where(eq(areas.level, 'city')))[0];
    const spare = await admin.org.createDepartment({
      name: '临时协办单位',
      kind: 'professional',
      areaId: city?.id ?? 0,
      parentId: null,
    });
    const rule = await admin.dispatchRules.create(
      ruleInput({
        name: '引用临时单位',
        areaId: linjiang.id,
        leadDepartmentId: municipal.id,
        assistingDepartmentIds: [spare?.id ?? 0],
      }),
    );
    const refused = await failure(admin.org.deleteDepartment({ id: spare?.id ?? 0 }));
    expect([refused.code, refused.message]).toEqual([
      'CONFLICT',
      '派遣规则「引用临时单位」仍指向该部门，请先修改或删除这些规则',
    ]);
    await admin.dispatchRules.remove({ id: rule.id });
    await admin.org.deleteDepartment({ id: spare?.id ?? 0 });
  });
});

describe('the preview', () => {
  it('names the rule that applies, its departments, and the other matching rules in order', async () => {
    const admin = await app.as('admin');
    const preview = await admin.dispatchRules.preview({
      kind: 'component',
      categoryCode: '01001',
      areaId: linjiang.id,
      urgency: 'normal',
    });
    expect(preview.place).toBe('临江区');
    expect(preview.category).toBe('供水井盖');
    expect(preview.applied?.name).toBe('全市供水井盖');
    expect(preview.others.map((r) => r.name)).toEqual(['临江区市政公用设施']);
    expect(preview.summary).toBe(
      '该区域此类案件将派往：市水务集团／供水分公司（主办），市市政设施管理中心（协办） · 规则「全市供水井盖」 · 人工确认',
    );
    const other = await admin.dispatchRules.preview({
      kind: 'component',
      categoryCode: '01002',
      areaId: linjiang.id,
      urgency: 'normal',
    });
    expect(other.applied?.name).toBe('临江区市政公用设施');
  });

  it('picks the most specific rule: a street beats its district, a set urgency beats any; priority beats both', async () => {
    const admin = await app.as('admin');
    const here = await pointIn(app, '临江区');
    const [grid] = await app.db.select().from(areas).where(eq(areas.code, here.gridCode));
    const streetId = Number(grid?.path.split('/').filter(Boolean)[2]);
    const sanitation = await departmentNamed(app, '临江区环卫所');
    const street = await admin.dispatchRules.create(
      ruleInput({ name: '街道施工扰民', areaId: streetId, leadDepartmentId: municipal.id }),
    );
    const district = await admin.dispatchRules.create(
      ruleInput({ name: '区施工扰民', areaId: linjiang.id, leadDepartmentId: sanitation.id }),
    );
    const urgent = await admin.dispatchRules.create(
      ruleInput({ name: '区紧急施工扰民', areaId: linjiang.id, urgency: 'urgent', leadDepartmentId: sanitation.id }),
    );
    const at = { kind: 'event', categoryCode: '08001', lng: here.lng, lat: here.lat } as const;
    const normal = await admin.dispatchRules.preview({ ...at, urgency: 'normal' });
    expect(normal.place).toBe(grid?.name);
    expect([normal.applied?.name, ...normal.others.map((r) => r.name)]).toEqual(['街道施工扰民', '区施工扰民']);
    const urgentPreview = await admin.dispatchRules.preview({ ...at, urgency: 'urgent' });
    expect(urgentPreview.applied?.name).toBe('街道施工扰民');
    expect(urgentPreview.others.map((r) => r.name)).toEqual(['区紧急施工扰民', '区施工扰民']);
    await admin.dispatchRules.update({ id: district.id, data: { priority: 10 } });
    expect((await admin.dispatchRules.preview({ ...at, urgency: 'normal' })).applied?.name).toBe('区施工扰民');
    for (const id of [street.id, district.id, urgent.id]) await admin.dispatchRules.remove({ id });
  });

  it('says the dispatcher decides when no rule matches, and ignores disabled rules', async () => {
    const admin = await app.as('admin');
    const none = await admin.dispatchRules.preview({ kind: 'event', majorCode: '08', urgency: 'normal' });
    expect([none.applied, none.others, none.summary]).toEqual([null, [], NO_RULE_MESSAGE]);
    const off = await admin.dispatchRules.create(
      ruleInput({ name: '停用的规则', areaId: linjiang.id, leadDepartmentId: municipal.id, enabled: false }),
    );
    const still = await admin.dispatchRules.preview({ kind: 'event', categoryCode: '08001', urgency: 'normal' });
    expect(still.summary).toBe(NO_RULE_MESSAGE);
    await admin.dispatchRules.remove({ id: off.id });
  });

  it('refuses a category that does not exist', async () => {
    const admin = await app.as('admin');
    const error = await failure(
      admin.dispatchRules.preview({ kind: 'event', categoryCode: '99999', urgency: 'normal' }),
    );
    expect([error.code, error.message]).toEqual(['BAD_REQUEST', '所选小类不存在']);
  });
});
