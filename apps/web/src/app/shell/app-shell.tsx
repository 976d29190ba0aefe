import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router';
import { RequireSession } from '../../features/auth/components/require-session';
import { useSession } from '../../lib/session/session-context';
import styles from './app-shell.module.css';
import { RoutePermissionGate } from './route-permission-gate';
import { SideNav } from './side-nav';
import { UserBar } from './user-bar';

/**
 * Signed-in layout. Desk (≥1200px): full sider. Tablet (768–1199px): icon-only sider.
 * Phone (<768px): no sider; the 菜单 button opens the navigation in a drawer.
 */
function ShellLayout() {
  const screens = Grid.useBreakpoint();
  const { user } = useSession();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = screens.md === false;
  const tablet = !phone && screens.xl === false;

  return (
    <Layout className={styles.shell}>
      <Layout.Header className={styles.header}>
        {phone ? (
          <Button
            type="text"
            aria-label="菜单"
            icon={<MenuOutlined />}
            className={styles.menuButton}
            style={{ color: '#fff' }}
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            云
          </span>
          <span className={styles.brandName}>{phone ? '云湖城管' : '云湖市城市综合管理服务平台'}</span>
        </Link>
        {phone ? <span className={styles.phoneUser}>{user.displayName}</span> : <UserBar />}
      </Layout.Header>
      <Layout>
        {phone ? null : (
          <Layout.Sider width={208} collapsedWidth={64} collapsed={tablet} className={styles.sider}>
            <SideNav collapsed={tablet} />
          </Layout.Sider>
        )}
        <Layout.Content className={phone ? styles.contentPhone : styles.content}>
          <RoutePermissionGate>
            <Outlet />
          </RoutePermissionGate>
        </Layout.Content>
      </Layout>
      {phone ? (
        <Drawer
          title="导航菜单"
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <div className={styles.drawerUser}>
            <UserBar compact />
          </div>
          <SideNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : null}
    </Layout>
  );
}

export function AppShell() {
  return (
    <RequireSession>
      <ShellLayout />
    </RequireSession>
  );
}
