import type { Row, SheetData } from 'write-excel-file/browser';
import type { EvaluationView } from './api/evaluation';
import { formatIndicatorValue } from './labels';

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });

/** The ranking as one sheet: rank, name, each indicator's value and score, total and grade. */
export function evaluationSheet(view: EvaluationView): SheetData {
  const header: Row = [
    bold('排名'),
    bold('名称'),
    ...view.indicators.flatMap((i) => [bold(`${i.name}`), bold(`${i.name}得分（权重${i.weight}%）`)]),
    bold('总分'),
    bold('等级'),
  ];
  const rows = view.rows.map(
    (row): Row => [
      { value: row.rank, type: Number },
      row.name,
      ...view.indicators.flatMap((indicator, index) => {
        const score = row.indicators[index];
        return [
          formatIndicatorValue(indicator.formula.kind, score?.value ?? null),
          score?.score === null || score?.score === undefined ? '不适用' : { value: score.score, type: Number },
        ];
      }),
      { value: row.total, type: Number },
      row.grade,
    ],
  );
  const status = view.published ? `已发布（第${view.published.revision}版）` : '未发布（实时计算）';
  return [[bold(`${view.period.label} 综合评价 · ${status}`)], header, ...rows];
}

export function evaluationColumns(view: EvaluationView) {
  return [
    { width: 6 },
    { width: 18 },
    ...view.indicators.flatMap(() => [{ width: 12 }, { width: 20 }]),
    { width: 8 },
    { width: 6 },
  ];
}
