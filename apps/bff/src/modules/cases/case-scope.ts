import { caseDepartments, cases } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import { and, eq, exists, like, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';

/**
 * Which cases a user may see: those in their area (one indexed column per level),
 * narrowed to their department's cases for department staff; a reporter always
 * sees what they reported.
 */
export function caseScope(user: SessionUser): SQL | undefined {
  const area = areaCondition(user);
  // Department staff who handle cases see their department's; command-centre staff are scoped by area only.
  const department =
    user.departmentPath && user.permissions.has('case.handle')
      ? exists(
          sql`(select 1 from ${caseDepartments} inner join ${departments} on ${departments.id} = ${caseDepartments.departmentId}
             where ${caseDepartments.caseId} = ${cases.id} and ${like(departments.path, `${user.departmentPath}%`)})`,
        )
      : undefined;
  const own = department ? and(area, department) : area;
  // City-wide staff without a department limit see everything.
  if (!own) return undefined;
  // Reporters need "or mine". For area-scoped staff the OR would stop the district /
  // street index from serving their queue counts, so they go without it. Department
  // handlers keep it: without it the planner runs the department EXISTS per row, which
  // measured 5× slower at 1M cases (bench/case-queues.ts).
  const keepOr = user.permissions.has('case.report') || department !== undefined;
  return keepOr ? or(own, eq(cases.reportedBy, user.id)) : own;
}

function areaCondition(user: SessionUser): SQL | undefined {
  switch (user.areaLevel) {
    case 'city':
      return undefined;
    case 'district':
      return eq(cases.districtId, user.areaId);
    case 'street':
      return eq(cases.streetId, user.areaId);
    case 'community':
      return eq(cases.communityId, user.areaId);
    default:
      return eq(cases.gridId, user.areaId);
  }
}
