import type { AuditOutcome } from './api/audit';

/** Chinese names of the audited actions (tRPC paths); unknown ones show their code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'auth.endSession': '下线其他设备',
  'users.create': '新增用户',
  'users.update': '编辑用户',
  'users.setActive': '停用/启用用户',
  'users.unlock': '解锁用户',
  'users.resetPassword': '重置密码',
  'users.revealPhone': '查看完整手机号',
  'org.createDepartment': '新增部门',
  'org.updateDepartment': '编辑部门',
  'org.deleteDepartment': '删除部门',
  'catalogue.update': '修改事部件分类',
  'catalogue.setTimeLimit': '设置处置时限',
};

export const OUTCOME_LABELS: Record<AuditOutcome, { label: string; color: string }> = {
  ok: { label: '成功', color: 'green' },
  denied: { label: '拒绝', color: 'orange' },
  failed: { label: '失败', color: 'red' },
};

export function isOutcome(value: string | null): value is AuditOutcome {
  return value === 'ok' || value === 'denied' || value === 'failed';
}
