import { auditLog } from '@citygov/db/schema/audit';
import { cases } from '@citygov/db/schema/cases';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { outcome, pointIn } from '../cases/case-test-helpers';
import { resetIntakeModel } from '../category-model/category-suggester';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
beforeAll(async () => {
  resetIntakeModel();
  app = await openTestApp();
  here = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

/** A point `metres` east of `p`. */
function east(p: { lng: number; lat: number }, metres: number) {
  return { lng: p.lng + metres / (111_195 * Math.cos((p.lat * Math.PI) / 180)), lat: p.lat };
}

const STREET_VENDING = ['09001', '09002', '09005', '09006'];

describe('intake.suggestCategories', () => {
  it('puts a street-vending category in the top 3 for a vendor on the pavement', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const top = await acceptor.intake.suggestCategories({ text: '人行道上有人摆摊卖水果' });
    expect(top).toHaveLength(3);
    expect(top.some((s) => s.kind === 'event' && STREET_VENDING.includes(s.code))).toBe(true);
    for (const s of top) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.name).not.toBe('');
    }
    expect(top.map((s) => s.score)).toEqual([...top.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('keeps to the kind asked for, and answers a collector as fast as one types', async () => {
    const collector = await app.as('linjiang.collector');
    const components = await collector.intake.suggestCategories({ text: '路边的井盖破了一个角', kind: 'component' });
    expect(components.length).toBeGreaterThan(0);
    expect(components.every((s) => s.kind === 'component')).toBe(true);
    const started = performance.now();
    for (let i = 0; i < 20; i++) await collector.intake.suggestCategories({ text: `小区门口垃圾桶满了没人清运${i}` });
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });

  it('answers nothing for a text it has no word of, and refuses roles without case.report', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    expect(await acceptor.intake.suggestCategories({ text: 'xyz' })).toEqual([]);
    // The shift lead holds case.accept but not case.report (see router.ts).
    const lead = await app.as('linjiang.shift_lead');
    expect(await outcome(lead.intake.suggestCategories({ text: '人行道上有人摆摊卖水果' }))).toBe('FORBIDDEN');
  });
});

describe('intake.retrain', () => {
  it('learns from closed cases when retrained, and is logged', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const phrase = '狸花猫卡在排风口里出不来';
    const reported = await acceptor.cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode: '06037',
      description: `${phrase}，已经好几天了`,
      ...here,
    });
    await app.db.update(cases).set({ status: 'closed', closedAt: new Date() }).where(eq(cases.id, reported.id));
    const before = await acceptor.intake.suggestCategories({ text: phrase });
    expect(before[0]?.code).not.toBe('06037');

    expect(await outcome(acceptor.intake.retrain())).toBe('FORBIDDEN');
    const admin = await app.as('admin');
    const info = await admin.intake.retrain();
    expect(info.closedCases).toBeGreaterThanOrEqual(1);
    expect(info.categories).toBeGreaterThan(400);
    const after = await acceptor.intake.suggestCategories({ text: phrase });
    expect(after[0]?.code).toBe('06037');
    const logged = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'intake.retrain'), eq(auditLog.outcome, 'ok')));
    expect(logged).toHaveLength(1);
  });
});

describe('intake.findDuplicates', () => {
  let original: { id: number; caseNo: string };
  beforeAll(async () => {
    const acceptor = await app.as('linjiang.acceptor');
    original = await acceptor.cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode: '09006',
      description: '市民来电反映：人行道上有人摆摊卖水果，堵住了路',
      ...here,
    });
  });

  it('finds a case reported at the same spot with similar words, with the breakdown', async () => {
    const collector = await app.as('linjiang.collector');
    const found = await collector.intake.findDuplicates({
      kind: 'event',
      categoryCode: '09006',
      description: '有人在人行道上摆摊卖水果',
      ...east(here, 20),
      at: new Date(Date.now() + 30 * 60_000),
    });
    const first = found[0];
    expect(first?.caseId).toBe(original.id);
    expect(first?.caseNo).toBe(original.caseNo);
    expect(first?.decision).toBe('merge');
    // 占道经营 is street order: the report went straight to the grid's street chief (街长制).
    expect(first?.status).toBe('handling');
    expect(first?.statusName).toBe('处置中');
    expect(first?.categoryName).toBe('占道经营');
    expect(first?.distanceM).toBeGreaterThanOrEqual(19);
    expect(first?.distanceM).toBeLessThanOrEqual(21);
    expect(first?.minutesApart).toBeGreaterThanOrEqual(29);
    expect(first?.factors.sameCategory).toBe(true);
    expect(first?.factors.text).toBeGreaterThan(0.3);
  });

  it('does not flag a different category at the same spot, nor anything far away', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const other = await acceptor.intake.findDuplicates({
      kind: 'event',
      categoryCode: '06028',
      description: '晚上广场舞音响太吵了',
      ...here,
    });
    expect(other.filter((c) => c.caseId === original.id && c.decision !== 'ignore')).toEqual([]);
    const far = await acceptor.intake.findDuplicates({
      kind: 'event',
      categoryCode: '09006',
      description: '人行道上有人摆摊卖水果',
      ...east(here, 2_000),
    });
    expect(far.map((c) => c.caseId)).not.toContain(original.id);
  });

  it("respects the case scope: another district's acceptor does not see it", async () => {
    const stranger = await app.as('yunshan.acceptor');
    const found = await stranger.intake.findDuplicates({
      kind: 'event',
      categoryCode: '09006',
      description: '有人在人行道上摆摊卖水果',
      ...east(here, 20),
    });
    expect(found.map((c) => c.caseId)).not.toContain(original.id);
    // …while the district's own street chief does.
    const chief = await app.as('linjiang.street_chief');
    const own = await chief.intake.findDuplicates({
      kind: 'event',
      categoryCode: '09006',
      description: '有人在人行道上摆摊卖水果',
      ...east(here, 20),
    });
    expect(own.map((c) => c.caseId)).toContain(original.id);
  });

  it('leaves out voided cases and the case being checked', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const query = { kind: 'event' as const, categoryCode: '09006', description: '人行道上有人摆摊卖水果', ...here };
    const excluded = await acceptor.intake.findDuplicates({ ...query, excludeCaseId: original.id });
    expect(excluded.map((c) => c.caseId)).not.toContain(original.id);
    const voided = await acceptor.cases.report({
      source: 'hotline',
      ...query,
      description: '人行道上有人摆摊卖水果啊',
    });
    await app.db.update(cases).set({ status: 'voided' }).where(eq(cases.id, voided.id));
    const found = await acceptor.intake.findDuplicates(query);
    expect(found.map((c) => c.caseId)).toContain(original.id);
    expect(found.map((c) => c.caseId)).not.toContain(voided.id);
  });
});
