import type { Queryable } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import type { PasswordPolicy } from '@citygov/domain/auth/password-policy';
import { ConflictError, ForbiddenError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '../../trpc/error-mapping';
import type { SessionUser } from '../../trpc/session-user';
import {
  hashPassword,
  releaseAccountLocks,
  rememberPassword,
  requirePasswordPolicy,
  setUserPassword,
} from '../auth/api';
import { requireAreaInScope, requireDepartmentInScope } from '../org/api';
import { requireManageableUser, requireUserInScope } from './user-queries';
import type { TCreateUserInput, TUpdateUserInput } from './user-schemas';

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

export async function createUser(db: Queryable, actor: SessionUser, input: TCreateUserInput, policy: PasswordPolicy) {
  await checkPlacement(db, actor, input);
  requirePasswordPolicy(input.password, input.username, policy, 'password');
  const passwordHash = await hashPassword(input.password);
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
    await rememberPassword(db, created.id, passwordHash, policy);
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`用户名「${input.username}」已存在`);
    throw error;
  }
}

export async function updateUser(db: Queryable, actor: SessionUser, input: TUpdateUserInput) {
  await requireManageableUser(db, actor, input.id);
  await checkPlacement(db, actor, input.data);
  const [updated] = await db
    .update(users)
    .set({
      displayName: input.data.displayName,
      role: input.data.role,
      position: input.data.position,
      // Lists send the phone masked, so a form that did not touch it leaves it out: unchanged.
      ...(input.data.phone === undefined ? {} : { phone: input.data.phone }),
      areaId: input.data.areaId,
      departmentId: input.data.departmentId ?? null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, input.id))
    .returning({ id: users.id });
  return updated;
}

export async function setUserActive(db: Queryable, actor: SessionUser, id: number, active: boolean) {
  await requireManageableUser(db, actor, id);
  await db.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id));
  // A disabled account loses its open sessions at once.
  if (!active) await db.delete(sessions).where(eq(sessions.userId, id));
  return { id, active };
}

export async function unlockUser(db: Queryable, actor: SessionUser, id: number) {
  const target = await requireManageableUser(db, actor, id);
  await releaseAccountLocks(db, target.username);
  return { id };
}

export async function resetPassword(
  db: Queryable,
  actor: SessionUser,
  id: number,
  password: string,
  policy: PasswordPolicy,
) {
  const target = await requireManageableUser(db, actor, id);
  await setUserPassword(db, target, password, policy, 'password');
  await releaseAccountLocks(db, target.username);
  await db.delete(sessions).where(eq(sessions.userId, id));
  return { id };
}

/** The full phone number, for holders of personal.view; the mutation's audit row records who looked. */
export async function revealPhone(db: Queryable, viewer: SessionUser, id: number) {
  if (!viewer.permissions.has('user.view')) throw new ForbiddenError('没有权限：需要「user.view」权限');
  const user = await requireUserInScope(db, viewer, id);
  return { id, phone: user.phone };
}
