import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../lib/session/session-context';
import { selectedNavPath, visibleNavItems } from './nav-items';

/** The permission-filtered navigation menu, used in the sider and in the phone drawer. */
export function SideNav({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { can } = useSession();
  const location = useLocation();
  const items = visibleNavItems(can).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {item.label}
      </Link>
    ),
    title: item.label,
  }));
  return (
    <nav aria-label="主导航">
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        selectedKeys={[selectedNavPath(location.pathname)]}
        items={items}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
