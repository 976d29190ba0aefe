import { formatDateTime } from '../../lib/format';
import { EXTENSION_UNITS, type ExtensionUnit } from './labels';

/** One timeline row's detail (jsonb written by the BFF per action) as readable Chinese lines. */
export function describeEventDetail(action: string, detail: Record<string, unknown> | null): string[] {
  if (!detail) return [];
  const lines: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (text(detail.source)) lines.push(`来源：${text(detail.source)}`);
  if (text(detail.category)) lines.push(`类别：${text(detail.category)}`);
  if (text(detail.grid)) lines.push(`网格：${text(detail.grid)}`);
  if (text(detail.from)) lines.push(`原主办：${text(detail.from)}`);
  if (text(detail.lead)) lines.push(`${action === 'subDispatch' ? '下级单位' : '主办部门'}：${text(detail.lead)}`);
  if (Array.isArray(detail.assisting) && detail.assisting.length > 0) {
    lines.push(`协办部门：${detail.assisting.map(String).join('、')}`);
  }
  if (text(detail.assignee)) lines.push(`监督员：${text(detail.assignee)}`);
  if (text(detail.gridMember)) lines.push(`网格责任人：${text(detail.gridMember)}`);
  if (action === 'assistFeedBack' && text(detail.department)) lines.push(`协办部门：${text(detail.department)}`);
  if (typeof detail.confirmed === 'boolean') {
    if (action === 'submitCheck') lines.push(`核查结果：${detail.confirmed ? '通过' : '不通过'}`);
    else lines.push(`核实结果：${detail.confirmed ? '属实' : '不属实'}`);
  }
  // 并案: the lead a case joined, the case a lead took in, a dismissed pair's other case.
  if (text(detail.into)) lines.push(`并入案件：${text(detail.into)}`);
  if (text(detail.merged)) lines.push(`并入的案件：${text(detail.merged)}`);
  if (text(detail.other)) lines.push(`对比案件：${text(detail.other)}`);
  if (typeof detail.score === 'number') lines.push(`相似度：${Math.round(detail.score * 100)}%`);
  const extension = detail.extension;
  if (extension && typeof extension === 'object' && 'amount' in extension && 'unit' in extension) {
    const unit = EXTENSION_UNITS[String(extension.unit) as ExtensionUnit] ?? String(extension.unit);
    lines.push(`延期时长：${String(extension.amount)} ${unit}`);
  }
  // 督办单: the reply due time; a reply says whether it came late (escalated).
  if (text(detail.replyDueAt)) lines.push(`回复时限：${formatDateTime(text(detail.replyDueAt))}`);
  if (action === 'replySupervision' && typeof detail.late === 'boolean') {
    lines.push(detail.late ? '逾期回复（已升级）' : '按时回复');
  }
  // 片长指挥: who was called and from how far away.
  if (text(detail.calledName)) lines.push(`呼叫人员：${text(detail.calledName)}`);
  if (typeof detail.distanceM === 'number') lines.push(`距案件：${Math.round(detail.distanceM)} 米`);
  if (detail.noOneLeft === true) lines.push('无人接听：附近已没有可转呼的在岗人员');
  return lines;
}
