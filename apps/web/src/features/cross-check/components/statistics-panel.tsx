import { Card, Col, Empty, Row, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type StatisticsRow, useStatistics } from '../api/cross-check';
import { formatRate } from '../labels';

function columns(nameTitle: string): ColumnsType<StatisticsRow> {
  return [
    { title: nameTitle, dataIndex: 'name' },
    { title: '抽查', dataIndex: 'sampled', width: 70 },
    { title: '已评审', dataIndex: 'reviewed', width: 80 },
    { title: '合格', dataIndex: 'qualified', width: 70 },
    {
      title: '不合格',
      dataIndex: 'unqualified',
      width: 80,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
    { title: '合格率', dataIndex: 'passRate', width: 90, render: formatRate },
  ];
}

function StatisticsTable({ title, rows }: { title: string; rows: StatisticsRow[] }) {
  return (
    <Card size="small" title={`按${title}`} style={{ marginBottom: 16 }}>
      <Table<StatisticsRow>
        size="small"
        rowKey="key"
        aria-label={`按${title}统计`}
        dataSource={rows}
        columns={columns(title)}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
    </Card>
  );
}

/** 抽查统计 of a month: by county, department, collector and reason. */
export function StatisticsPanel({ month }: { month: string }) {
  const stats = useStatistics(month);
  if (!stats.data) return <Card loading={stats.isPending} />;
  const { byCounty, byDepartment, byCollector, byReason } = stats.data;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <StatisticsTable title="区县" rows={byCounty} />
        <StatisticsTable title="监督员" rows={byCollector} />
      </Col>
      <Col span={12}>
        <StatisticsTable title="部门" rows={byDepartment} />
        <Card size="small" title="按不合格原因">
          {byReason.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无不合格样本" />
          ) : (
            <Table
              size="small"
              rowKey="code"
              aria-label="按不合格原因统计"
              pagination={false}
              dataSource={byReason}
              columns={[
                { title: '不合格原因', dataIndex: 'name' },
                { title: '件数', dataIndex: 'count', width: 80 },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
