import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { DispatchAssistance, SimilarClosedCase } from '../api/dispatch-tools';
import { formatDistance, formatDuration } from '../dispatch-format';

const columns: TableColumnsType<SimilarClosedCase> = [
  {
    title: '案件编号',
    dataIndex: 'caseNo',
    key: 'caseNo',
    width: 124,
    render: (caseNo: string, row) => (
      <Link to={`/desk/cases/${row.caseId}`} target="_blank">
        {caseNo}
      </Link>
    ),
  },
  { title: '问题描述', dataIndex: 'description', key: 'description', ellipsis: { showTitle: true } },
  {
    title: '结案部门',
    key: 'department',
    width: 132,
    ellipsis: { showTitle: true },
    render: (_value, row) => row.leadDepartmentName ?? '—',
  },
  {
    title: '派遣→结案',
    dataIndex: 'handleHours',
    key: 'handleHours',
    width: 92,
    render: (hours: number | null) => formatDuration(hours),
  },
  {
    title: '距离',
    dataIndex: 'distanceM',
    key: 'distanceM',
    width: 78,
    render: (metres: number) => formatDistance(metres),
  },
];

/** 相似案件: closed cases of the same category nearby or described alike, and who closed them how fast. */
export function SimilarClosedCases({
  rows,
  sample,
}: {
  rows: readonly SimilarClosedCase[];
  sample: DispatchAssistance['sample'];
}) {
  return (
    <Card
      size="small"
      title="相似案件"
      extra={<Typography.Text type="secondary">近 {sample.days} 天同小类已结案件，2 公里内或描述相近</Typography.Text>}
    >
      <Table<SimilarClosedCase>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: '近一年没有相似的已结案件' }}
      />
    </Card>
  );
}
