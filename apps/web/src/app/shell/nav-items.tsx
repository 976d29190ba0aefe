import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FilterOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  MergeCellsOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { Permission } from '@citygov/domain/permissions';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to roles that hold this permission; absent means every signed-in user. */
  permission?: Permission;
}

/** The side navigation, in display order. The permission registry decides who sees what. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/desk', label: '案件办理', icon: <ProfileOutlined />, permission: 'case.view' },
  { path: '/desk/intake', label: '案件登记', icon: <FormOutlined />, permission: 'case.report' },
  { path: '/desk/duplicates', label: '疑似重复', icon: <MergeCellsOutlined />, permission: 'case.file' },
  { path: '/search', label: '综合查询', icon: <SearchOutlined />, permission: 'case.view' },
  { path: '/analytics', label: '统计分析', icon: <BarChartOutlined />, permission: 'dashboard.view' },
  { path: '/map', label: '案件地图', icon: <EnvironmentOutlined />, permission: 'map.view' },
  { path: '/video', label: '视频监控', icon: <VideoCameraOutlined />, permission: 'video.view' },
  { path: '/staff/duty', label: '在岗统计', icon: <FieldTimeOutlined />, permission: 'command.view' },
  { path: '/iot', label: '物联感知', icon: <DashboardOutlined />, permission: 'iot.view' },
  { path: '/enforcement', label: '执法布控', icon: <AlertOutlined />, permission: 'enforcement.view' },
  { path: '/supervision/evaluation', label: '综合评价', icon: <FundOutlined />, permission: 'evaluation.view' },
  { path: '/supervision/cross-check', label: '交叉抽查', icon: <AuditOutlined />, permission: 'crossCheck.review' },
  { path: '/collection', label: '信息采集', icon: <DatabaseOutlined />, permission: 'collection.view' },
  { path: '/admin/org', label: '组织机构', icon: <ApartmentOutlined />, permission: 'org.view' },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, permission: 'user.view' },
  { path: '/admin/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, permission: 'role.view' },
  { path: '/admin/audit', label: '操作日志', icon: <FileSearchOutlined />, permission: 'auditLog.view' },
  { path: '/catalogue', label: '事部件分类', icon: <AppstoreOutlined />, permission: 'category.view' },
  { path: '/admin/dispatch-rules', label: '派遣规则', icon: <BranchesOutlined />, permission: 'rules.manage' },
  { path: '/admin/duplicate-settings', label: '判重设置', icon: <FilterOutlined />, permission: 'rules.manage' },
  { path: '/admin/integrations', label: '外部系统', icon: <ApiOutlined />, permission: 'integration.manage' },
];

export function visibleNavItems(can: (permission: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
}

/** The nav entry a path belongs to: the longest matching prefix, so /admin/users/12 selects 用户管理. */
export function selectedNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '';
}
