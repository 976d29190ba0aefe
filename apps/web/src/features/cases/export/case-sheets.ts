import type { Row, SheetData } from 'write-excel-file/browser';
import { formatDateTime } from '../../../lib/format';
import type { CaseDetail, CaseRow } from '../api/cases';
import { DEADLINE_LEVELS, KIND_NAMES, sourceName, stageName, statusName, URGENCIES } from '../labels';
import { describeEventDetail } from '../timeline-detail';

const header = (titles: readonly string[]): Row => titles.map((value) => ({ value, fontWeight: 'bold' as const }));
const yes = (flag: boolean) => (flag ? '是' : '');

export const LIST_COLUMNS = [
  { title: '案件编号', width: 16 },
  { title: '状态', width: 10 },
  { title: '类型', width: 6 },
  { title: '类别编码', width: 10 },
  { title: '类别', width: 18 },
  { title: '紧急程度', width: 8 },
  { title: '来源', width: 12 },
  { title: '描述', width: 50 },
  { title: '地址', width: 30 },
  { title: '经度', width: 12 },
  { title: '纬度', width: 12 },
  { title: '上报时间', width: 20 },
  { title: '当前阶段', width: 8 },
  { title: '本阶段截止', width: 20 },
  { title: '时限状态', width: 10 },
  { title: '督办', width: 6 },
  { title: '疑难', width: 6 },
] as const;

/** The list export: one row per case, columns as on the desk plus what a spreadsheet needs. */
export function caseListSheet(rows: readonly CaseRow[]): SheetData {
  return [
    header(LIST_COLUMNS.map((c) => c.title)),
    ...rows.map(
      (row): Row => [
        row.caseNo,
        statusName(row.status),
        KIND_NAMES[row.kind],
        row.categoryCode,
        row.categoryName ?? '',
        URGENCIES[row.urgency],
        sourceName(row.source),
        row.description,
        row.address,
        row.lng,
        row.lat,
        formatDateTime(row.reportedAt),
        stageName(row.stage),
        row.stageDeadlineAt ? formatDateTime(row.stageDeadlineAt) : '',
        DEADLINE_LEVELS[row.deadlineLevel].label,
        yes(row.supervised),
        yes(row.difficult),
      ],
    ),
  ];
}

/** The one-case export: its fields as label/value pairs. */
export function caseFieldsSheet(detail: CaseDetail): SheetData {
  const c = detail.case;
  const lead = detail.departments.filter((d) => d.role === 'lead').map((d) => d.name);
  const assist = detail.departments.filter((d) => d.role === 'assist').map((d) => d.name);
  const pairs: [string, string | number][] = [
    ['案件编号', c.caseNo],
    ['状态', statusName(c.status)],
    ['当前阶段', stageName(c.stage)],
    ['剩余时间', detail.clock?.text ?? DEADLINE_LEVELS[detail.deadlineLevel].label],
    ['本阶段截止', c.stageDeadlineAt ? formatDateTime(c.stageDeadlineAt) : ''],
    ['类型', KIND_NAMES[c.kind]],
    ['类别', `${c.categoryCode} ${detail.category?.name ?? ''}`],
    ['立案条件', detail.category?.fileCondition ?? ''],
    ['结案条件', detail.category?.closeCondition ?? ''],
    ['紧急程度', URGENCIES[c.urgency]],
    ['来源', sourceName(c.source)],
    ['问题描述', c.description],
    ['地址', c.address],
    ['坐标', `${c.lng.toFixed(6)}, ${c.lat.toFixed(6)}`],
    ['网格', detail.grid ? `${detail.grid.name}（${detail.grid.code}）` : ''],
    ['部件编码', c.componentId ?? ''],
    ['上报人', c.reporterName ?? ''],
    ['联系电话', c.reporterPhone ?? ''],
    ['上报时间', formatDateTime(c.reportedAt)],
    ['立案时间', c.filedAt ? formatDateTime(c.filedAt) : ''],
    ['派遣时间', c.dispatchedAt ? formatDateTime(c.dispatchedAt) : ''],
    ['结案时间', c.closedAt ? formatDateTime(c.closedAt) : ''],
    ['主办部门', lead.join('、')],
    ['协办部门', assist.join('、')],
    ['当前处理人', detail.assignee?.displayName ?? ''],
    ['督办', c.supervised ? '是' : '否'],
    ['疑难', c.difficult ? '是' : '否'],
  ];
  return [
    header(['项目', '内容']),
    ...pairs.map(([label, value]): Row => [{ value: label, fontWeight: 'bold' }, value]),
  ];
}

export function caseTimelineSheet(detail: CaseDetail): SheetData {
  return [
    header(['时间', '操作人', '操作', '状态变化', '意见', '详情']),
    ...detail.timeline.map(
      (event): Row => [
        formatDateTime(event.at),
        event.actorName ?? '',
        event.label,
        `${event.fromStatus ? statusName(event.fromStatus) : '—'} → ${statusName(event.toStatus)}`,
        event.reason ?? '',
        describeEventDetail(event.action, event.detail).join('；'),
      ],
    ),
  ];
}
