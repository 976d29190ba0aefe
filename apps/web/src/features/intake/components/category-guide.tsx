import { Card, Descriptions, Empty, Table, Typography } from 'antd';
import { type CategoryHit, useCategoryTimeLimits } from '../api/intake';

const STAGES = [
  ['accept', '受理'],
  ['file', '立案'],
  ['dispatch', '派遣'],
  ['handle', '处置'],
  ['check', '核查'],
  ['close', '结案'],
] as const;
const UNITS: Record<string, string> = { natural_hours: '自然小时', working_hours: '工作时', working_days: '工作日' };

/** 小类助手: the chosen category's 立案/结案 conditions and its time limit per stage and urgency. */
export function CategoryGuide({ category }: { category: CategoryHit | null }) {
  const limits = useCategoryTimeLimits(category ? { kind: category.kind, code: category.code } : null);
  if (!category) {
    return (
      <Card size="small" title="小类助手">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择小类后显示立案、结案条件与处置时限" />
      </Card>
    );
  }
  const limitText = (stage: string, urgency: string) => {
    const limit = limits.data?.find((l) => l.stage === stage && l.urgency === urgency);
    return limit ? `${limit.amount} ${UNITS[limit.unit] ?? limit.unit}` : '不计时';
  };
  return (
    <Card size="small" title={`小类助手 · ${category.code} ${category.name}`}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'file',
            label: '立案条件',
            children: category.fileCondition || <Typography.Text type="secondary">未设置</Typography.Text>,
          },
          {
            key: 'close',
            label: '结案条件',
            children: category.closeCondition || <Typography.Text type="secondary">未设置</Typography.Text>,
          },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        loading={limits.isPending}
        rowKey="urgency"
        aria-label="处置时限"
        dataSource={[
          { urgency: 'normal', name: '一般' },
          { urgency: 'urgent', name: '紧急' },
        ]}
        columns={[
          { title: '时限', dataIndex: 'name', key: 'name', width: 64 },
          ...STAGES.map(([stage, name]) => ({
            title: name,
            key: stage,
            render: (_v: unknown, row: { urgency: string }) => limitText(stage, row.urgency),
          })),
        ]}
      />
    </Card>
  );
}
