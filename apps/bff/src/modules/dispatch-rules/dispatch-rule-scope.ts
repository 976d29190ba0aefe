import type { Queryable } from '@citygov/db/client';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { areas } from '@citygov/db/schema/org';
import { ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

/**
 * What an administrator may do with a rule, by where it applies: rules inside their
 * area are theirs to edit; rules above it (the whole city, or an area containing theirs)
 * also apply to their cases, so they see them read-only; rules elsewhere are hidden.
 */
export type RuleAccess = 'edit' | 'read' | 'none';

export function ruleAccess(user: SessionUser, areaPath: string | null): RuleAccess {
  if (areaPath === null) return user.areaLevel === 'city' ? 'edit' : 'read';
  if (areaPath.startsWith(user.areaPath)) return 'edit';
  if (user.areaPath.startsWith(areaPath)) return 'read';
  return 'none';
}

/** Loads a rule the caller may change; another district's reads as missing. */
export async function loadEditableRule(db: Queryable, user: SessionUser, id: number) {
  const [row] = await db
    .select({ rule: dispatchRules, areaPath: areas.path })
    .from(dispatchRules)
    .leftJoin(areas, eq(areas.id, dispatchRules.areaId))
    .where(eq(dispatchRules.id, id));
  if (!row) throw new NotFoundError('派遣规则不存在');
  const access = ruleAccess(user, row.areaPath);
  if (access === 'none') throw new NotFoundError('派遣规则不存在');
  if (access === 'read') throw new ForbiddenError('该规则覆盖本辖区以外的区域，只能由上级管理员修改');
  return row.rule;
}
