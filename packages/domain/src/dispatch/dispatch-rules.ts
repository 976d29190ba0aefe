import type { Urgency } from '../cases/case-states';

/**
 * Dispatch rules (派遣规则): category × area × urgency → the lead department and any
 * assisting ones. An automatic rule dispatches a case the moment it is filed, with no
 * human step; a manual one is offered to the dispatcher as the suggestion.
 */
export interface DispatchRuleTarget {
  /** Null: any kind. */
  kind: 'component' | 'event' | null;
  /** A major class (大类) of the kind; null: any. */
  majorCode: string | null;
  /** A minor category (小类); null: any in the major class. */
  categoryCode: string | null;
  /** Materialised path of the area the rule covers ("/1/3/"); null: the whole city. */
  areaPath: string | null;
  urgency: Urgency | null;
}

export interface DispatchRule extends DispatchRuleTarget {
  id: number;
  name: string;
  enabled: boolean;
  automatic: boolean;
  /** Higher wins before specificity; lets an admin put a broad rule above narrow ones. */
  priority: number;
  leadDepartmentId: number;
  assistingDepartmentIds: readonly number[];
}

/** What a rule is matched against: the case's category, where it is, how urgent. */
export interface DispatchSubject {
  kind: 'component' | 'event';
  majorCode: string;
  categoryCode: string;
  /** The case's grid path; an area rule matches any grid below its area. */
  gridPath: string;
  urgency: Urgency;
}

export function ruleMatches(rule: DispatchRuleTarget, subject: DispatchSubject): boolean {
  if (rule.kind !== null && rule.kind !== subject.kind) return false;
  if (rule.majorCode !== null && rule.majorCode !== subject.majorCode) return false;
  if (rule.categoryCode !== null && rule.categoryCode !== subject.categoryCode) return false;
  if (rule.areaPath !== null && !subject.gridPath.startsWith(rule.areaPath)) return false;
  if (rule.urgency !== null && rule.urgency !== subject.urgency) return false;
  return true;
}

/**
 * How narrowly a rule targets: a minor category beats a major class beats any; a deeper
 * area beats a wider one; a set urgency beats any. Category counts most, then area.
 */
export function ruleSpecificity(rule: DispatchRuleTarget): number {
  const category = rule.categoryCode !== null ? 3 : rule.majorCode !== null ? 2 : rule.kind !== null ? 1 : 0;
  const areaDepth = rule.areaPath === null ? 0 : rule.areaPath.split('/').filter(Boolean).length;
  return category * 100 + areaDepth * 10 + (rule.urgency !== null ? 1 : 0);
}

/** The rule that applies to a case: enabled, matching, highest priority, then the most specific, then the oldest. */
export function matchDispatchRule<R extends DispatchRule>(rules: readonly R[], subject: DispatchSubject): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, subject)) continue;
    if (!best || compareRules(rule, best) < 0) best = rule;
  }
  return best;
}

/** Every enabled rule that matches, the one that applies first (what a preview shows to explain the choice). */
export function rankDispatchRules<R extends DispatchRule>(rules: readonly R[], subject: DispatchSubject): R[] {
  return rules.filter((rule) => rule.enabled && ruleMatches(rule, subject)).sort(compareRules);
}

function compareRules(a: DispatchRule, b: DispatchRule): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const specificity = ruleSpecificity(b) - ruleSpecificity(a);
  return specificity !== 0 ? specificity : a.id - b.id;
}

/** A rule needs a target narrower than "everything", and a lead that is not also assisting. */
export function dispatchRuleProblems(
  rule: DispatchRuleTarget & Pick<DispatchRule, 'leadDepartmentId' | 'assistingDepartmentIds'>,
): string[] {
  const problems: string[] = [];
  if (rule.categoryCode !== null && rule.majorCode === null) problems.push('选择小类时须同时选择大类');
  if ((rule.majorCode !== null || rule.categoryCode !== null) && rule.kind === null) problems.push('请选择部件或事件');
  if (rule.assistingDepartmentIds.includes(rule.leadDepartmentId)) problems.push('主办部门不能同时是协办部门');
  if (new Set(rule.assistingDepartmentIds).size !== rule.assistingDepartmentIds.length) problems.push('协办部门重复');
  return problems;
}
