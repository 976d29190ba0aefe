import { isInFuture } from '../../lib/format';

export type UserStatus = 'active' | 'inactive' | 'locked';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: '正常',
  inactive: '已停用',
  locked: '已锁定',
};

export function isUserStatus(value: string | null): value is UserStatus {
  return value === 'active' || value === 'inactive' || value === 'locked';
}

/** A locked account is reported as locked even when it is also disabled: unlocking is the next step. */
export function userStatusOf(user: { active: boolean; lockedUntil: Date | string | null }): UserStatus {
  if (isInFuture(user.lockedUntil)) return 'locked';
  return user.active ? 'active' : 'inactive';
}
