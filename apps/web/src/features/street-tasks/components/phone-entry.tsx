import { MobileOutlined, RightOutlined } from '@ant-design/icons';
import type { Permission, Role } from '@citygov/domain/permissions';
import { Grid } from 'antd';
import { Link } from 'react-router';
import { phoneHome, STREET_ROLES } from '../street-roles';

/**
 * The big 街面移动端 entry on the portal home, for collectors, department handlers and
 * street chiefs on a phone-sized screen. Desk screens and other roles see nothing.
 */
export function PhoneWorkbenchEntry({ role, can }: { role: Role; can: (permission: Permission) => boolean }) {
  const screens = Grid.useBreakpoint();
  if (screens.md !== false || !STREET_ROLES.has(role)) return null;
  const reports = can('case.report');
  return (
    <Link
      to={phoneHome(can)}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 14,
        padding: '18px 16px',
        marginBottom: 16,
        borderRadius: 12,
        background: 'linear-gradient(135deg, #1558b0, #17735d)',
        color: '#fff',
      }}
    >
      <MobileOutlined style={{ fontSize: 34 }} aria-hidden="true" />
      <span style={{ flex: 1, minWidth: 0 }}>
        <span style={{ display: 'block', fontSize: 20, fontWeight: 600 }}>进入街面移动端</span>
        <span style={{ display: 'block', fontSize: 14 }}>
          {reports ? '现场上报 · 核实核查任务 · 我的上报' : '待签收 · 处置反馈 · 延期与回退申请'}
        </span>
      </span>
      <RightOutlined aria-hidden="true" />
    </Link>
  );
}
