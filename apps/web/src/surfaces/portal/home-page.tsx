import { Alert, Col, Row, Typography } from 'antd';
import { ProfileCard } from '../../features/auth/components/profile-card';
import { useCaseQueues } from '../../features/cases/api/cases';
import { usePortalHome } from '../../features/portal/api/portal-home';
import { QuickLinkList } from '../../features/portal/components/quick-link-list';
import { ThemeCards } from '../../features/portal/components/theme-cards';
import { TodoPanel } from '../../features/portal/components/todo-panel';
import { PhoneWorkbenchEntry } from '../../features/street-tasks/components/phone-entry';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';

function greetingWord(now = new Date()): string {
  const hour = Number(
    new Intl.DateTimeFormat('zh-CN', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(now),
  );
  if (hour < 6) return '凌晨好';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** The portal home: the role's workbench with theme entries and to-dos. */
export function HomePage() {
  const { user, can } = useSession();
  const home = usePortalHome();
  // Case to-do queues come from the case module; the portal's own todos (account admin) follow.
  const queues = useCaseQueues(can('todo.view'));
  const caseTodos = (queues.data ?? []).map((q) => ({ ...q, href: `/desk/cases?queue=${q.key}` }));
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
        {user.roleName}工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {user.displayName}，{greetingWord()}！您当前的工作区域为{user.areaName}
        {user.departmentName ? `（${user.departmentName}）` : ''}。
      </Typography.Paragraph>
      <PhoneWorkbenchEntry role={user.role} can={can} />
      {home.isError ? (
        <Alert type="error" showIcon title={apiErrorMessage(home.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            专题入口
          </Typography.Title>
          <ThemeCards themes={home.data?.themes ?? []} />
          <div style={{ marginTop: 16 }}>
            <QuickLinkList can={can} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <TodoPanel
              todos={[...caseTodos, ...(home.data?.todos ?? [])]}
              loading={home.isPending || (can('todo.view') && queues.isPending)}
            />
            <ProfileCard />
          </div>
        </Col>
      </Row>
    </div>
  );
}
