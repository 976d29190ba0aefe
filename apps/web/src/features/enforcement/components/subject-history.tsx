import { Card, Descriptions, Table, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { Subject } from '../api/enforcement';

/** A subject's 违法记录 and 处罚记录, as the enforcement system holds them. */
export function SubjectHistory({ subject }: { subject: Subject }) {
  return (
    <>
      <Card size="small" title={`当事人：${subject.name}`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类型">{subject.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={subject.kind === 'person' ? '身份证号' : '统一社会信用代码'}>
            {subject.code}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{subject.address || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`违法记录（${subject.violations.length}）`} style={{ marginBottom: 16 }}>
        <Table
          aria-label="违法记录"
          size="small"
          rowKey="recordId"
          pagination={false}
          dataSource={subject.violations}
          // On a tablet or phone the table scrolls within its card instead of squeezing 情况 to a word a line.
          scroll={{ x: 760 }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
            { title: '违法类型', dataIndex: 'type', width: 140 },
            { title: '情况', dataIndex: 'description' },
            { title: '地点', dataIndex: 'place', width: 240 },
          ]}
        />
      </Card>
      <Card size="small" title={`处罚记录（${subject.penalties.length}）`} style={{ marginBottom: 16 }}>
        <Table
          aria-label="处罚记录"
          size="small"
          rowKey="decisionNo"
          pagination={false}
          dataSource={subject.penalties}
          scroll={{ x: 740 }}
          columns={[
            { title: '决定日期', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
            { title: '决定书文号', dataIndex: 'decisionNo' },
            { title: '处罚种类', dataIndex: 'kind', width: 110 },
            {
              title: '金额（元）',
              dataIndex: 'amount',
              width: 110,
              render: (amount: number | null) => (amount === null ? '—' : amount.toLocaleString('zh-CN')),
            },
            {
              title: '执行情况',
              dataIndex: 'status',
              width: 100,
              render: (status: string) => <Tag color={status === '已执行' ? 'green' : 'orange'}>{status}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
