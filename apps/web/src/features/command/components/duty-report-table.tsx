import { autoOffLabel } from '@citygov/domain/command/duty-silence';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../../lib/format';
import type { DutyReport, DutyReportRow } from '../api/command';

/** 7.5 小时 / 45 分钟. */
export function formatMinutes(minutes: number): string {
  return minutes >= 60 ? `${(minutes / 60).toFixed(1)} 小时` : `${minutes} 分钟`;
}

/** 3.42 (公里): mileage in the report is always in km, so a column sums and sorts as numbers. */
export function formatKm(metres: number): string {
  return (metres / 1000).toFixed(2);
}

const time = (value: Date | string | null) => (value ? formatDateTime(value).slice(-8, -3) : '');

/** 最后下岗 as the table and the sheet read it: the time, and whether the system took the person off (自动下岗). */
function lastOffText(row: DutyReportRow): string {
  const at = time(row.lastOff);
  if (!at) return row.firstOn ? '在岗中' : '';
  return row.lastOffAutoMinutes === null ? at : `${at} ${autoOffLabel(row.lastOffAutoMinutes)}`;
}

const COLUMNS: ColumnsType<DutyReportRow> = [
  { title: '日期', dataIndex: 'day', sorter: (a, b) => a.day.localeCompare(b.day), defaultSortOrder: 'descend' },
  { title: '姓名', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
  { title: '角色', dataIndex: 'roleName' },
  { title: '所属区域', dataIndex: 'areaName' },
  {
    title: '首次上岗',
    dataIndex: 'firstOn',
    render: (v: DutyReportRow['firstOn']) => time(v) || '—',
  },
  {
    title: '最后下岗',
    dataIndex: 'lastOff',
    render: (v: DutyReportRow['lastOff'], row) =>
      v && row.lastOffAutoMinutes !== null ? (
        <>
          {time(v)}{' '}
          <Tag color="orange" title="手机超过时限无定位，系统按最后定位时间下岗">
            {autoOffLabel(row.lastOffAutoMinutes)}
          </Tag>
        </>
      ) : (
        time(v) || (row.firstOn ? '在岗中' : '—')
      ),
  },
  {
    title: '在岗时长',
    dataIndex: 'onDutyMinutes',
    align: 'right',
    sorter: (a, b) => a.onDutyMinutes - b.onDutyMinutes,
    render: (v: number) => formatMinutes(v),
  },
  {
    title: '巡查里程（公里）',
    dataIndex: 'mileageM',
    align: 'right',
    sorter: (a, b) => a.mileageM - b.mileageM,
    render: (v: number) => formatKm(v),
  },
  {
    title: '定位点数',
    dataIndex: 'fixes',
    align: 'right',
    sorter: (a, b) => a.fixes - b.fixes,
  },
];

/** 在岗统计: one row per person and day, sortable, with a totals row. */
export function DutyReportTable({ report, loading }: { report: DutyReport | undefined; loading: boolean }) {
  return (
    <Table<DutyReportRow>
      aria-label="在岗统计"
      rowKey="key"
      size="middle"
      loading={loading}
      columns={COLUMNS}
      dataSource={report?.rows ?? []}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 条` }}
      locale={{ emptyText: '所选日期内没有在岗记录' }}
      summary={() =>
        report && report.rows.length > 0 ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                <Typography.Text strong>合计（{new Set(report.rows.map((r) => r.userId)).size} 人）</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong>{formatMinutes(report.totals.onDutyMinutes)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Typography.Text strong>{formatKm(report.totals.mileageM)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                <Typography.Text strong>{report.totals.fixes}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

/** The same rows as a sheet (导出 Excel), times as the table shows them. */
export function dutyReportSheet(report: DutyReport) {
  const header = [
    '日期',
    '姓名',
    '角色',
    '所属区域',
    '首次上岗',
    '最后下岗',
    '在岗时长（分钟）',
    '巡查里程（公里）',
    '定位点数',
  ];
  return [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...report.rows.map((r) => [
      { value: r.day },
      { value: r.name },
      { value: r.roleName },
      { value: r.areaName },
      { value: time(r.firstOn) },
      { value: lastOffText(r) },
      { value: r.onDutyMinutes },
      { value: Number(formatKm(r.mileageM)) },
      { value: r.fixes },
    ]),
    [
      { value: '合计', fontWeight: 'bold' as const },
      null,
      null,
      null,
      null,
      null,
      { value: report.totals.onDutyMinutes },
      { value: Number(formatKm(report.totals.mileageM)) },
      { value: report.totals.fixes },
    ],
  ];
}
