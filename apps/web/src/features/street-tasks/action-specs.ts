import { actionHasField, CASE_ACTIONS, type CaseAction, ruleOf } from '@citygov/domain/cases/case-actions';
import type { PhotoPurpose } from './api/upload-photo';

/**
 * The phone's words for the actions street staff take with a form (签收 is a single
 * button). Which actions show on the phone, in what place, and which fields each asks for
 * (verdict, photos, extension, sub-unit) come from the action table in the domain; only
 * the texts and the photo purpose live here.
 */
export type FormAction =
  | 'submitVerification'
  | 'submitCheck'
  | 'feedBack'
  | 'assistFeedBack'
  | 'requestExtension'
  | 'requestReturn'
  | 'subDispatch'
  | 'requestHangUp';

export interface ActionSpec {
  title: string;
  /** 属实/不属实, 通过/不通过: sent as `confirmed` (the table's `verdict` field). */
  verdict?: { label: string; yes: string; no: string };
  reasonLabel: string;
  reasonPlaceholder: string;
  /** The table's `photos` field: the purpose, whether this action needs at least one, and the label. */
  photos?: { purpose: PhotoPurpose; required: boolean; label: string };
  submitText: string;
}

/** Derived from the table: the fields this action asks for, and whether its opinion may be empty. */
export function specFields(action: FormAction) {
  return {
    extension: actionHasField(action, 'extension'),
    subUnit: actionHasField(action, 'subUnit'),
    reasonOptional: ruleOf(action).reason === 'optional',
  };
}

export const ACTION_SPECS: Record<FormAction, ActionSpec> = {
  submitVerification: {
    title: '现场核实',
    verdict: { label: '核实结果', yes: '属实', no: '不属实' },
    reasonLabel: '核实意见',
    reasonPlaceholder: '如：现场确有垃圾堆放，约 2 立方米',
    photos: { purpose: 'verify', required: false, label: '拍摄核实照片' },
    submitText: '提交核实',
  },
  submitCheck: {
    title: '现场核查',
    verdict: { label: '核查结果', yes: '通过', no: '不通过' },
    reasonLabel: '核查意见',
    reasonPlaceholder: '如：现场已清理干净，恢复通行',
    photos: { purpose: 'check', required: false, label: '拍摄核查照片' },
    submitText: '提交核查',
  },
  feedBack: {
    title: '处置反馈',
    reasonLabel: '处置说明',
    reasonPlaceholder: '如：已安排人员清运，现场恢复整洁',
    photos: { purpose: 'feedback', required: true, label: '拍摄处置照片' },
    submitText: '提交处置反馈',
  },
  assistFeedBack: {
    title: '协办反馈',
    reasonLabel: '协办情况',
    reasonPlaceholder: '如：已配合切断周边电源，现场可以施工',
    photos: { purpose: 'feedback', required: false, label: '拍摄协办照片' },
    submitText: '提交协办反馈',
  },
  requestExtension: {
    title: '申请延期',
    reasonLabel: '延期理由',
    reasonPlaceholder: '如：需协调供电部门停电后施工',
    submitText: '提交延期申请',
  },
  requestReturn: {
    title: '申请回退',
    reasonLabel: '回退理由',
    reasonPlaceholder: '如：该问题属于交警部门职责，非本单位处置范围',
    submitText: '提交回退申请',
  },
  subDispatch: {
    title: '二级派遣',
    reasonLabel: '派遣说明',
    reasonPlaceholder: '如：请第一养护班今日内更换井盖',
    submitText: '派给下级单位',
  },
  requestHangUp: {
    title: '申请挂账',
    reasonLabel: '挂账理由',
    reasonPlaceholder: '如：涉及产权纠纷，需等待法院判决后处置',
    submitText: '提交挂账申请',
  },
};

const ACTIONS = Object.keys(CASE_ACTIONS) as CaseAction[];
/** Actions shown as the main form of a task, in the table's order. */
export const PRIMARY_ACTIONS: readonly CaseAction[] = ACTIONS.filter((a) => ruleOf(a).phone === 'primary');
/** Side steps a department may take while handling: requests, and passing the case to a sub-unit. */
export const SECONDARY_ACTIONS: readonly CaseAction[] = ACTIONS.filter((a) => ruleOf(a).phone === 'secondary');

const STREET_ACTIONS: ReadonlySet<string> = new Set([...PRIMARY_ACTIONS, ...SECONDARY_ACTIONS]);

export function isStreetAction(action: string): boolean {
  return STREET_ACTIONS.has(action);
}

export function isFormAction(action: string): action is FormAction {
  return Object.hasOwn(ACTION_SPECS, action);
}
