import { ROLE_CODES } from '@citygov/domain/permissions';
import { z } from 'zod';
import { zId, zLine, zPage } from '../../trpc/input-types';

const roleEnum = z.enum(ROLE_CODES as [string, ...string[]]);

export const ZPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(64, '密码最多 64 位')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/\d/, '密码须包含数字');

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
