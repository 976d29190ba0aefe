import { RightOutlined } from '@ant-design/icons';
import type { Permission } from '@citygov/domain/permissions';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { QUICK_LINKS } from '../quick-links';

/** 常用功能: the pages this role may open, with one line on what each is for. */
export function QuickLinkList({ can }: { can: (permission: Permission) => boolean }) {
  const links = QUICK_LINKS.filter((link) => can(link.permission));
  if (links.length === 0) return null;
  return (
    <Card title="常用功能">
      <Row gutter={[12, 12]}>
        {links.map((link) => (
          <Col key={link.path} xs={24} sm={12} xxl={8}>
            <Link
              to={link.path}
              style={{ display: 'block', padding: '8px 12px', borderRadius: 6, background: '#f5f8fc' }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <Typography.Text strong>{link.name}</Typography.Text>
                <RightOutlined aria-hidden style={{ color: '#8c8c8c', fontSize: 12 }} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {link.description}
              </Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
