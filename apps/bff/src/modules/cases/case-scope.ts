import { caseDepartments, cases } from '@citygov/db/schema/cases';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

export interface ScopeOptions {
  /**
   * The caller's own conditions already keep `lead_department_id` within the user's
   * departments (待签收 / 处置中), which implies the department arm. Left in, its OR with the
   * assisted cases hid from the planner that the district / department index gives the
   * queue's order: a handler's 处置中 page read all 22,267 of the department's cases at 10M
   * cases and sorted them (90 ms) instead of the newest 20 (1 ms).
   */
  ledByOwnDepartment?: boolean;
}

/**
 * Which cases a user may work on: those in their area (one indexed column per level),
 * narrowed to their department's cases for department staff. Every action, task list and
 * helper that acts on a case goes through this; undefined means city-wide.
 */
export function caseWorkScope(user: SessionUser, options: ScopeOptions = {}): SQL | undefined {
  const area = areaCondition(user);
  // Department staff who handle cases see their department's; command-centre staff are scoped by area only.
  if (user.departmentIds.length > 0 && user.permissions.has('case.handle')) {
    return options.ledByOwnDepartment ? area : and(area, departmentCondition(user));
  }
  // 街长制: a chief also works the cases routed to them from outside their area (交接班).
  return area && user.permissions.has('street.handle') ? or(area, eq(cases.chiefUserId, user.id)) : area;
}

/**
 * Which cases a user may see: those they may work on, and what they reported themselves
 * (a reporter follows their report wherever it lies). Seeing one's own report is not
 * permission to work on it: actions use `caseWorkScope`.
 */
export function caseScope(user: SessionUser, options: ScopeOptions = {}): SQL | undefined {
  const own = caseWorkScope(user, options);
  // City-wide staff without a department limit see everything.
  if (!own) return undefined;
  // Only reporters need "or mine"; for everyone else the OR would stop the district /
  // street / department index from serving their queues.
  return user.permissions.has('case.report') ? or(own, eq(cases.reportedBy, user.id)) : own;
}

/**
 * Cases led by the user's department (or a unit below it), or which it assists. The
 * assisting case ids are read once into an array (an InitPlan), so both arms are index
 * conditions and PostgreSQL combines them with a BitmapOr; a correlated EXISTS per case
 * row measured ~145 ms for a handler's queue at 1M cases (bench/case-queues.ts).
 */
function departmentCondition(user: SessionUser): SQL {
  const ids = [...user.departmentIds];
  return or(
    inArray(cases.leadDepartmentId, ids),
    sql`${cases.id} = any(array(select ${caseDepartments.caseId} from ${caseDepartments}
      where ${caseDepartments.role} = 'assist' and ${inArray(caseDepartments.departmentId, ids)}))`,
  ) as SQL;
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
