/**
 * Case states (案件状态) on the national workflow: 信息收集 → 案卷建立 → 任务派遣 →
 * 任务处理 → 处理反馈 → 核查结案. Side flows that wait for an approval (return,
 * extension, hang-up, void) are pending requests on a case, not states of their own,
 * so the main chain stays readable and a request can be refused without losing place.
 */
export const CASE_STATUSES = [
  'reported',
  'accepted',
  'verifying',
  'filed',
  'dispatched',
  'handling',
  'fed_back',
  'checking',
  'closed',
  'voided',
  'merged',
  'hung_up',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  reported: '待受理',
  accepted: '已受理',
  verifying: '核实中',
  filed: '已立案',
  dispatched: '已派遣',
  handling: '处置中',
  fed_back: '已反馈',
  checking: '核查中',
  closed: '已结案',
  voided: '已作废',
  merged: '已并案',
  hung_up: '已挂账',
};

export function statusNameOf(status: CaseStatus): string {
  return CASE_STATUS_NAMES[status];
}

/** A merged case (并案) ends as part of its lead case; its reporter follows the lead's outcome. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'voided', 'merged'];
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

/** Timed stages (计时阶段); each has its own limit per category and urgency. */
export const CASE_STAGES = ['accept', 'file', 'dispatch', 'handle', 'check', 'close'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_NAMES: Record<CaseStage, string> = {
  accept: '受理',
  file: '立案',
  dispatch: '派遣',
  handle: '处置',
  check: '核查',
  close: '结案',
};

export const CHECK_RESULTS = ['passed', 'failed'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** Which stage's clock runs in a state; null where no clock runs (final, paused). */
export function stageOf(status: CaseStatus, checkResult: CheckResult | null): CaseStage | null {
  switch (status) {
    case 'reported':
      return 'accept';
    case 'accepted':
    case 'verifying':
      return 'file';
    case 'filed':
      return 'dispatch';
    case 'dispatched':
    case 'handling':
      return 'handle';
    case 'fed_back':
      return checkResult === 'passed' ? 'close' : 'check';
    case 'checking':
      return 'check';
    default:
      return null;
  }
}

export const CASE_SOURCES = {
  collector: '监督员上报',
  public: '公众举报',
  hotline: '12345热线',
  video: '视频智能识别',
  iot: '物联网感知',
  leader: '领导交办',
  media: '媒体曝光',
  patrol: '街面巡查',
} as const;
export type CaseSource = keyof typeof CASE_SOURCES;
export const CASE_SOURCE_KEYS = Object.keys(CASE_SOURCES) as [CaseSource, ...CaseSource[]];

/** 部件 (city components: manholes, lamps…) and 事件 (events: vending, dumping…), GB/T 47678.5. */
export const CASE_KINDS = ['component', 'event'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const URGENCIES = { normal: '一般', urgent: '紧急' } as const;
export type Urgency = keyof typeof URGENCIES;
export const URGENCY_KEYS = Object.keys(URGENCIES) as [Urgency, ...Urgency[]];

export const PENDING_KINDS = {
  return: '回退申请',
  extension: '延期申请',
  hang_up: '挂账申请',
  void: '作废申请',
  /** 街长制: 移交执法 waiting for the management area chief, 上报片长 waiting for the enforcement area chief. */
  hand_over: '移交执法申请',
  filing: '上报立案申请',
} as const;
export type PendingKind = keyof typeof PENDING_KINDS;
export const PENDING_KIND_KEYS = Object.keys(PENDING_KINDS) as [PendingKind, ...PendingKind[]];
