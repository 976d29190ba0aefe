import type { Counter, SubjectKind } from './subjects';

/**
 * An indicator (考核指标) is one row of the editable indicator table: a name, a formula
 * over the counters, a weight in the subject's total, and a banding that turns the
 * formula's value into a 0–100 score.
 */
export type IndicatorFormula =
  /** value = numerator / (denominator − less); undefined when that is 0 (the indicator is left out). */
  | { kind: 'rate'; numerator: Counter; denominator: Counter; less?: Counter }
  /** value = the counter itself (a number of cases). */
  | { kind: 'count'; counter: Counter };

export type Banding =
  /** score = value × 100 (a rate), or (1 − value) × 100 when lower is better. */
  | { kind: 'linear'; lowerIsBetter?: boolean }
  /** score = 100 × value / the best value among the ranked subjects (受理数分值, 派遣数分值). */
  | { kind: 'relative' }
  /** The first step whose `upTo` the value does not exceed gives the score; above every step, `otherwise`. */
  | { kind: 'steps'; steps: { upTo: number; score: number }[]; otherwise: number };

export interface IndicatorDefinition {
  subjectKind: SubjectKind;
  /** Stable key within the subject kind, e.g. 'validReportRate'. */
  key: string;
  name: string;
  formula: IndicatorFormula;
  /** Percent of the total; a kind's weights add up to 100. */
  weight: number;
  banding: Banding;
}

const rate = (numerator: Counter, denominator: Counter, less?: Counter): IndicatorFormula =>
  less ? { kind: 'rate', numerator, denominator, less } : { kind: 'rate', numerator, denominator };
const LINEAR: Banding = { kind: 'linear' };
const LOWER_IS_BETTER: Banding = { kind: 'linear', lowerIsBetter: true };

/** The usual definitions, shipped as the table's starting content. */
export const SHIPPED_INDICATORS: readonly IndicatorDefinition[] = [
  // 监督员 = 有效上报率×40% + 漏报率分值×20% + 按时核实率×20% + 按时核查率×20%
  {
    subjectKind: 'collector',
    key: 'validReportRate',
    name: '有效上报率',
    formula: rate('reportedValid', 'reported'),
    weight: 40,
    banding: LINEAR,
  },
  {
    subjectKind: 'collector',
    key: 'missedReportScore',
    name: '漏报率分值',
    formula: rate('missed', 'areaCases'),
    weight: 20,
    banding: LOWER_IS_BETTER,
  },
  {
    subjectKind: 'collector',
    key: 'verifyOnTimeRate',
    name: '按时核实率',
    formula: rate('verifiedOnTime', 'verified'),
    weight: 20,
    banding: LINEAR,
  },
  {
    subjectKind: 'collector',
    key: 'checkOnTimeRate',
    name: '按时核查率',
    formula: rate('checkedOnTime', 'checked'),
    weight: 20,
    banding: LINEAR,
  },
  // 受理员 = 受理数分值×25% + 核实按时派发率×40% + 核查按时派发率×35%
  {
    subjectKind: 'acceptor',
    key: 'acceptCountScore',
    name: '受理数分值',
    formula: { kind: 'count', counter: 'accepted' },
    weight: 25,
    banding: { kind: 'relative' },
  },
  {
    subjectKind: 'acceptor',
    key: 'verifyDispatchOnTimeRate',
    name: '核实按时派发率',
    formula: rate('verifyDispatchedOnTime', 'verifyDispatched'),
    weight: 40,
    banding: LINEAR,
  },
  {
    subjectKind: 'acceptor',
    key: 'checkDispatchOnTimeRate',
    name: '核查按时派发率',
    formula: rate('checkDispatchedOnTime', 'checkDispatched'),
    weight: 35,
    banding: LINEAR,
  },
  // 值班长 = 按时立案率×25% + 准确立案率×40% + 按时结案率×35% (准确立案 = 立案 − 作废)
  {
    subjectKind: 'shift_lead',
    key: 'fileOnTimeRate',
    name: '按时立案率',
    formula: rate('filedOnTime', 'filed'),
    weight: 25,
    banding: LINEAR,
  },
  {
    subjectKind: 'shift_lead',
    key: 'fileAccuracyRate',
    name: '准确立案率',
    formula: rate('filedVoided', 'filed'),
    weight: 40,
    banding: LOWER_IS_BETTER,
  },
  {
    subjectKind: 'shift_lead',
    key: 'closeOnTimeRate',
    name: '按时结案率',
    formula: rate('closedOnTime', 'closed'),
    weight: 35,
    banding: LINEAR,
  },
  // 派遣员 = 派遣数分值×20% + 按时派遣率×40% + 准确派遣率×40% (准确派遣 = 派遣 − 返工)
  {
    subjectKind: 'dispatcher',
    key: 'dispatchCountScore',
    name: '派遣数分值',
    formula: { kind: 'count', counter: 'dispatched' },
    weight: 20,
    banding: { kind: 'relative' },
  },
  {
    subjectKind: 'dispatcher',
    key: 'dispatchOnTimeRate',
    name: '按时派遣率',
    formula: rate('dispatchedOnTime', 'dispatched'),
    weight: 40,
    banding: LINEAR,
  },
  {
    subjectKind: 'dispatcher',
    key: 'dispatchAccuracyRate',
    name: '准确派遣率',
    formula: rate('dispatchedReworked', 'dispatched'),
    weight: 40,
    banding: LOWER_IS_BETTER,
  },
  // 区域: 结案率 = 结案/应结案, 按期结案率 = 按期结案/(应结案 − 缓办), 返工率, 超期率, 监督举报率
  {
    subjectKind: 'area',
    key: 'closeRate',
    name: '结案率',
    formula: rate('areaClosed', 'shouldClose'),
    weight: 30,
    banding: LINEAR,
  },
  {
    subjectKind: 'area',
    key: 'closeInTimeRate',
    name: '按期结案率',
    formula: rate('areaClosedOnTime', 'shouldClose', 'deferred'),
    weight: 30,
    banding: LINEAR,
  },
  {
    subjectKind: 'area',
    key: 'reworkRate',
    name: '返工率',
    formula: rate('reworked', 'shouldClose'),
    weight: 15,
    banding: LOWER_IS_BETTER,
  },
  {
    subjectKind: 'area',
    key: 'overdueRate',
    name: '超期率',
    formula: rate('overdue', 'cases'),
    weight: 15,
    banding: LOWER_IS_BETTER,
  },
  {
    subjectKind: 'area',
    key: 'supervisionReportRate',
    name: '监督举报率',
    formula: rate('supervisionReports', 'cases'),
    weight: 10,
    banding: LINEAR,
  },
  // 部门: 处置率, 按时处置率, 返工率, 超期处置数
  {
    subjectKind: 'department',
    key: 'handleRate',
    name: '处置率',
    formula: rate('handled', 'assigned'),
    weight: 30,
    banding: LINEAR,
  },
  {
    subjectKind: 'department',
    key: 'handleOnTimeRate',
    name: '按时处置率',
    formula: rate('handledOnTime', 'assigned'),
    weight: 40,
    banding: LINEAR,
  },
  {
    subjectKind: 'department',
    key: 'deptReworkRate',
    name: '返工率',
    formula: rate('deptReworked', 'assigned'),
    weight: 20,
    banding: LOWER_IS_BETTER,
  },
  {
    subjectKind: 'department',
    key: 'overdueHandlingCount',
    name: '超期处置数',
    formula: { kind: 'count', counter: 'overdueHandling' },
    weight: 10,
    banding: {
      kind: 'steps',
      steps: [
        { upTo: 0, score: 100 },
        { upTo: 2, score: 80 },
        { upTo: 5, score: 60 },
      ],
      otherwise: 40,
    },
  },
];

export function shippedIndicatorsOf(kind: SubjectKind): IndicatorDefinition[] {
  return SHIPPED_INDICATORS.filter((i) => i.subjectKind === kind);
}

/** Why a kind's indicator set cannot be saved (weights must add up to 100, keys be distinct), or null. */
export function indicatorSetProblem(indicators: readonly IndicatorDefinition[]): string | null {
  if (indicators.length === 0) return '至少需要一个指标';
  const total = indicators.reduce((sum, i) => sum + i.weight, 0);
  if (Math.abs(total - 100) > 1e-9) return `权重合计须为100%，当前为${total}%`;
  if (new Set(indicators.map((i) => i.key)).size !== indicators.length) return '指标标识不能重复';
  if (indicators.some((i) => i.weight < 0)) return '权重不能为负数';
  return null;
}
