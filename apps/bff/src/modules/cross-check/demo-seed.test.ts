import { caseEvents } from '@citygov/db/schema/cases';
import { crossCheckPlans, crossCheckSamples } from '@citygov/db/schema/cross-check';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { quickClosedCase } from '../cases/case-test-helpers';
import { seedDemoCrossCheck } from './demo-seed';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

const closedCase = () => quickClosedCase(app);

describe('demo 交叉抽查', () => {
  it("draws last month's plans, reviews through the transition core, and runs once", async () => {
    for (let i = 0; i < 3; i++) await closedCase();
    // "Last month" of the 15th of next month is this month, which holds the cases above.
    const [year, month] = chinaDate(new Date()).split('-').map(Number) as [number, number];
    const later = new Date(Date.UTC(year, month, 15));
    const first = await seedDemoCrossCheck(app.db, later);
    expect(first.plans).toBe(1);
    const samples = await app.db.select().from(crossCheckSamples);
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) expect(s.reviewerDistrictId).not.toBe(s.districtId);
    const reviewed = samples.filter((s) => s.verdict !== null);
    expect(reviewed).toHaveLength(first.reviewed);
    if (reviewed.length > 0) {
      const events = await app.db
        .select({ action: caseEvents.action })
        .from(caseEvents)
        .where(
          inArray(
            caseEvents.caseId,
            reviewed.map((s) => s.caseId),
          ),
        );
      expect(events.filter((e) => e.action.startsWith('crossCheck'))).toHaveLength(reviewed.length);
    }
    expect(await seedDemoCrossCheck(app.db, later)).toEqual({ plans: 0, reviewed: 0 });
    expect(await app.db.select().from(crossCheckPlans)).toHaveLength(1);
  });
});
