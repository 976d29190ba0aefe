import { Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import type { DepartmentRecord } from '../api/dispatch-tools';
import { formatDuration, formatShare } from '../dispatch-format';

/**
 * 部门处置情况: per department, this category's closed cases in the district over the last
 * year, best first (on-time share, then speed); 设为主办 puts one in the lead field.
 */
export function DepartmentRecords({
  rows,
  onPick,
}: {
  rows: readonly DepartmentRecord[];
  onPick: (departmentId: number) => void;
}) {
  const columns: TableColumnsType<DepartmentRecord> = [
    { title: '部门', dataIndex: 'name', key: 'name', ellipsis: { showTitle: true } },
    { title: '结案数', dataIndex: 'closed', key: 'closed', width: 70, align: 'right' },
    {
      title: '中位用时',
      dataIndex: 'medianHours',
      key: 'medianHours',
      width: 92,
      render: (hours: number | null) => formatDuration(hours),
    },
    {
      title: '按时反馈率',
      key: 'onTime',
      width: 100,
      render: (_value, row) => (
        <span title={row.onTimeKnown > 0 ? `按 ${row.onTimeKnown} 件可判断的案件计算` : '无法判断'}>
          {formatShare(row.onTimeShare)}
        </span>
      ),
    },
    {
      title: '',
      key: 'pick',
      width: 84,
      render: (_value, row) => (
        <Button size="small" type="link" onClick={() => onPick(row.departmentId)}>
          设为主办
        </Button>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="部门处置情况"
      extra={<Typography.Text type="secondary">本区近一年同小类，派遣至结案</Typography.Text>}
    >
      <Table<DepartmentRecord>
        rowKey="departmentId"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: '近一年本区没有同小类的已结案件' }}
      />
    </Card>
  );
}
