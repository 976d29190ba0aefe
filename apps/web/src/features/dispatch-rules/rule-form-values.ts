import type { CreateDispatchRuleInput, DispatchRuleRow } from './api/dispatch-rules';
import type { RuleKind, RuleUrgency } from './rule-labels';

/** The rule form as antd holds it: open targets are empty fields, urgency "any" is 不限. */
export interface RuleFormValues {
  name: string;
  kind?: RuleKind;
  majorCode?: string;
  categoryCode?: string;
  areaId?: number;
  urgency: RuleUrgency | 'any';
  leadDepartmentId?: number;
  assistingDepartmentIds: number[];
  automatic: boolean;
  priority: number;
  note?: string;
}

/** A starting point for a new rule, e.g. the conditions just previewed. */
export type RuleDraft = Partial<Pick<RuleFormValues, 'kind' | 'majorCode' | 'categoryCode' | 'areaId' | 'urgency'>>;

export const NEW_RULE: RuleFormValues = {
  name: '',
  urgency: 'any',
  assistingDepartmentIds: [],
  automatic: false,
  priority: 0,
};

export function formValuesOf(rule: DispatchRuleRow): RuleFormValues {
  return {
    name: rule.name,
    kind: rule.kind ?? undefined,
    majorCode: rule.majorCode ?? undefined,
    categoryCode: rule.categoryCode ?? undefined,
    areaId: rule.areaId ?? undefined,
    urgency: rule.urgency ?? 'any',
    leadDepartmentId: rule.leadDepartmentId,
    assistingDepartmentIds: rule.assistingDepartmentIds,
    automatic: rule.automatic,
    priority: rule.priority,
    note: rule.note ?? '',
  };
}

/** What the BFF takes (every field; `enabled` is the table's switch, not the form's). */
export function ruleDataOf(values: RuleFormValues): Omit<CreateDispatchRuleInput, 'enabled'> {
  return {
    name: values.name.trim(),
    kind: values.kind ?? null,
    majorCode: values.kind ? (values.majorCode ?? null) : null,
    categoryCode: values.kind && values.majorCode ? (values.categoryCode ?? null) : null,
    areaId: values.areaId ?? null,
    urgency: values.urgency === 'any' ? null : values.urgency,
    leadDepartmentId: values.leadDepartmentId ?? 0,
    assistingDepartmentIds: values.assistingDepartmentIds ?? [],
    automatic: values.automatic,
    priority: values.priority,
    note: values.note?.trim() ? values.note.trim() : null,
  };
}

const FIELD_NAMES: readonly string[] = [
  'name',
  'kind',
  'majorCode',
  'categoryCode',
  'areaId',
  'urgency',
  'leadDepartmentId',
  'assistingDepartmentIds',
  'automatic',
  'priority',
  'note',
] satisfies (keyof RuleFormValues)[];

/** The BFF's per-field messages placed on the form's fields (an update's arrive as "data.name"). */
export function ruleFieldErrors(fieldErrors: Record<string, string[]>): { name: string; errors: string[] }[] {
  return Object.entries(fieldErrors)
    .map(([key, errors]) => ({ name: key.replace(/^data\./, '').split('.')[0] ?? '', errors }))
    .filter(({ name }) => FIELD_NAMES.includes(name));
}
