import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of a page: an h1-level heading for the page and optional actions on the right. */
export function PageHeader({
  title,
  extra,
  description,
}: {
  title: string;
  extra?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 }}>
      <div style={{ flex: 1, minWidth: 200 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {description}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{extra}</div> : null}
    </div>
  );
}
