import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { chiefDelegations, streetChiefs } from '@citygov/db/schema/street-chiefs';
import { NotFoundError, ValidationError } from '@citygov/domain/errors';
import {
  chiefTitle,
  DELEGATION_STATE_NAMES,
  delegationProblem,
  delegationState,
} from '@citygov/domain/street-chiefs/chief-lines';
import { aliasedTable, and, asc, desc, eq, inArray, like, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { zId, zInstant, zLine } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';

export const ZDelegateInput = z.object({
  toUserId: zId,
  /** Omitted: every grid of the chief's posts. */
  gridIds: z.array(zId).min(1, '请选择网格').max(500).optional(),
  startsAt: zInstant,
  endsAt: zInstant,
  reason: zLine().min(1, '请填写交接原因').max(200),
});
export type TDelegateInput = z.infer<typeof ZDelegateInput>;

/** The district part of a materialised area path ("/1/3/17/" → "/1/3/"). */
function districtPrefix(areaPath: string): string {
  const parts = areaPath.split('/').filter(Boolean);
  return `/${parts.slice(0, 2).join('/')}/`;
}

/** A chief's own posts: the grids (code and name) with their line and level, for the 交接班 form. */
export async function myPosts(db: Queryable, user: SessionUser) {
  const rows = await db
    .select({
      gridId: streetChiefs.gridId,
      line: streetChiefs.line,
      level: streetChiefs.level,
      code: areas.code,
      name: areas.name,
    })
    .from(streetChiefs)
    .innerJoin(areas, eq(areas.id, streetChiefs.gridId))
    .where(eq(streetChiefs.userId, user.id))
    .orderBy(asc(areas.code));
  const titles = [...new Set(rows.map((r) => chiefTitle(r.line, r.level)))];
  const grids = new Map<number, { id: number; code: string; name: string }>();
  for (const r of rows) grids.set(r.gridId, { id: r.gridId, code: r.code, name: r.name });
  return { titles, grids: [...grids.values()] };
}

/** Who may take over: active street chiefs of the same district. */
export async function delegateCandidates(db: Queryable, user: SessionUser) {
  return db
    .select({ id: users.id, displayName: users.displayName, position: users.position })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(
      and(
        eq(users.role, 'street_chief'),
        eq(users.active, true),
        ne(users.id, user.id),
        like(areas.path, `${districtPrefix(user.areaPath)}%`),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** 交接班: the chief passes some or all of their grids to another person for a time window. */
export async function delegate(db: Queryable, user: SessionUser, input: TDelegateInput, now = new Date()) {
  const problem = delegationProblem({ fromUserId: user.id, ...input }, now);
  if (problem) throw new ValidationError(problem, { field: 'endsAt' });
  const candidate = (await delegateCandidates(db, user)).find((c) => c.id === input.toUserId);
  if (!candidate) throw new ValidationError('接班人须为本区在岗的街长/片长', { field: 'toUserId' });
  const own = new Set((await myPosts(db, user)).grids.map((g) => g.id));
  if (own.size === 0) throw new ValidationError('您没有负责的网格，无需交接');
  const foreign = input.gridIds?.find((id) => !own.has(id));
  if (foreign !== undefined) throw new ValidationError('只能交接自己负责的网格', { field: 'gridIds' });
  const [row] = await db
    .insert(chiefDelegations)
    .values({
      fromUserId: user.id,
      toUserId: input.toUserId,
      gridIds: input.gridIds ? [...new Set(input.gridIds)] : null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason,
      createdBy: user.id,
      createdAt: now,
    })
    .returning({ id: chiefDelegations.id });
  return { id: row?.id ?? 0, toName: candidate.displayName };
}

/** Ends one's own delegation now (early); one already over stays as it was. */
export async function endDelegation(db: Queryable, user: SessionUser, id: number, now = new Date()) {
  const [row] = await db
    .select()
    .from(chiefDelegations)
    .where(
      and(
        eq(chiefDelegations.id, id),
        or(eq(chiefDelegations.fromUserId, user.id), eq(chiefDelegations.toUserId, user.id)),
      ),
    );
  if (!row) throw new NotFoundError('交接记录不存在');
  if (delegationState({ ...row, gridIds: row.gridIds ?? null }, now) === 'ended') {
    throw new ValidationError('该交接已结束');
  }
  await db.update(chiefDelegations).set({ endedAt: now }).where(eq(chiefDelegations.id, id));
  return { id };
}

const fromUser = aliasedTable(users, 'from_user');
const toUser = aliasedTable(users, 'to_user');

/** The delegation log of a chief: what they handed over and what was handed to them, newest first. */
export async function listDelegations(db: Queryable, user: SessionUser, now = new Date()) {
  const rows = await db
    .select({
      id: chiefDelegations.id,
      fromUserId: chiefDelegations.fromUserId,
      toUserId: chiefDelegations.toUserId,
      fromName: fromUser.displayName,
      toName: toUser.displayName,
      gridIds: chiefDelegations.gridIds,
      startsAt: chiefDelegations.startsAt,
      endsAt: chiefDelegations.endsAt,
      endedAt: chiefDelegations.endedAt,
      reason: chiefDelegations.reason,
      createdAt: chiefDelegations.createdAt,
    })
    .from(chiefDelegations)
    .innerJoin(fromUser, eq(fromUser.id, chiefDelegations.fromUserId))
    .innerJoin(toUser, eq(toUser.id, chiefDelegations.toUserId))
    .where(or(eq(chiefDelegations.fromUserId, user.id), eq(chiefDelegations.toUserId, user.id)))
    .orderBy(desc(chiefDelegations.createdAt), desc(chiefDelegations.id))
    .limit(100);
  const gridIds = [...new Set(rows.flatMap((r) => r.gridIds ?? []))];
  const gridNames = new Map(
    gridIds.length > 0
      ? (await db.select({ id: areas.id, code: areas.code }).from(areas).where(inArray(areas.id, gridIds))).map((g) => [
          g.id,
          g.code,
        ])
      : [],
  );
  return rows.map((r) => {
    const state = delegationState({ ...r, gridIds: r.gridIds ?? null }, now);
    return {
      ...r,
      direction: r.fromUserId === user.id ? ('given' as const) : ('received' as const),
      grids: r.gridIds ? r.gridIds.map((id) => gridNames.get(id) ?? `#${id}`) : null,
      state,
      stateName: DELEGATION_STATE_NAMES[state],
    };
  });
}
