import { type CaseAction, isCaseAction, ruleOf } from '@citygov/domain/cases/case-actions';
import type { ChiefLine } from '@citygov/domain/street-chiefs/chief-lines';

export const LINE_COLORS: Record<ChiefLine, string> = { management: 'blue', enforcement: 'volcano' };

/** Chief actions are the action table's rows with a `chief` post; the phone shows only those. */
export function isChiefAction(action: string): action is CaseAction {
  return isCaseAction(action) && ruleOf(action).chief !== undefined;
}

/** What the form says above the opinion box, per chief action; the rest comes from the table. */
export const CHIEF_ACTION_HINTS: Partial<Record<CaseAction, string>> = {
  persuade: '现场口头规劝，须拍摄整改后的照片',
  escalate: '劝导无效，上报执法片长立案',
  notFound: '到场未发现所报问题',
  educate: '对当事人进行教育，并发送教育短信（可留当事人手机号）',
  falseReport: '所报问题不属实或不属于街面秩序',
  handOver: '移交执法街长处置，并报管理片长同意',
  closeVerify: '现场核实问题已整改，结案',
  returnToLine: '现场核实未整改，回退重新处置',
  approveHandOver: '同意移交执法街长处置',
  rejectHandOver: '不同意移交，由管理线继续处置',
  fileEnforcement: '执法立案，并推送执法办案系统',
  chiefVoid: '作废本案件',
  jointClose: '两线片长各自签认后结案',
};
