import type { Queryable } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { ConflictError, ForbiddenError } from '@citygov/domain/errors';
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { isUniqueViolation } from '../../trpc/error-mapping';
import { requireAreaInScope, requireDepartmentInScope } from '../org/scope';
import { requireUserInScope } from './user-queries';
import type { TCreateUserInput, TUpdateUserInput } from './user-schemas';

const BCRYPT_COST = 10;

async function checkPlacement(
  db: Queryable,
  actor: SessionUser,
  data: { areaId: number; departmentId?: number | null | undefined; role: string },
) {
  await requireAreaInScope(db, actor, data.areaId);
  if (data.departmentId) await requireDepartmentInScope(db, actor, data.departmentId);
  // Only a city-wide administrator may create or promote administrators.
  if (data.role === 'admin' && actor.areaLevel !== 'city') {
    throw new ForbiddenError('只有市级系统管理员可以设置管理员角色');
  }
}

export async function createUser(db: Queryable, actor: SessionUser, input: TCreateUserInput) {
  await checkPlacement(db, actor, input);
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  try {
    const [created] = await db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        position: input.position,
        phone: input.phone ?? null,
        areaId: input.areaId,
        departmentId: input.departmentId ?? null,
      })
      .returning({ id: users.id, username: users.username });
    if (!created) throw new ConflictError('用户创建失败');
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`用户名「${input.username}」已存在`);
    throw error;
  }
}

export async function updateUser(db: Queryable, actor: SessionUser, input: TUpdateUserInput) {
  await requireUserInScope(db, actor, input.id);
  await checkPlacement(db, actor, input.data);
  const [updated] = await db
    .update(users)
    .set({
      displayName: input.data.displayName,
      role: input.data.role,
      position: input.data.position,
      phone: input.data.phone ?? null,
      areaId: input.data.areaId,
      departmentId: input.data.departmentId ?? null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, input.id))
    .returning({ id: users.id });
  return updated;
}

export async function setUserActive(db: Queryable, actor: SessionUser, id: number, active: boolean) {
  if (id === actor.id && !active) throw new ConflictError('不能停用自己的账号');
  await requireUserInScope(db, actor, id);
  await db.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id));
  // A disabled account loses its open sessions at once.
  if (!active) await db.delete(sessions).where(eq(sessions.userId, id));
  return { id, active };
}

export async function unlockUser(db: Queryable, actor: SessionUser, id: number) {
  await requireUserInScope(db, actor, id);
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id));
  return { id };
}

export async function resetPassword(db: Queryable, actor: SessionUser, id: number, password: string) {
  await requireUserInScope(db, actor, id);
  const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
  await db
    .update(users)
    .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: new Date() })
    .where(eq(users.id, id));
  await db.delete(sessions).where(eq(sessions.userId, id));
  return { id };
}
