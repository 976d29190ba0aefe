import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { CaseDetail } from '../api/cases';
import { KIND_NAMES, sourceName } from '../labels';
import { departmentLabel } from './case-departments';
import { ReporterContact } from './reporter-contact';

const MEMBER_ROLES: Record<string, string> = { street_chief: '街长', collector: '监督员' };

/** The case's fields: what, where, who reported it, who handles it. */
export function CaseInfo({ detail, column = 2 }: { detail: CaseDetail; column?: DescriptionsProps['column'] }) {
  const c = detail.case;
  const lead = detail.departments.filter((d) => d.role === 'lead');
  const assist = detail.departments.filter((d) => d.role === 'assist');
  const items: DescriptionsProps['items'] = [
    { key: 'description', label: '问题描述', span: 'filled', children: c.description },
    {
      key: 'category',
      label: '类别',
      children: `${KIND_NAMES[c.kind]} · ${c.categoryCode} ${detail.category?.name ?? ''}`,
    },
    { key: 'source', label: '来源', children: sourceName(c.source) },
    {
      key: 'fileCondition',
      label: '立案条件',
      span: 'filled',
      children: detail.category?.fileCondition || <Typography.Text type="secondary">未设置</Typography.Text>,
    },
    {
      key: 'closeCondition',
      label: '结案条件',
      span: 'filled',
      children: detail.category?.closeCondition || <Typography.Text type="secondary">未设置</Typography.Text>,
    },
    { key: 'address', label: '地址', span: 'filled', children: c.address },
    {
      key: 'grid',
      label: '单元网格',
      children: detail.grid ? `${detail.grid.name}（${detail.grid.code}）` : '—',
    },
    { key: 'component', label: '部件编码', children: c.componentId ?? '—' },
    {
      key: 'reporter',
      label: '上报人',
      children: <ReporterContact caseId={c.id} name={c.reporterName} maskedPhone={c.reporterPhone} />,
    },
    { key: 'reportedAt', label: '上报时间', children: formatDateTime(c.reportedAt) },
    { key: 'lead', label: '主办部门', children: lead.map(departmentLabel).join('、') || '—' },
    { key: 'assist', label: '协办部门', children: assist.map((d) => d.name).join('、') || '—' },
    {
      key: 'gridMember',
      label: '网格责任人',
      children: detail.gridMember
        ? `${detail.gridMember.displayName}（${MEMBER_ROLES[detail.gridMember.role] ?? detail.gridMember.position}${detail.gridMember.phone ? `，${detail.gridMember.phone}` : ''}）`
        : '—',
    },
    { key: 'assignee', label: '核实/核查监督员', children: detail.assignee?.displayName ?? '—' },
    c.pausedAt
      ? { key: 'deadline', label: '本阶段计时', children: `已挂账，计时暂停（${formatDateTime(c.pausedAt)} 起）` }
      : { key: 'deadline', label: '本阶段截止', children: formatDateTime(c.stageDeadlineAt) },
  ];
  return <Descriptions bordered size="small" column={column} items={items} />;
}
