import { randomBytes } from 'node:crypto';
import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import type { Permission } from '@citygov/domain/permissions';
import bcrypt from 'bcryptjs';
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

export const PUBLIC_REPORTER_USERNAME = 'open311.public';
const DISPLAY_NAME = '公众上报（Open311）';

/** What the public channel may do: report, nothing else. */
const PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['case.report']);

/**
 * The system account public reports are filed under (cases.reported_by), scoped to the
 * whole city. It is inactive with an unknowable password, so nobody can sign in as it
 * and it is never picked for collector tasks (those pick active collectors only).
 * Created when missing; safe to call concurrently.
 */
export async function publicReporter(db: Queryable): Promise<SessionUser> {
  const [city] = await db
    .select({ id: areas.id, path: areas.path, name: areas.name })
    .from(areas)
    .where(eq(areas.level, 'city'))
    .limit(1);
  if (!city) throw new Error('no city area: the database is not seeded');
  const find = () =>
    db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${PUBLIC_REPORTER_USERNAME}`);
  let [row] = await find();
  if (!row) {
    await db
      .insert(users)
      .values({
        username: PUBLIC_REPORTER_USERNAME,
        displayName: DISPLAY_NAME,
        passwordHash: await bcrypt.hash(randomBytes(32).toString('base64url'), 10),
        role: 'collector',
        position: '公众上报通道（系统账号，不可登录）',
        areaId: city.id,
        active: false,
      })
      .onConflictDoNothing();
    [row] = await find();
  }
  if (!row) throw new Error('the public reporter account could not be created');
  return {
    id: row.id,
    username: PUBLIC_REPORTER_USERNAME,
    displayName: DISPLAY_NAME,
    role: 'collector',
    position: '公众上报通道',
    areaId: city.id,
    areaPath: city.path,
    areaName: city.name,
    areaLevel: 'city',
    departmentId: null,
    departmentPath: null,
    departmentIds: [],
    departmentName: null,
    permissions: PERMISSIONS,
  };
}
