import { ROLE_CODES } from '@citygov/domain/permissions';
import { z } from 'zod';
import { zId, zLine, zPage } from '../../trpc/input-types';

const roleEnum = z.enum(ROLE_CODES as [string, ...string[]]);

// The rules (length, classes, weak and recent passwords) are the policy's, checked by the server
// with code PASSWORD_POLICY on every path that sets a password; here only a sane bound.
export const ZPassword = z.string().min(1, '请输入密码').max(128, '密码最多 128 位');

const userFields = {
  displayName: zLine().min(2, '姓名至少 2 个字').max(30),
  role: roleEnum,
  position: zLine().max(40).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号须为 11 位数字')
    .nullable()
    .optional(),
  areaId: zId,
  departmentId: zId.nullable().optional(),
};

export const ZListUsersInput = z.object({
  q: zLine().max(40).optional(),
  role: roleEnum.optional(),
  areaId: zId.optional(),
  status: z.enum(['active', 'inactive', 'locked']).optional(),
  page: zPage,
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const ZCreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少 3 位')
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字、点、下划线和连字符'),
  password: ZPassword,
  ...userFields,
});

export const ZUpdateUserInput = z.object({ id: zId, data: z.object(userFields) });
export const ZSetUserActiveInput = z.object({ id: zId, active: z.boolean() });
export const ZResetPasswordInput = z.object({ id: zId, password: ZPassword });

export type TListUsersInput = z.infer<typeof ZListUsersInput>;
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;
