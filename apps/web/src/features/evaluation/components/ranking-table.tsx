import type { Counter } from '@citygov/domain/evaluation/subjects';
import { Button, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EvaluationRow, EvaluationView } from '../api/evaluation';
import { GRADE_COLOURS } from '../charts/ranking-option';
import { formatIndicatorValue } from '../labels';

export interface DrillTarget {
  subject: number;
  name: string;
  counter?: Counter;
}

/** The counter whose cases explain an indicator: a rate's numerator, or the count itself. */
export function drillCounterOf(formula: EvaluationView['indicators'][number]['formula']): Counter {
  return formula.kind === 'rate' ? formula.numerator : formula.counter;
}

/**
 * The ranking as a table: every score opens the cases behind it (下钻), the name opens
 * all the cases the subject was counted on.
 */
export function RankingTable({ view, onDrill }: { view: EvaluationView; onDrill: (target: DrillTarget) => void }) {
  const columns: ColumnsType<EvaluationRow> = [
    { title: '排名', dataIndex: 'rank', width: 64, fixed: 'left' },
    {
      title: '名称',
      dataIndex: 'name',
      width: 160,
      fixed: 'left',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onDrill({ subject: row.subject, name })}>
          {name}
        </Button>
      ),
    },
    ...view.indicators.map((indicator, index) => ({
      title: `${indicator.name}（${indicator.weight}%）`,
      key: indicator.key,
      width: 130,
      render: (_: unknown, row: EvaluationRow) => {
        const score = row.indicators[index];
        const value = formatIndicatorValue(indicator.formula.kind, score?.value ?? null);
        if (score?.score === null || score?.score === undefined)
          return <Tooltip title="本周期无可统计案件">不适用</Tooltip>;
        return (
          <Tooltip title={`${indicator.name}：${value}，得分 ${score.score}`}>
            <Button
              type="link"
              style={{ padding: 0 }}
              aria-label={`${row.name} ${indicator.name} ${value} 查看案件`}
              onClick={() =>
                onDrill({ subject: row.subject, name: row.name, counter: drillCounterOf(indicator.formula) })
              }
            >
              {value}
            </Button>
          </Tooltip>
        );
      },
    })),
    ...(view.rows.some((r) => r.deduction > 0)
      ? [
          {
            title: '抽查扣分',
            dataIndex: 'deduction',
            width: 88,
            render: (points: number) => (points > 0 ? <Tag color="red">−{points}</Tag> : '—'),
          },
        ]
      : []),
    { title: '总分', dataIndex: 'total', width: 80, render: (total: number) => <strong>{total}</strong> },
    {
      title: '等级',
      dataIndex: 'grade',
      width: 64,
      render: (grade: string) => <Tag color={GRADE_COLOURS[grade]}>{grade}</Tag>,
    },
  ];
  return (
    <Table
      rowKey="subject"
      size="middle"
      columns={columns}
      dataSource={view.rows}
      pagination={view.rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本周期没有可评价的案件' }}
    />
  );
}
