import { EXTENSION_UNITS, type ExtensionUnit } from './labels';

/** One timeline row's detail (jsonb written by the BFF per action) as readable Chinese lines. */
export function describeEventDetail(action: string, detail: Record<string, unknown> | null): string[] {
  if (!detail) return [];
  const lines: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (text(detail.source)) lines.push(`来源：${text(detail.source)}`);
  if (text(detail.category)) lines.push(`类别：${text(detail.category)}`);
  if (text(detail.grid)) lines.push(`网格：${text(detail.grid)}`);
  if (text(detail.lead)) lines.push(`主办部门：${text(detail.lead)}`);
  if (Array.isArray(detail.assisting) && detail.assisting.length > 0) {
    lines.push(`协办部门：${detail.assisting.map(String).join('、')}`);
  }
  if (text(detail.assignee)) lines.push(`监督员：${text(detail.assignee)}`);
  if (typeof detail.confirmed === 'boolean') {
    if (action === 'submitCheck') lines.push(`核查结果：${detail.confirmed ? '通过' : '不通过'}`);
    else lines.push(`核实结果：${detail.confirmed ? '属实' : '不属实'}`);
  }
  const extension = detail.extension;
  if (extension && typeof extension === 'object' && 'amount' in extension && 'unit' in extension) {
    const unit = EXTENSION_UNITS[String(extension.unit) as ExtensionUnit] ?? String(extension.unit);
    lines.push(`延期时长：${String(extension.amount)} ${unit}`);
  }
  return lines;
}
