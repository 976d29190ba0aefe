import type { Banding, IndicatorFormula } from '@citygov/domain/evaluation/indicators';
import { COUNTERS, type SubjectKind } from '@citygov/domain/evaluation/subjects';
import { Alert, App, Button, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type IndicatorRowInput, useIndicatorTable, useResetIndicators, useSaveIndicators } from '../api/evaluation';

function formulaText(formula: IndicatorFormula): string {
  if (formula.kind === 'count') return COUNTERS[formula.counter];
  const denominator = formula.less
    ? `(${COUNTERS[formula.denominator]} − ${COUNTERS[formula.less]})`
    : COUNTERS[formula.denominator];
  return `${COUNTERS[formula.numerator]} ÷ ${denominator}`;
}

function bandingText(banding: Banding): string {
  switch (banding.kind) {
    case 'linear':
      return banding.lowerIsBetter ? '(1 − 比率) × 100' : '比率 × 100';
    case 'relative':
      return '数量 ÷ 最多者 × 100';
    case 'steps':
      return `${banding.steps.map((s) => `≤${s.upTo}→${s.score}分`).join('，')}，其余${banding.otherwise}分`;
  }
}

/**
 * 指标设置: the indicator table of one subject kind — name, formula over the case facts,
 * weight and banding. Names and weights are edited here; the weights must add up to 100.
 */
export function IndicatorEditor({ subjectKind, canEdit }: { subjectKind: SubjectKind; canEdit: boolean }) {
  const { message } = App.useApp();
  const table = useIndicatorTable(subjectKind);
  const save = useSaveIndicators();
  const reset = useResetIndicators();
  const [rows, setRows] = useState<IndicatorRowInput[]>([]);
  useEffect(() => setRows(table.data?.indicators.map(({ subjectKind: _, ...row }) => row) ?? []), [table.data]);
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  const patch = (key: string, change: Partial<IndicatorRowInput>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {table.data?.customised ? <Tag color="blue">已自定义</Tag> : <Tag>默认指标</Tag>}
        <Typography.Text type={total === 100 ? 'secondary' : 'danger'}>权重合计 {total}%</Typography.Text>
      </Space>
      {canEdit ? null : <Alert type="info" showIcon message="仅市级督查考核人员可以修改指标" />}
      <Table
        rowKey="key"
        size="middle"
        loading={table.isPending}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '指标名称',
            dataIndex: 'name',
            render: (name: string, row) =>
              canEdit ? (
                <Input
                  aria-label={`${name}名称`}
                  value={name}
                  onChange={(e) => patch(row.key, { name: e.target.value })}
                />
              ) : (
                name
              ),
          },
          { title: '计算公式', dataIndex: 'formula', render: formulaText },
          {
            title: '权重（%）',
            dataIndex: 'weight',
            width: 140,
            render: (weight: number, row) =>
              canEdit ? (
                <InputNumber
                  aria-label={`${row.name}权重`}
                  min={0}
                  max={100}
                  value={weight}
                  onChange={(v) => patch(row.key, { weight: v ?? 0 })}
                />
              ) : (
                weight
              ),
          },
          { title: '计分方式', dataIndex: 'banding', render: bandingText },
        ]}
      />
      {canEdit ? (
        <Space>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutateAsync({ subjectKind, indicators: rows }).then(
                () => message.success('指标已保存'),
                (e: unknown) => message.error(apiErrorMessage(e)),
              )
            }
          >
            保存指标
          </Button>
          <Popconfirm
            title="恢复为默认指标？"
            okText="恢复"
            cancelText="取消"
            onConfirm={() =>
              reset.mutateAsync({ subjectKind }).then(
                () => message.success('已恢复默认指标'),
                (e: unknown) => message.error(apiErrorMessage(e)),
              )
            }
          >
            <Button>恢复默认</Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Space>
  );
}
