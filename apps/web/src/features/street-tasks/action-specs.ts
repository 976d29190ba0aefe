import type { PhotoPurpose } from './api/upload-photo';

/** The actions a phone user takes with a form (签收 is a single button). */
export type FormAction =
  | 'submitVerification'
  | 'submitCheck'
  | 'feedBack'
  | 'assistFeedBack'
  | 'requestExtension'
  | 'requestReturn'
  | 'subDispatch';

export interface ActionSpec {
  title: string;
  /** 属实/不属实, 通过/不通过: sent as `confirmed`. */
  verdict?: { label: string; yes: string; no: string };
  reasonLabel: string;
  reasonPlaceholder: string;
  photos?: { purpose: PhotoPurpose; required: boolean; label: string };
  extension?: boolean;
  /** 二级派遣: choose one of the lead department's sub-units (sent as leadDepartmentId). */
  subUnit?: boolean;
  /** The opinion may be left empty. */
  reasonOptional?: boolean;
  submitText: string;
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
    extension: true,
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
    subUnit: true,
    reasonLabel: '派遣说明',
    reasonPlaceholder: '如：请第一养护班今日内更换井盖',
    reasonOptional: true,
    submitText: '派给下级单位',
  },
};

/** Actions shown as the main form of a task, in the order they come up. */
export const PRIMARY_ACTIONS = ['submitVerification', 'submitCheck', 'takeUp', 'feedBack', 'assistFeedBack'] as const;
/** Side steps a department may take while handling: requests, and passing the case to a sub-unit. */
export const SECONDARY_ACTIONS = ['requestExtension', 'requestReturn', 'subDispatch'] as const;

const STREET_ACTIONS: ReadonlySet<string> = new Set([...PRIMARY_ACTIONS, ...SECONDARY_ACTIONS]);

export function isStreetAction(action: string): boolean {
  return STREET_ACTIONS.has(action);
}

export function isFormAction(action: string): action is FormAction {
  return Object.hasOwn(ACTION_SPECS, action);
}
