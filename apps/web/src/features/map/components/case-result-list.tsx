import { statusNameOf } from '@citygov/domain/cases/case-states';
import { Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseMapPoint } from '../api/case-map';

const PAGE_SIZE = 12;

/**
 * The cases on the map as a list, synced both ways: a row click selects the case on the
 * map, a point click turns to the row's page and marks it.
 */
export function CaseResultList({
  points,
  loading,
  selectedId,
  onSelect,
  title,
}: {
  points: readonly CaseMapPoint[];
  loading: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  title: string;
}) {
  const [page, setPage] = useState(1);
  useEffect(() => {
    const index = points.findIndex((p) => p.id === selectedId);
    if (index >= 0) setPage(Math.floor(index / PAGE_SIZE) + 1);
  }, [points, selectedId]);
  useEffect(() => {
    if (points.length <= (page - 1) * PAGE_SIZE) setPage(1);
  }, [points, page]);

  return (
    <Table<CaseMapPoint>
      rowKey="id"
      size="small"
      aria-label={title}
      loading={loading}
      dataSource={points as CaseMapPoint[]}
      rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        size: 'small',
        showSizeChanger: false,
        onChange: setPage,
        showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 件`,
      }}
      columns={[
        { title: '案件编号', dataIndex: 'caseNo', width: 120 },
        {
          title: '状态',
          dataIndex: 'status',
          width: 86,
          render: (status: CaseMapPoint['status'], row) =>
            row.overdue && status !== 'closed' ? <Tag color="red">超期</Tag> : statusNameOf(status),
        },
        { title: '类别', dataIndex: 'categoryName', ellipsis: true },
      ]}
    />
  );
}
