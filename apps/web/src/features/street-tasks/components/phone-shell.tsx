import { CameraOutlined, FileTextOutlined, FlagOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../../lib/session/session-context';
import { useStreetQueues } from '../api/street-cases';
import { canReport, worksChiefCases, worksTasks } from '../street-roles';
import styles from './phone.module.css';

export interface PhoneTab {
  to: string;
  label: string;
  icon: ReactNode;
  badge?: number;
}

/** Scrolling a field into view (focus, errors) must not leave it under the sticky top bar or the tab bar. */
function useScrollPadding() {
  useEffect(() => {
    const root = document.documentElement.style;
    root.scrollPaddingTop = '60px';
    root.scrollPaddingBottom = '76px';
    return () => {
      root.scrollPaddingTop = '';
      root.scrollPaddingBottom = '';
    };
  }, []);
}

/**
 * The phone layout for /m/…: page content above a bottom tab bar (上报 / 任务 / 我的上报);
 * the surface adds tabs of other features (在岗).
 */
export function PhoneShell({ extraTabs = [] }: { extraTabs?: readonly PhoneTab[] }) {
  const { can } = useSession();
  const tasks = worksTasks(can);
  const queues = useStreetQueues();
  const open = tasks ? (queues.data ?? []).reduce((sum, q) => sum + q.count, 0) : 0;
  useScrollPadding();
  const tabs: PhoneTab[] = [
    ...(canReport(can) ? [{ to: '/m/report', label: '上报', icon: <CameraOutlined aria-hidden="true" /> }] : []),
    ...(worksChiefCases(can) ? [{ to: '/m/chief', label: '街面', icon: <FlagOutlined aria-hidden="true" /> }] : []),
    ...(tasks ? [{ to: '/m/tasks', label: '任务', icon: <ScheduleOutlined aria-hidden="true" />, badge: open }] : []),
    ...(canReport(can) ? [{ to: '/m/mine', label: '我的上报', icon: <FileTextOutlined aria-hidden="true" /> }] : []),
    ...extraTabs,
  ];
  return (
    <div className={styles.app}>
      <Outlet />
      <nav aria-label="底部导航" className={styles.tabBar}>
        <div className={styles.tabBarInner}>
          {tabs.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
            >
              <Badge count={tab.badge ?? 0} size="small" offset={[6, 0]}>
                <span className={styles.tabIcon} aria-hidden="true">
                  {tab.icon}
                </span>
              </Badge>
              <span>{tab.label}</span>
            </NavLink>
          ))}
        </div>
      </nav>
    </div>
  );
}
