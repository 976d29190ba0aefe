import { maskPhone } from '../personal-data';

/**
 * 信息采集 (information collection): object types with a form definition each, records
 * and their states. The definitions are data (seeded by migration 0019); this file holds
 * the rules every path shares: validating values against a definition and masking.
 */
export const COLLECTION_STATUS = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  deregistered: '已注销',
  deregister_pending: '注销待审批',
} as const;
export type CollectionStatus = keyof typeof COLLECTION_STATUS;
export const COLLECTION_STATUS_KEYS = [
  'pending',
  'approved',
  'rejected',
  'deregistered',
  'deregister_pending',
] as const satisfies readonly CollectionStatus[];

export const COLLECTION_SOURCE = { qr: '二维码', desk: '后台', import: '导入' } as const;
export type CollectionSource = keyof typeof COLLECTION_SOURCE;
export const COLLECTION_SOURCE_KEYS = ['qr', 'desk', 'import'] as const satisfies readonly CollectionSource[];

export const FIELD_TYPES = ['text', 'phone', 'idcard', 'number', 'select'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a type's form. A masked field is shown as 138****0000 in lists. */
export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  masked?: boolean;
  options?: string[];
}

export type FieldValues = Record<string, string>;

const MOBILE = /^1[3-9]\d{9}$/;
const ID_CARD = /^\d{17}[\dXx]$/;

/** The problem of one value, in Chinese, or null. */
export function fieldProblem(field: FieldDef, raw: unknown): string | null {
  const value = raw === undefined || raw === null ? '' : String(raw).trim();
  if (value === '') return field.required ? `「${field.label}」不能为空` : null;
  if (value.length > 200) return `「${field.label}」不能超过 200 字`;
  switch (field.type) {
    case 'phone':
      return MOBILE.test(value) ? null : `「${field.label}」不是正确的手机号码`;
    case 'idcard':
      return ID_CARD.test(value) ? null : `「${field.label}」不是正确的 18 位身份证号码`;
    case 'number':
      return Number.isFinite(Number(value)) ? null : `「${field.label}」须为数字`;
    case 'select':
      return field.options?.includes(value) ? null : `「${field.label}」须为：${(field.options ?? []).join('、')}`;
    default:
      return null;
  }
}

/** Checks values against a definition: the cleaned values (known keys only), or the problems. */
export function checkValues(
  fields: readonly FieldDef[],
  values: Record<string, unknown>,
): { ok: true; values: FieldValues } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const clean: FieldValues = {};
  for (const field of fields) {
    const problem = fieldProblem(field, values[field.key]);
    if (problem) problems.push(problem);
    const value = values[field.key];
    if (value !== undefined && value !== null && String(value).trim() !== '') clean[field.key] = String(value).trim();
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: clean };
}

/** An ID number keeps its first three and last four characters. */
export function maskIdNumber(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

export function maskValue(field: FieldDef, value: string): string {
  if (field.type === 'phone') return maskPhone(value) ?? '';
  if (field.type === 'idcard') return maskIdNumber(value);
  return `${value.slice(0, 1)}${'*'.repeat(Math.max(2, value.length - 1))}`;
}

/** Values as a list shows them: masked fields masked. */
export function maskedValues(fields: readonly FieldDef[], values: FieldValues): FieldValues {
  const out: FieldValues = { ...values };
  for (const field of fields) {
    const value = values[field.key];
    if (field.masked && value) out[field.key] = maskValue(field, value);
  }
  return out;
}

/** The status a new or owner-edited record starts in. */
export function initialStatus(reviewRequired: boolean): CollectionStatus {
  return reviewRequired ? 'pending' : 'approved';
}

/** A field as the form editor sends it: a kept field carries its key, a new one has none yet. */
export interface FieldDraft {
  key?: string | undefined;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[] | undefined;
}

export const MAX_FORM_FIELDS = 40;

/**
 * The next version of a form from the editor's list (in display order), or the problems in
 * Chinese. A kept field keeps its key (a rename changes only the label) and its masking, so
 * its values carry over; a new field gets a key no earlier version used (`v<version>_<n>`),
 * so a removed field's old values never show up under a new one.
 */
export function nextFormVersion(
  previous: readonly FieldDef[],
  drafts: readonly FieldDraft[],
  version: number,
): { ok: true; fields: FieldDef[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (drafts.length === 0) problems.push('表单至少需要一个字段');
  if (drafts.length > MAX_FORM_FIELDS) problems.push(`表单最多 ${MAX_FORM_FIELDS} 个字段`);
  const byKey = new Map(previous.map((f) => [f.key, f]));
  const labels = new Set<string>();
  const keys = new Set<string>();
  const fields = drafts.map((draft, i): FieldDef => {
    const label = draft.label.trim();
    if (!label) problems.push(`第 ${i + 1} 个字段没有名称`);
    else if (label.length > 20) problems.push(`字段「${label}」的名称不能超过 20 字`);
    else if (labels.has(label)) problems.push(`字段名称「${label}」重复`);
    labels.add(label);
    const kept = draft.key ? byKey.get(draft.key) : undefined;
    if (draft.key && !kept) problems.push(`字段「${label}」不属于当前表单，请刷新后重试`);
    const key = kept?.key ?? `v${version}_${i + 1}`;
    if (keys.has(key)) problems.push(`字段「${label}」出现了两次`);
    keys.add(key);
    const field: FieldDef = { key, label, type: draft.type, required: draft.required };
    if (kept?.masked) field.masked = true;
    if (draft.type === 'select') {
      const options = [...new Set((draft.options ?? []).map((o) => o.trim()).filter(Boolean))];
      if (options.length === 0) problems.push(`下拉字段「${label}」至少需要一个选项`);
      field.options = options;
    }
    return field;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}
