import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { chiefDelegations, streetChiefs } from '@citygov/db/schema/street-chiefs';
import {
  type ChiefLevel,
  type ChiefLine,
  type DelegationWindow,
  delegationCovers,
  receiverFor,
} from '@citygov/domain/street-chiefs/chief-lines';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';

type DelegationRow = typeof chiefDelegations.$inferSelect;

function windowOf(row: DelegationRow): DelegationWindow {
  return { ...row, gridIds: row.gridIds ?? null };
}

/** Delegations that have not ended by `now` (a scheduled one may start later). */
function notEnded(now: Date) {
  return and(gt(chiefDelegations.endsAt, now), or(isNull(chiefDelegations.endedAt), gt(chiefDelegations.endedAt, now)));
}

export interface ChiefReceiver {
  userId: number;
  displayName: string;
  /** The chief whose post it is, when a 交接班 sent the case to their delegate. */
  delegatedFrom: { userId: number; displayName: string } | null;
}

/**
 * Who receives a case for a grid's post (line × level) now: its chief, or their delegate
 * while a 交接班 window covering the grid runs. null when the post is empty.
 */
export async function receiverForPost(
  db: Queryable,
  gridId: number,
  line: ChiefLine,
  level: ChiefLevel,
  now: Date,
): Promise<ChiefReceiver | null> {
  const [post] = await db
    .select({ userId: streetChiefs.userId })
    .from(streetChiefs)
    .where(and(eq(streetChiefs.gridId, gridId), eq(streetChiefs.line, line), eq(streetChiefs.level, level)));
  if (!post) return null;
  const delegations = await db
    .select()
    .from(chiefDelegations)
    .where(and(eq(chiefDelegations.fromUserId, post.userId), notEnded(now)));
  const receiver = receiverFor(post.userId, gridId, delegations.map(windowOf), now);
  const ids = receiver.delegatedFrom ? [receiver.userId, receiver.delegatedFrom] : [receiver.userId];
  const names = new Map(
    (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return {
    userId: receiver.userId,
    displayName: names.get(receiver.userId) ?? `#${receiver.userId}`,
    delegatedFrom: receiver.delegatedFrom
      ? { userId: receiver.delegatedFrom, displayName: names.get(receiver.delegatedFrom) ?? '' }
      : null,
  };
}

export interface ChiefPosts {
  street: ChiefLine[];
  area: ChiefLine[];
}

/** The posts a user holds for one grid, their own and those a running 交接班 passed to them. */
export async function chiefPostsFor(db: Queryable, userId: number, gridId: number, now: Date): Promise<ChiefPosts> {
  const received = await db
    .select()
    .from(chiefDelegations)
    .where(and(eq(chiefDelegations.toUserId, userId), notEnded(now)));
  const holders = [
    userId,
    ...received.filter((d) => delegationCovers(windowOf(d), gridId, now)).map((d) => d.fromUserId),
  ];
  const posts = await db
    .select({ line: streetChiefs.line, level: streetChiefs.level })
    .from(streetChiefs)
    .where(and(eq(streetChiefs.gridId, gridId), inArray(streetChiefs.userId, holders)));
  const lines = (level: ChiefLevel) => [...new Set(posts.filter((p) => p.level === level).map((p) => p.line))];
  return { street: lines('street'), area: lines('area') };
}

/**
 * The posts a user acts on now, per grid (own posts and running delegations to them), for
 * their queue. A chief holds at most a few hundred grids' posts.
 */
export async function chiefPostsByGrid(db: Queryable, userId: number, now: Date): Promise<Map<number, ChiefPosts>> {
  const received = (
    await db
      .select()
      .from(chiefDelegations)
      .where(and(eq(chiefDelegations.toUserId, userId), notEnded(now)))
  ).filter((d) => d.startsAt <= now);
  const holders = [userId, ...received.map((d) => d.fromUserId)];
  const posts = await db
    .select({
      gridId: streetChiefs.gridId,
      userId: streetChiefs.userId,
      line: streetChiefs.line,
      level: streetChiefs.level,
    })
    .from(streetChiefs)
    .where(inArray(streetChiefs.userId, holders));
  const byGrid = new Map<number, ChiefPosts>();
  for (const post of posts) {
    const mine =
      post.userId === userId ||
      received.some((d) => d.fromUserId === post.userId && delegationCovers(windowOf(d), post.gridId, now));
    if (!mine) continue;
    const entry = byGrid.get(post.gridId) ?? { street: [], area: [] };
    if (!entry[post.level].includes(post.line)) entry[post.level].push(post.line);
    byGrid.set(post.gridId, entry);
  }
  return byGrid;
}
