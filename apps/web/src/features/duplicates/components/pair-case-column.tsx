import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { Descriptions, Empty, Image, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { PairCase } from '../api/duplicates';

/** One side of the comparison: the facts a shift lead compares, and the report photos. */
export function PairCaseColumn({ side, item, tone }: { side: string; item: PairCase; tone: string }) {
  return (
    <section aria-label={`${side}案件 ${item.caseNo}`}>
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        <span
          aria-hidden="true"
          style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: tone }}
        />
        <Typography.Text strong>{side}</Typography.Text>
        <Link to={`/desk/cases/${item.id}`} target="_blank">
          {item.caseNo}
        </Link>
        <Tag color={item.status === 'reported' ? 'orange' : 'blue'}>{item.statusName}</Tag>
        {item.urgency === 'urgent' ? <Tag color="red">紧急</Tag> : null}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'category', label: '类别', children: `${item.categoryCode} ${item.categoryName ?? ''}` },
          {
            key: 'description',
            label: '问题描述',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.description}</span>,
          },
          { key: 'address', label: '地址', children: item.address },
          { key: 'reporter', label: '上报人', children: item.reporterName ?? '—' },
          { key: 'source', label: '来源', children: CASE_SOURCES[item.source as CaseSource] ?? item.source },
          { key: 'reportedAt', label: '上报时间', children: formatDateTime(item.reportedAt) },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">现场照片</Typography.Text>
        {item.photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" style={{ margin: '8px 0' }} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap size={8} style={{ display: 'flex', marginTop: 4 }}>
              {item.photos.map((photo, index) => (
                <Image
                  key={photo.id}
                  src={photo.thumbUrl}
                  preview={{ src: photo.url }}
                  width={112}
                  height={112}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  alt={`${side}案件照片 ${index + 1}`}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </div>
    </section>
  );
}
