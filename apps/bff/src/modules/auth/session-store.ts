import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { ConflictError, NotFoundError } from '@citygov/domain/errors';
import { isRole, permissionsOf } from '@citygov/domain/permissions';
import { and, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

export const SESSION_COOKIE = 'citygov_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opens a session and ends the user's expired ones and the oldest beyond `maxPerUser`.
 * Callers hold the user's row lock (login updates `users` first), so two logins of one
 * user at once cannot both keep their extra session.
 */
export async function createSession(
  db: Queryable,
  input: {
    userId: number;
    ip: string | null;
    userAgent: string | null;
    maxAgeMs: number;
    maxPerUser: number;
    kiosk?: 'wall';
  },
): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const now = new Date();
  await db.insert(sessions).values({
    id,
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + input.maxAgeMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    kiosk: input.kiosk ?? null,
  });
  const beyondCap = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, input.userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.lastSeenAt))
    .offset(input.maxPerUser);
  const ended = beyondCap.map((s) => s.id).filter((old) => old !== id);
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, input.userId),
        ended.length > 0 ? or(lte(sessions.expiresAt, now), inArray(sessions.id, ended)) : lte(sessions.expiresAt, now),
      ),
    );
  return { token, id };
}

/** The user's open sessions, newest first, for 登录设备 on their home page. */
export async function listOwnSessions(db: Queryable, userId: number, currentId: string | null) {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt));
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** Ends one of the user's other sessions (another device); the current one ends by logging out. */
export async function endOwnSession(db: Queryable, userId: number, currentId: string | null, id: string) {
  if (id === currentId) throw new ConflictError('当前会话请使用「退出登录」结束');
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new NotFoundError('会话不存在或已结束');
  return { ok: true as const };
}

/**
 * What a session user is read from: the user with their area, department and the ids of
 * every unit under that department (sub_unit: the department scope), in one statement (it
 * runs on every request).
 */
const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  position: users.position,
  active: users.active,
  areaId: users.areaId,
  areaPath: areas.path,
  areaName: areas.name,
  areaLevel: areas.level,
  departmentId: users.departmentId,
  departmentPath: departments.path,
  departmentName: departments.name,
  departmentIds: sql<number[] | null>`(select array_agg(sub_unit.id) from ${departments} sub_unit
    where sub_unit.path like ${departments.path} || '%')`,
};

/** The columns above, as read through outer joins (a session whose user is gone reads nulls). */
interface SessionUserRow {
  id: number | null;
  username: string | null;
  displayName: string | null;
  role: string | null;
  position: string | null;
  active: boolean | null;
  areaId: number | null;
  areaPath: string | null;
  areaName: string | null;
  areaLevel: string | null;
  departmentId: number | null;
  departmentPath: string | null;
  departmentName: string | null;
  departmentIds: number[] | null;
}

function toSessionUser(row: SessionUserRow | undefined): SessionUser | null {
  if (!row?.active || row.id === null || row.role === null || !isRole(row.role)) return null;
  const { id, username, displayName, position, areaId, areaPath, areaName, areaLevel } = row;
  if (username === null || displayName === null || position === null || areaId === null) return null;
  if (areaPath === null || areaName === null || areaLevel === null) return null;
  return {
    id,
    username,
    displayName,
    role: row.role,
    position,
    areaId,
    areaPath,
    areaName,
    areaLevel,
    departmentId: row.departmentId,
    departmentPath: row.departmentPath,
    departmentIds: (row.departmentIds ?? []).map(Number),
    departmentName: row.departmentName,
    permissions: permissionsOf(row.role),
  };
}

export async function loadSessionUser(db: Queryable, userId: number): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  return toSessionUser(row);
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'expired'; message: string }
  | { kind: 'live'; sessionId: string; user: SessionUser };

/**
 * Resolves a cookie token to a live session. Idle sessions expire; the last-seen
 * time is only written when it is a minute old, so a busy screen does not write on
 * every request.
 */
export async function resolveSession(
  db: Queryable,
  token: string | undefined,
  idleMs: number,
  now = new Date(),
): Promise<SessionLookup> {
  if (!token) return { kind: 'none' };
  const id = hashToken(token);
  // The session and its user in one statement: this runs before every procedure.
  const [found] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      kiosk: sessions.kiosk,
      user: sessionUserColumns,
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(sessions.id, id));
  const session = found;
  if (!session) return { kind: 'expired', message: '会话已失效，请重新登录' };
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  // A wall kiosk runs unattended for days: only its absolute lifetime ends it.
  const idledOut = session.kiosk === null && idleFor > idleMs;
  if (session.expiresAt <= now || idledOut) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: 'expired', message: '长时间未操作，会话已过期，请重新登录' };
  }
  const user = toSessionUser(session.user);
  if (!user) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: 'expired', message: '账号已停用，请联系管理员' };
  }
  if (idleFor > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { kind: 'live', sessionId: id, user: session.kiosk === 'wall' ? asWallKiosk(user) : user };
}

/** A kiosk session's user: the wall's one permission, whatever the role holds besides. */
export function asWallKiosk(user: SessionUser): SessionUser {
  return {
    ...user,
    kiosk: 'wall',
    permissions: new Set(user.permissions.has('dashboard.view') ? ['dashboard.view'] : []),
  };
}
