import { AimOutlined, AuditOutlined, CloudServerOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PortalTheme } from '../api/portal-home';

const ICONS: Record<string, { icon: ReactNode; color: string }> = {
  street: { icon: <AimOutlined aria-hidden />, color: '#1f8a70' },
  smart: { icon: <CloudServerOutlined aria-hidden />, color: '#1558b0' },
  inspection: { icon: <AuditOutlined aria-hidden />, color: '#b76e00' },
};

/** The three theme entries (街面治理 / 智慧城管 / 督查考核) of the portal. */
export function ThemeCards({ themes }: { themes: readonly PortalTheme[] }) {
  return (
    <Row gutter={[16, 16]}>
      {themes.map((theme) => {
        const look = ICONS[theme.key] ?? { icon: <RightOutlined aria-hidden />, color: '#1558b0' };
        return (
          <Col key={theme.key} xs={24} md={8}>
            <Link to={theme.href} aria-label={`进入${theme.name}`}>
              <Card hoverable style={{ height: '100%', borderTop: `4px solid ${look.color}` }}>
                <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
                  <span style={{ fontSize: 32, color: look.color, lineHeight: 1 }} aria-hidden="true">
                    {look.icon}
                  </span>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Title level={4} style={{ margin: 0 }}>
                      {theme.name}
                    </Typography.Title>
                    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                      {theme.description}
                    </Typography.Paragraph>
                  </div>
                </div>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
