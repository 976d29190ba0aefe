import { Button, Popconfirm, Space, Switch, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { DispatchRuleRow } from '../api/dispatch-rules';
import { describeCategory, modeLabel, urgencyLabel } from '../rule-labels';

export interface RuleRowActions {
  onEdit: (rule: DispatchRuleRow) => void;
  onRemove: (rule: DispatchRuleRow) => void;
  onToggle: (rule: DispatchRuleRow, enabled: boolean) => void;
}

const READ_ONLY = '覆盖本辖区以外区域的上级规则，只能由上级管理员修改';

/** 派遣规则 as a table; rules from above the caller's area show read-only. */
export function DispatchRuleTable({
  rules,
  loading,
  busyId,
  actions,
}: {
  rules: readonly DispatchRuleRow[];
  loading: boolean;
  /** The rule whose switch or delete is on its way to the server. */
  busyId: number | null;
  actions: RuleRowActions;
}) {
  const columns: TableColumnsType<DispatchRuleRow> = [
    { title: '名称', dataIndex: 'name', key: 'name', width: 180, fixed: 'left' },
    { title: '类别', key: 'category', width: 220, render: (_v, rule) => describeCategory(rule) },
    { title: '区域', key: 'area', width: 120, render: (_v, rule) => rule.areaName ?? '全市' },
    { title: '紧急程度', key: 'urgency', width: 90, render: (_v, rule) => urgencyLabel(rule.urgency) },
    { title: '主办部门', dataIndex: 'leadDepartmentName', key: 'lead', width: 170 },
    {
      title: '协办部门',
      key: 'assisting',
      width: 170,
      render: (_v, rule) => (rule.assistingDepartmentNames.length > 0 ? rule.assistingDepartmentNames.join('、') : '—'),
    },
    {
      title: '方式',
      key: 'mode',
      width: 100,
      render: (_v, rule) => <Tag color={rule.automatic ? 'blue' : 'default'}>{modeLabel(rule.automatic)}</Tag>,
    },
    { title: '优先级', dataIndex: 'priority', key: 'priority', width: 80, align: 'right' },
    {
      title: '启用',
      key: 'enabled',
      width: 80,
      render: (_v, rule) => (
        <Tooltip title={rule.editable ? undefined : READ_ONLY}>
          <Switch
            size="small"
            aria-label={`启用「${rule.name}」`}
            checked={rule.enabled}
            disabled={!rule.editable}
            loading={busyId === rule.id}
            onChange={(enabled) => actions.onToggle(rule, enabled)}
          />
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_v, rule) =>
        rule.editable ? (
          <Space size="small">
            <Button type="link" size="small" onClick={() => actions.onEdit(rule)}>
              编辑
            </Button>
            <Popconfirm
              title={`确定删除规则「${rule.name}」吗？`}
              description="已按此规则派遣的案件不受影响"
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => actions.onRemove(rule)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Tooltip title={READ_ONLY}>
            <Typography.Text type="secondary">上级规则</Typography.Text>
          </Tooltip>
        ),
    },
  ];
  return (
    <Table<DispatchRuleRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rules]}
      loading={loading}
      pagination={rules.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1340 }}
      locale={{ emptyText: '暂无派遣规则' }}
    />
  );
}
