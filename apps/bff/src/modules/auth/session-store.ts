import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { ConflictError, NotFoundError } from '@citygov/domain/errors';
import { isRole, permissionsOf } from '@citygov/domain/permissions';
import { and, desc, eq, gt, inArray, like, lte, or } from 'drizzle-orm';
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

export async function loadSessionUser(db: Queryable, userId: number): Promise<SessionUser | null> {
  const rows = await db
    .select({
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
    })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  const row = rows[0];
  if (!row?.active || !isRole(row.role)) return null;
  const { active: _active, ...rest } = row;
  const departmentIds = row.departmentPath
    ? (
        await db
          .select({ id: departments.id })
          .from(departments)
          .where(like(departments.path, `${row.departmentPath}%`))
      ).map((d) => d.id)
    : [];
  return { ...rest, departmentIds, role: row.role, permissions: permissionsOf(row.role) };
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
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!session) return { kind: 'expired', message: '会话已失效，请重新登录' };
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  // A wall kiosk runs unattended for days: only its absolute lifetime ends it.
  const idledOut = session.kiosk === null && idleFor > idleMs;
  if (session.expiresAt <= now || idledOut) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: 'expired', message: '长时间未操作，会话已过期，请重新登录' };
  }
  const user = await loadSessionUser(db, session.userId);
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
