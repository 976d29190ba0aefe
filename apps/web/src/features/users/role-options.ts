import { ROLE_CODES, ROLES, type Role } from '@citygov/domain/permissions';

export function roleName(code: string): string {
  return Object.hasOwn(ROLES, code) ? ROLES[code as Role] : code;
}

/** Role choices with Chinese names; only a city-level administrator may hand out 系统管理员. */
export function roleOptions(canAssignAdmin = true) {
  return ROLE_CODES.map((code) => ({
    value: code,
    label: ROLES[code],
    disabled: code === 'admin' && !canAssignAdmin,
  }));
}
