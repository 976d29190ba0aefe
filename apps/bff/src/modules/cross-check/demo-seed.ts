import type { Database } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { crossCheckPlans, crossCheckSamples } from '@citygov/db/schema/cross-check';
import { areas } from '@citygov/db/schema/org';
import { DEFAULT_REASON_CODES } from '@citygov/domain/cross-check/reasons';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { DomainError } from '@citygov/domain/errors';
import { seededRandom } from '@citygov/domain/seeded-random';
import { asc, eq } from 'drizzle-orm';
import { loadSessionUser } from '../auth/api';
import { createPlan } from './plans';
import { markSample, reviewSample } from './samples';

const NOTES = [
  '现场复核发现问题仍存在，处置照片与现场不符',
  '处置照片与上报照片角度、光线一致，疑似重复使用',
  '核查位置与案件位置相距较远',
  '结案时问题未彻底解决，存在返潮',
];

/** Last month 'YYYY-MM' (China local time). */
function lastMonth(now: Date): string {
  const [year, month] = chinaDate(now).split('-').map(Number) as [number, number];
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The demo city's last month of 交叉抽查 (after the demo history, on a fresh city only):
 * a 2 % plan per county drawn by the city supervisor, about three in four samples reviewed
 * by their (other-county) supervisors through the same code as the page, a few of them
 * unqualified, one 典型案例 and one 错误案例 in the library.
 */
export async function seedDemoCrossCheck(db: Database, now = new Date()): Promise<{ plans: number; reviewed: number }> {
  const [existing] = await db.select({ id: crossCheckPlans.id }).from(crossCheckPlans).limit(1);
  const [city] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'supervisor'));
  const planner = city ? await loadSessionUser(db, city.id) : null;
  if (existing || !planner) return { plans: 0, reviewed: 0 };
  const month = lastMonth(now);
  const counties = await db.select().from(areas).where(eq(areas.level, 'district')).orderBy(asc(areas.code));
  let plans = 0;
  for (const county of counties) {
    try {
      await db.transaction((tx) => createPlan(tx, planner, { districtId: county.id, month, mode: 'share', amount: 2 }));
      plans += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  const random = seededRandom(20_260_101);
  const samples = await db.select().from(crossCheckSamples).orderBy(asc(crossCheckSamples.id));
  let reviewed = 0;
  let typical = false;
  let wrong = false;
  for (const sample of samples) {
    if (random() > 0.75) continue;
    const reviewer = await loadSessionUser(db, sample.reviewerId);
    if (!reviewer) continue;
    const unqualified = random() < 0.2;
    const first = DEFAULT_REASON_CODES[Math.floor(random() * DEFAULT_REASON_CODES.length)]?.code ?? 'closed_unfixed';
    try {
      await db.transaction(async (tx) => {
        await reviewSample(
          tx,
          reviewer,
          unqualified
            ? {
                id: sample.id,
                verdict: 'unqualified',
                reasonCodes: [first],
                note: NOTES[reviewed % NOTES.length] ?? '',
              }
            : { id: sample.id, verdict: 'qualified', reasonCodes: [], note: '' },
        );
        if (unqualified && !wrong) {
          await markSample(tx, reviewer, { id: sample.id, mark: 'error', note: '处置不到位即结案，供培训使用' });
          wrong = true;
        } else if (!unqualified && !typical) {
          await markSample(tx, reviewer, { id: sample.id, mark: 'typical', note: '处置规范、照片清晰的典型案例' });
          typical = true;
        }
      });
      reviewed += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { plans, reviewed };
}
