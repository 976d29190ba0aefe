import { statusNameOf } from '@citygov/domain/cases/case-states';
import { Button, Card, Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { CaseMapPoint } from '../api/case-map';

/** 案件卡片: what a click on a case point shows, with the way to the case itself. */
export function CaseCard({ point, onClose }: { point: CaseMapPoint; onClose: () => void }) {
  return (
    <Card
      size="small"
      role="region"
      aria-label="案件卡片"
      title={
        <span>
          案件 {point.caseNo}
          {point.urgency === 'urgent' ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              紧急
            </Tag>
          ) : null}
        </span>
      }
      extra={
        <Button type="text" size="small" aria-label="关闭案件卡片" onClick={onClose}>
          ×
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'no', label: '案件编号', children: point.caseNo },
          { key: 'category', label: '类别', children: point.categoryName || '—' },
          {
            key: 'status',
            label: '状态',
            children: (
              <>
                {statusNameOf(point.status)}
                {point.overdue ? (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已超期
                  </Tag>
                ) : null}
              </>
            ),
          },
          { key: 'address', label: '地址', children: point.address },
          { key: 'deadline', label: '处置时限', children: formatDateTime(point.stageDeadlineAt) },
          { key: 'reported', label: '上报时间', children: formatDateTime(point.reportedAt) },
        ]}
      />
      <Link to={`/desk/cases/${point.id}`}>查看案件详情</Link>
    </Card>
  );
}
