import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { ThemeModuleList } from '../../features/portal/components/theme-module-list';
import { THEME_DEFINITIONS, type ThemeKey } from '../../features/portal/theme-modules';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

function ThemePage({ themeKey }: { themeKey: ThemeKey }) {
  const { can } = useSession();
  const theme = THEME_DEFINITIONS[themeKey];
  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/">首页</Link> }, { title: theme.name }]} />
      <PageHeader title={theme.name} description={theme.description} />
      <ThemeModuleList theme={theme} isAllowed={(module) => !module.permission || can(module.permission)} />
    </div>
  );
}

export function StreetThemePage() {
  return <ThemePage themeKey="street" />;
}

export function SmartThemePage() {
  return <ThemePage themeKey="smart" />;
}

export function InspectionThemePage() {
  return <ThemePage themeKey="inspection" />;
}
