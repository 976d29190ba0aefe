import type { Queryable } from '@citygov/db/client';
import type { cases } from '@citygov/db/schema/cases';
import { departmentPerformance, handledOnTime } from '@citygov/domain/dispatch/department-performance';
import { rankSimilar } from '@citygov/domain/dispatch/similar-closed-cases';
import { haversineM, textSimilarity } from '@citygov/domain/intake/duplicate-score';
import { textTokens } from '../../lib/text/segment';
import type { SessionUser } from '../../trpc/session-user';
import { loadWorkingCalendar } from '../calendar/api';
import { categoryModel } from '../category-model/api';
import { departmentNames } from '../org/api';
import {
  type ClosedCase,
  closedInDistrict,
  closedNearby,
  handlingEvents,
  handlingLimits,
  LOOKBACK_DAYS,
} from './assistant-candidates';

type CaseRow = typeof cases.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

function hoursBetween(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  return Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;
}

/**
 * What closed cases of the same category tell the dispatcher: the five most similar
 * (near, or alike in text) with who closed them and how fast, and per department of the
 * district how many it closed, its median dispatch → close time and its on-time share.
 */
export async function closedCaseInsights(db: Queryable, user: SessionUser, row: CaseRow, now: Date) {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  // Two independent reads: on a pool they run side by side.
  const [district, nearby] = await Promise.all([
    closedInDistrict(db, user, row, since),
    closedNearby(db, user, row, since),
  ]);
  const similar = await mostSimilar(db, row, [...district, ...nearby]);
  const performance = await performanceOf(db, row, district);
  const names = await departmentNames(db, [
    ...similar.flatMap((c) => (c.leadDepartmentId ? [c.leadDepartmentId] : [])),
    ...performance.map((p) => p.departmentId),
  ]);
  return {
    similar: similar.map((c) => ({
      caseId: c.id,
      caseNo: c.caseNo,
      description: c.description,
      address: c.address,
      leadDepartmentId: c.leadDepartmentId,
      leadDepartmentName: c.leadDepartmentId ? (names.get(c.leadDepartmentId) ?? null) : null,
      closedAt: c.closedAt,
      handleHours: hoursBetween(c.dispatchedAt, c.closedAt),
      distanceM: Math.round(c.distanceM),
      textSimilarity: Math.round(c.text * 100) / 100,
      score: c.score,
    })),
    departments: performance.map((p) => ({ ...p, name: names.get(p.departmentId) ?? `#${p.departmentId}` })),
    sample: { days: LOOKBACK_DAYS, districtCases: district.length, nearbyCases: nearby.length },
  };
}

async function mostSimilar(db: Queryable, row: CaseRow, candidates: readonly ClosedCase[]) {
  const model = await categoryModel(db);
  const idf = (token: string) => model.idf.get(token) ?? model.unseenIdf;
  const own = textTokens(row.description);
  const unique = new Map(candidates.map((c) => [c.id, c]));
  return rankSimilar(
    [...unique.values()].map((c) => ({
      ...c,
      distanceM: haversineM(row.lng, row.lat, c.lng, c.lat),
      text: textSimilarity(own, textTokens(c.description), idf),
    })),
  );
}

async function performanceOf(db: Queryable, row: CaseRow, district: readonly ClosedCase[]) {
  const led = district.filter((c) => c.leadDepartmentId !== null);
  const [events, limits, calendar] = await Promise.all([
    handlingEvents(
      db,
      led.map((c) => c.id),
    ),
    handlingLimits(db, row),
    loadWorkingCalendar(db),
  ]);
  return departmentPerformance(
    led.map((c) => ({
      departmentId: c.leadDepartmentId ?? 0,
      hours: hoursBetween(c.dispatchedAt, c.closedAt),
      onTime: c.dispatchedAt
        ? handledOnTime(calendar, c.dispatchedAt, limits.get(c.urgency) ?? null, events.get(c.id) ?? [])
        : null,
    })),
  );
}
