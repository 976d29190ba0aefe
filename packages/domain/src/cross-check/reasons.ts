/** 抽查结论: 合格 / 不合格. */
export const CROSS_CHECK_VERDICTS = { qualified: '合格', unqualified: '不合格' } as const;
export type CrossCheckVerdict = keyof typeof CROSS_CHECK_VERDICTS;
export const CROSS_CHECK_VERDICT_KEYS = Object.keys(CROSS_CHECK_VERDICTS) as [
  CrossCheckVerdict,
  ...CrossCheckVerdict[],
];

/** 典型案例 / 错误案例: a reviewed sample kept in the library as an example to follow or to avoid. */
export const CASE_MARKS = { typical: '典型案例', error: '错误案例' } as const;
export type CaseMark = keyof typeof CASE_MARKS;
export const CASE_MARK_KEYS = Object.keys(CASE_MARKS) as [CaseMark, ...CaseMark[]];

/**
 * What happens to an unqualified sample (不合格处理): 返工 sends the closed case back to its
 * department (the case action 抽查返工, counted as a rework); 计入考核 leaves the case closed
 * and deducts points from its county's and department's evaluation (抽查不合格).
 */
export const UNQUALIFIED_HANDLING = { rework: '返工重办', evaluation: '计入考核扣分' } as const;
export type UnqualifiedHandling = keyof typeof UNQUALIFIED_HANDLING;
export const UNQUALIFIED_HANDLING_KEYS = Object.keys(UNQUALIFIED_HANDLING) as [
  UnqualifiedHandling,
  ...UnqualifiedHandling[],
];

export interface CrossCheckSettings {
  unqualifiedHandling: UnqualifiedHandling;
  /** Points off the total (综合得分) per unqualified sample counted against the evaluation. */
  deductionPoints: number;
}

export const DEFAULT_CROSS_CHECK_SETTINGS: CrossCheckSettings = {
  unqualifiedHandling: 'evaluation',
  deductionPoints: 2,
};

export interface ReasonCode {
  code: string;
  label: string;
}

/** The shipped reason codes (不合格原因); the city edits the list. */
export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  { code: 'staged_photos', label: '照片摆拍或重复使用' },
  { code: 'location_mismatch', label: '位置不符' },
  { code: 'closed_unfixed', label: '未处置即结案' },
  { code: 'wrong_category', label: '分类错误' },
  { code: 'deadline_manipulated', label: '时限造假' },
];

/** Why a reason list cannot be saved, or null. */
export function reasonListProblem(reasons: readonly ReasonCode[]): string | null {
  if (reasons.length === 0) return '至少保留一个不合格原因';
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const r of reasons) {
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(r.code)) return `原因代码「${r.code}」须为小写字母、数字或下划线`;
    if (r.label.trim() === '') return '原因名称不能为空';
    if (codes.has(r.code)) return `原因代码「${r.code}」重复`;
    if (labels.has(r.label.trim())) return `原因名称「${r.label}」重复`;
    codes.add(r.code);
    labels.add(r.label.trim());
  }
  return null;
}
