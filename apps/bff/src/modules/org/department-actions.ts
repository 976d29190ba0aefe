import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { departments } from '@citygov/db/schema/org';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { zId, zLine } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';
import { refuseIfNamedByRules } from './rules-naming-department';
import { requireAreaInScope, requireDepartmentInScope } from './scope';

export const DEPARTMENT_KINDS = ['command_centre', 'professional', 'squadron', 'sub_unit'] as const;

export const ZCreateDepartmentInput = z.object({
  name: zLine().min(2, '部门名称至少 2 个字').max(60),
  kind: z.enum(DEPARTMENT_KINDS),
  areaId: zId,
  parentId: zId.nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话格式不正确')
    .nullable()
    .optional(),
});

export const ZUpdateDepartmentInput = z.object({
  id: zId,
  data: ZCreateDepartmentInput.pick({ name: true, phone: true }),
});

export async function createDepartment(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZCreateDepartmentInput>,
) {
  await requireAreaInScope(db, user, input.areaId);
  const parent = input.parentId ? await requireDepartmentInScope(db, user, input.parentId) : null;
  if (input.kind === 'sub_unit' && !parent) throw new ValidationError('下级单位必须选择上级部门');
  const [created] = await db
    .insert(departments)
    .values({
      name: input.name,
      kind: input.kind,
      areaId: input.areaId,
      parentId: parent?.id ?? null,
      path: '',
      phone: input.phone ?? null,
    })
    .returning();
  if (!created) throw new ConflictError('部门创建失败');
  const path = `${parent?.path ?? '/'}${created.id}/`;
  await db.update(departments).set({ path }).where(eq(departments.id, created.id));
  return { ...created, path };
}

export async function updateDepartment(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZUpdateDepartmentInput>,
) {
  await requireDepartmentInScope(db, user, input.id);
  const [updated] = await db
    .update(departments)
    .set({ name: input.data.name, phone: input.data.phone ?? null })
    .where(eq(departments.id, input.id))
    .returning();
  return updated;
}

export async function deleteDepartment(db: Queryable, user: SessionUser, id: number) {
  await requireDepartmentInScope(db, user, id);
  const [children] = await db.select({ n: count() }).from(departments).where(eq(departments.parentId, id));
  if ((children?.n ?? 0) > 0) throw new ConflictError('该部门下还有下级单位，不能删除');
  const [staff] = await db.select({ n: count() }).from(users).where(eq(users.departmentId, id));
  if ((staff?.n ?? 0) > 0) throw new ConflictError('该部门下还有人员，请先调整人员后再删除');
  await refuseIfNamedByRules(db, id);
  await db.delete(departments).where(eq(departments.id, id));
  return { id };
}
