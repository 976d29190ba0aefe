import type { CaseStatus } from '@citygov/domain/cases/case-states';
import { Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { CaseRow } from '../api/cases';
import type { CaseSort } from '../hooks/use-case-filters';
import { statusColor, statusName } from '../labels';
import { CaseFlags } from './case-flags';
import { DeadlineTag } from './deadline-tag';

function sortFrom(sorter: SorterResult<CaseRow> | SorterResult<CaseRow>[]): CaseSort {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return 'reportedAt.desc';
  if (one.columnKey === 'deadline') return 'deadline.asc';
  return one.order === 'ascend' ? 'reportedAt.asc' : 'reportedAt.desc';
}

/** Row checkboxes (批量派遣): the ids ticked, kept across pages; the rows on this page that changed. */
export interface CaseTableSelection {
  selectedIds: readonly number[];
  onChange: (selected: readonly CaseRow[], deselectedIds: readonly number[]) => void;
}

/** A click in the checkbox column ticks the row; anywhere else it opens the case. */
function inSelectionCell(target: EventTarget): boolean {
  return target instanceof Element && target.closest('.ant-table-selection-column') !== null;
}

/** The desk's case list; a click anywhere on a row opens the case. */
export function CaseTable({
  rows,
  loading,
  pagination,
  sort,
  onSortChange,
  onOpen,
  selection,
}: {
  rows: readonly CaseRow[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  sort: CaseSort;
  onSortChange: (sort: CaseSort) => void;
  onOpen: (id: number) => void;
  selection?: CaseTableSelection | undefined;
}) {
  const columns: TableColumnsType<CaseRow> = [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 140,
      fixed: 'left',
      render: (caseNo: string, row) => (
        <Link to={`/desk/cases/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {caseNo}
        </Link>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 96,
      render: (status: CaseStatus) => <Tag color={statusColor(status)}>{statusName(status)}</Tag>,
    },
    {
      title: '类别',
      key: 'category',
      width: 150,
      ellipsis: true,
      render: (_value, row) => row.categoryName ?? row.categoryCode,
    },
    { title: '描述', dataIndex: 'description', key: 'description', ellipsis: { showTitle: true } },
    { title: '地址', dataIndex: 'address', key: 'address', width: 200, ellipsis: { showTitle: true } },
    {
      title: '上报时间',
      dataIndex: 'reportedAt',
      key: 'reportedAt',
      width: 168,
      sorter: true,
      sortOrder: sort === 'reportedAt.asc' ? 'ascend' : sort === 'reportedAt.desc' ? 'descend' : null,
      sortDirections: ['descend', 'ascend'],
      render: (at: Date) => formatDateTime(at),
    },
    {
      title: '标记',
      key: 'flags',
      width: 130,
      render: (_value, row) => (
        <CaseFlags supervised={row.supervised} difficult={row.difficult} urgent={row.urgency === 'urgent'} />
      ),
    },
    {
      title: '剩余时间',
      key: 'deadline',
      width: 150,
      fixed: 'right',
      sorter: true,
      sortOrder: sort === 'deadline.asc' ? 'ascend' : null,
      sortDirections: ['ascend'],
      showSorterTooltip: { title: '按截止时间排序' },
      render: (_value, row) => <DeadlineTag level={row.deadlineLevel} deadline={row.stageDeadlineAt} />,
    },
  ];
  return (
    <Table<CaseRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1160 }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') onSortChange(sortFrom(sorter));
      }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: [...selection.selectedIds],
              preserveSelectedRowKeys: true,
              columnWidth: 44,
              fixed: 'left',
              onChange: (keys) => {
                const ticked = new Set(keys.map(Number));
                selection.onChange(
                  rows.filter((row) => ticked.has(row.id)),
                  rows.filter((row) => !ticked.has(row.id)).map((row) => row.id),
                );
              },
            }
          : undefined
      }
      onRow={(row) => ({
        onClick: (event) => {
          if (!inSelectionCell(event.target)) onOpen(row.id);
        },
        style: { cursor: 'pointer' },
      })}
      locale={{ emptyText: <Typography.Text type="secondary">没有符合条件的案件</Typography.Text> }}
    />
  );
}
