import { Button, Table, type TableColumnsType } from 'antd';
import type { TimeLimitRow } from '../api/catalogue';
import { type CaseStage, STAGE_LABELS, STAGES, UNIT_LABELS, URGENCIES, URGENCY_LABELS, type Urgency } from '../labels';

interface StageRow {
  stage: CaseStage;
}

/** Stage × urgency grid of time limits; with category.manage each cell can be picked for editing. */
export function TimeLimitGrid({
  limits,
  loading,
  canManage,
  onPick,
}: {
  limits: readonly TimeLimitRow[];
  loading: boolean;
  canManage: boolean;
  onPick: (urgency: Urgency, stage: CaseStage) => void;
}) {
  const find = (urgency: Urgency, stage: CaseStage) =>
    limits.find((limit) => limit.urgency === urgency && limit.stage === stage);
  const columns: TableColumnsType<StageRow> = [
    { title: '阶段', dataIndex: 'stage', key: 'stage', width: 80, render: (stage: CaseStage) => STAGE_LABELS[stage] },
    ...URGENCIES.map((urgency) => ({
      title: URGENCY_LABELS[urgency],
      key: urgency,
      render: (_value: unknown, row: StageRow) => {
        const limit = find(urgency, row.stage);
        const text = limit ? `${limit.amount} ${UNIT_LABELS[limit.unit]}` : '未设置';
        if (!canManage) return text;
        return (
          <Button
            type="link"
            size="small"
            aria-label={`修改${URGENCY_LABELS[urgency]}案件${STAGE_LABELS[row.stage]}时限`}
            onClick={() => onPick(urgency, row.stage)}
            style={{ padding: 0 }}
          >
            {text}
          </Button>
        );
      },
    })),
  ];
  return (
    <Table<StageRow>
      rowKey="stage"
      size="small"
      bordered
      columns={columns}
      dataSource={STAGES.map((stage) => ({ stage }))}
      loading={loading}
      pagination={false}
    />
  );
}
