import type { DispatchRuleRow } from './api/dispatch-rules';

export type RuleKind = NonNullable<DispatchRuleRow['kind']>;
export type RuleUrgency = NonNullable<DispatchRuleRow['urgency']>;

export const KIND_LABELS: Record<RuleKind, string> = { component: '部件', event: '事件' };
export const URGENCY_LABELS: Record<RuleUrgency, string> = { normal: '一般', urgent: '紧急' };

/** What a rule covers, most general first: "事件 · 施工管理类 · 施工扰民", or 不限. */
export function describeCategory(
  rule: Pick<DispatchRuleRow, 'kind' | 'majorCode' | 'majorName' | 'categoryCode' | 'categoryName'>,
): string {
  if (!rule.kind) return '不限';
  const parts = [KIND_LABELS[rule.kind]];
  if (rule.majorCode) parts.push(rule.majorName ?? rule.majorCode);
  if (rule.categoryCode) parts.push(rule.categoryName ?? rule.categoryCode);
  return parts.join(' · ');
}

export const urgencyLabel = (urgency: DispatchRuleRow['urgency']) => (urgency ? URGENCY_LABELS[urgency] : '不限');
export const modeLabel = (automatic: boolean) => (automatic ? '自动派遣' : '人工建议');
