import { Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ThemeDefinition, ThemeModule } from '../theme-modules';

function ModuleCard({ module, allowed }: { module: ThemeModule; allowed: boolean }) {
  const built = Boolean(module.href);
  return (
    <Card
      title={module.name}
      extra={built ? <Tag color="green">已上线</Tag> : <Tag color="orange">建设中</Tag>}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{module.description}</Typography.Paragraph>
      {built && module.href && allowed ? (
        <Link to={module.href}>
          <Button type="primary">进入{module.name}</Button>
        </Link>
      ) : null}
      {built && !allowed ? <Typography.Text type="secondary">您的角色无权使用此功能</Typography.Text> : null}
    </Card>
  );
}

/** The modules of one portal theme; modules not built yet carry a 建设中 tag. */
export function ThemeModuleList({
  theme,
  isAllowed,
}: {
  theme: ThemeDefinition;
  isAllowed: (module: ThemeModule) => boolean;
}) {
  if (theme.modules.length === 0) return <Empty description="暂无功能模块" />;
  return (
    <Row gutter={[16, 16]}>
      {theme.modules.map((module) => (
        <Col key={module.name} xs={24} md={12} xl={8}>
          <ModuleCard module={module} allowed={isAllowed(module)} />
        </Col>
      ))}
    </Row>
  );
}
