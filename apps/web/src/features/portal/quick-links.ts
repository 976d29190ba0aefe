import type { Permission } from '@citygov/domain/permissions';

export interface QuickLink {
  path: string;
  name: string;
  description: string;
  permission: Permission;
}

/** Shortcuts on the portal home, each shown only to roles holding its permission. */
export const QUICK_LINKS: readonly QuickLink[] = [
  { path: '/wall', name: '指挥大厅', description: '城市运行指挥大厅大屏', permission: 'dashboard.view' },
  { path: '/map', name: '案件地图', description: '案件分布、网格与图层，框选查询', permission: 'map.view' },
  {
    path: '/catalogue',
    name: '事部件分类',
    description: '分类标准、立案结案条件与处置时限',
    permission: 'category.view',
  },
  { path: '/admin/org', name: '组织机构', description: '区域划分与部门设置', permission: 'org.view' },
  { path: '/admin/users', name: '用户管理', description: '工作人员账号、角色与状态', permission: 'user.view' },
  { path: '/admin/roles', name: '角色权限', description: '各角色的功能权限矩阵', permission: 'role.view' },
  { path: '/admin/audit', name: '操作日志', description: '登录与管理操作记录', permission: 'auditLog.view' },
];
