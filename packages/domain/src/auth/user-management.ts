/**
 * Who may manage whose account (edit, change role or status, unlock, reset the password).
 * An administrator manages only accounts strictly below them: anyone whose area lies
 * inside and narrower than theirs, or a non-administrator of their own area. So a city
 * administrator manages district administrators, a district administrator manages the
 * staff of the district but not a fellow district administrator, and nobody manages an
 * administrator of the same or a wider scope. Nobody manages their own account through
 * the admin path (their password they change themselves, with the current one).
 */
export interface ManagingUser {
  id: number;
  areaPath: string;
}

export interface ManagedUser {
  id: number;
  role: string;
  areaPath: string;
}

/** Why the actor may not manage the target (Chinese, shown as-is), or null when they may. */
export function userManagementRefusal(actor: ManagingUser, target: ManagedUser): string | null {
  if (target.id === actor.id) return '不能在用户管理中修改自己的账号，修改密码请到首页「我的信息」';
  if (!target.areaPath.startsWith(actor.areaPath)) return '不能管理其他辖区的用户';
  const narrower = target.areaPath.length > actor.areaPath.length;
  if (!narrower && target.role === 'admin') return '不能管理同级的系统管理员账号，请联系上级管理员';
  return null;
}
