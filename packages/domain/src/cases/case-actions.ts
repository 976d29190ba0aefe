import type { Permission } from '../permissions';
import type { ChiefLevel, ChiefLine } from '../street-chiefs/chief-lines';
import type { CaseSnapshot } from './case-snapshot';
import { type CaseStatus, OPEN_STATUSES, type PendingKind } from './case-states';

/**
 * Every action on a case, the one registry the server, the desk buttons, the dialog
 * fields and the phone pages read: who may take it (permission, and whether a person or
 * a system actor such as 自动派遣 takes it), from which states, where it leads, whether
 * it needs a reason, which input fields it asks for, and what it does to the side
 * facts (pending request, check result, forced flag, stage clock). The server adds one
 * action file per action for effects on other tables; adding an action is a row here,
 * that file, its field spec in the web, and its tests.
 */
export type ReasonRule = 'required' | 'optional';

/** Who takes an action: people through `cases.act`, or the system (rules, duplicate check, later sensors). */
export type ActorKind = 'person' | 'system';

/** Input an action asks for beyond the opinion (意见); the desk and the phone render one control per field. */
export type ActionField =
  | 'departments'
  | 'gridMember'
  | 'subUnit'
  | 'collector'
  | 'extension'
  | 'verdict'
  | 'photos'
  | 'mergeLead'
  | 'replyDue';

export interface CaseActionRule {
  label: string;
  permission: Permission;
  /** Defaults to 'person'. System actions never show as buttons and people cannot call them. */
  actor?: ActorKind;
  from: readonly CaseStatus[];
  /** 'same' keeps the state (side flows, supervision); 'resume' returns to the state before hang-up. */
  to: CaseStatus | 'same' | 'resume';
  reason: ReasonRule;
  /** Opens a pending request that someone else approves. */
  opens?: PendingKind;
  /** Approves or refuses the pending request of this kind. */
  settles?: PendingKind;
  /** Taken over a pending request of this kind, which it settles (强制派遣 over a 回退申请). */
  overrides?: PendingKind;
  /** Allowed while another request is pending (supervision and notes do not move the case). */
  whilePending?: boolean;
  /**
   * Allowed while a request of these kinds waits, and withdraws it: a handler keeps working
   * while 延期 or 挂账 waits for approval, and feeding back makes the request moot.
   */
  withdraws?: readonly PendingKind[];
  /** A yes/no finding (属实/不属实, 通过/不通过) is required; `rejectedTo` is where a "no" leads instead of `to`. */
  verdict?: { rejectedTo?: CaseStatus; sets?: 'checkResult' };
  /** Clears the check result (a new round of handling) or sets/clears the 强制派遣 flag. */
  clearsCheck?: boolean;
  forced?: 'set' | 'clear';
  /** approveHangUp records the state it paused; resume restores it. */
  hangUp?: 'record' | 'restore';
  /**
   * The stage clock: by default a new stage starts a new clock. 'restart' starts one even in
   * the same stage (返工, 回退, 强制派遣); 'keep' never does (二级派遣 inherits the deadline,
   * 解除挂账 resumes the paused one).
   */
  clock?: 'restart' | 'keep';
  /** A further refusal particular to this action, in the state it is taken from (null = allowed). */
  guard?: (snapshot: CaseSnapshot) => string | null;
  /** How the desk shows the button: main-chain steps are primary, refusals and returns danger. */
  tone?: 'primary' | 'danger';
  fields?: readonly ActionField[];
  /** Where the phone shows it for street staff: the task's main form, or a side step. */
  phone?: 'primary' | 'secondary';
  /**
   * 街长制: taken by a chief of the case's grid (街长 or 片长, own post or by 交接班) on a
   * line; without `line` either line's chief may. A street-level action of a line is taken
   * while the case is on that line, unless `anyLine` (结案核实 after the other line acted).
   * `anytime`: open on every case of the chief's grids (片长作废), so it alone does not make a to-do.
   */
  chief?: { level: ChiefLevel; line?: ChiefLine; anyLine?: boolean; anytime?: boolean };
  /** Needs both lines: the first area chief's signature keeps the state, the second takes it to `to`. */
  cosign?: boolean;
  /** false: taken from its own page (交叉抽查 review), never offered as a desk button. */
  desk?: false;
}

const OPEN = OPEN_STATUSES;
const DISPATCH_FIELDS = ['departments', 'gridMember'] as const;

/** The call timer's two steps differ only in their label: system-made, leaving the case where it is. */
const CALL_TIMER_STEP = {
  permission: 'command.call',
  actor: 'system',
  from: OPEN,
  to: 'same',
  reason: 'optional',
  whilePending: true,
  desk: false,
} as const;

export const CASE_ACTIONS = {
  accept: {
    label: '受理',
    permission: 'case.accept',
    from: ['reported'],
    to: 'accepted',
    reason: 'optional',
    tone: 'primary',
  },
  requestVerify: {
    label: '派发核实',
    permission: 'case.accept',
    from: ['accepted'],
    to: 'verifying',
    reason: 'optional',
    fields: ['collector'],
  },
  /** A "not real" finding voids the report. */
  submitVerification: {
    label: '提交核实',
    permission: 'case.verify',
    from: ['verifying'],
    to: 'accepted',
    reason: 'required',
    verdict: { rejectedTo: 'voided' },
    tone: 'primary',
    fields: ['verdict', 'photos'],
    phone: 'primary',
  },
  file: {
    label: '立案',
    permission: 'case.file',
    from: ['accepted'],
    to: 'filed',
    reason: 'optional',
    tone: 'primary',
  },
  refuseFiling: {
    label: '不予立案',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'voided',
    reason: 'required',
    tone: 'danger',
  },
  dispatch: {
    label: '派遣',
    permission: 'case.dispatch',
    from: ['filed'],
    to: 'dispatched',
    reason: 'optional',
    clearsCheck: true,
    forced: 'clear',
    tone: 'primary',
    fields: DISPATCH_FIELDS,
  },
  /** 自动派遣: a just-filed case whose matching dispatch rule is automatic. */
  autoDispatch: {
    label: '自动派遣',
    permission: 'case.dispatch',
    actor: 'system',
    from: ['filed'],
    to: 'dispatched',
    reason: 'optional',
    clearsCheck: true,
    forced: 'clear',
  },
  /** Dispatch the department cannot return: after a dispute, or to take a case from one department to another. */
  forceDispatch: {
    label: '强制派遣',
    permission: 'case.dispatch',
    from: ['filed', 'dispatched', 'handling'],
    to: 'dispatched',
    reason: 'required',
    overrides: 'return',
    clearsCheck: true,
    forced: 'set',
    clock: 'restart',
    fields: DISPATCH_FIELDS,
  },
  /** 二级派遣: the lead department passes the case to one of its sub-units; the deadline stays. */
  subDispatch: {
    label: '二级派遣',
    permission: 'case.handle',
    from: ['dispatched', 'handling'],
    to: 'dispatched',
    reason: 'optional',
    clock: 'keep',
    fields: ['subUnit'],
    phone: 'secondary',
  },
  /** 并案: this case is the same problem as another (the lead) and ends with it. */
  merge: {
    label: '并案',
    permission: 'case.file',
    from: ['reported', 'accepted', 'verifying', 'filed'],
    to: 'merged',
    reason: 'optional',
    fields: ['mergeLead'],
  },
  /** 自动并案: a new report the duplicate check (智能判重) scored at or above the merge threshold. */
  autoMerge: {
    label: '自动并案',
    permission: 'case.file',
    actor: 'system',
    from: ['reported'],
    to: 'merged',
    reason: 'required',
  },
  takeUp: {
    label: '签收',
    permission: 'case.handle',
    from: ['dispatched'],
    to: 'handling',
    reason: 'optional',
    tone: 'primary',
    phone: 'primary',
  },
  feedBack: {
    label: '处置反馈',
    permission: 'case.handle',
    from: ['handling'],
    to: 'fed_back',
    reason: 'required',
    withdraws: ['extension', 'hang_up'],
    tone: 'primary',
    fields: ['photos'],
    phone: 'primary',
  },
  requestCheck: {
    label: '派发核查',
    permission: 'case.accept',
    from: ['fed_back'],
    to: 'checking',
    reason: 'optional',
    guard: (s) => (s.checkResult === 'passed' ? '核查已通过，可直接结案' : null),
    tone: 'primary',
    fields: ['collector'],
  },
  submitCheck: {
    label: '提交核查',
    permission: 'case.check',
    from: ['checking'],
    to: 'fed_back',
    reason: 'required',
    verdict: { sets: 'checkResult' },
    tone: 'primary',
    fields: ['verdict', 'photos'],
    phone: 'primary',
  },
  close: {
    label: '结案',
    permission: 'case.close',
    from: ['fed_back'],
    to: 'closed',
    reason: 'optional',
    guard: (s) => (s.checkResult === 'passed' ? null : '核查未通过或尚未核查，不能结案（可快速结案或返工）'),
    tone: 'primary',
  },
  quickClose: { label: '快速结案', permission: 'case.close', from: ['fed_back'], to: 'closed', reason: 'required' },
  rework: {
    label: '返工',
    permission: 'case.close',
    from: ['fed_back'],
    to: 'handling',
    reason: 'required',
    clearsCheck: true,
    clock: 'restart',
    tone: 'danger',
  },
  requestReturn: {
    label: '申请回退',
    permission: 'case.handle',
    from: ['dispatched', 'handling'],
    to: 'same',
    reason: 'required',
    opens: 'return',
    guard: (s) => (s.forced ? '该案件为强制派遣，不能申请回退' : null),
    phone: 'secondary',
  },
  approveReturn: {
    label: '同意回退',
    permission: 'case.dispatch',
    from: ['dispatched', 'handling'],
    to: 'filed',
    reason: 'optional',
    settles: 'return',
    clearsCheck: true,
    forced: 'clear',
    clock: 'restart',
    tone: 'primary',
  },
  rejectReturn: {
    label: '驳回回退',
    permission: 'case.dispatch',
    from: ['dispatched', 'handling'],
    to: 'same',
    reason: 'required',
    settles: 'return',
    tone: 'danger',
  },
  requestExtension: {
    label: '申请延期',
    permission: 'case.handle',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'extension',
    fields: ['extension'],
    phone: 'secondary',
  },
  approveExtension: {
    label: '同意延期',
    permission: 'case.dispatch',
    from: ['handling'],
    to: 'same',
    reason: 'optional',
    settles: 'extension',
    tone: 'primary',
  },
  rejectExtension: {
    label: '驳回延期',
    permission: 'case.dispatch',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    settles: 'extension',
    tone: 'danger',
  },
  requestHangUp: {
    label: '申请挂账',
    permission: 'case.handle',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'hang_up',
    phone: 'secondary',
  },
  approveHangUp: {
    label: '同意挂账',
    permission: 'case.close',
    from: ['handling'],
    to: 'hung_up',
    reason: 'optional',
    settles: 'hang_up',
    hangUp: 'record',
    tone: 'primary',
  },
  rejectHangUp: {
    label: '驳回挂账',
    permission: 'case.close',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    settles: 'hang_up',
    tone: 'danger',
  },
  resume: {
    label: '解除挂账',
    permission: 'case.close',
    from: ['hung_up'],
    to: 'resume',
    reason: 'optional',
    hangUp: 'restore',
    clock: 'keep',
    guard: (s) => (s.hungUpFrom ? null : '挂账前状态未知，不能解除挂账'),
    tone: 'primary',
  },
  requestVoid: {
    label: '申请作废',
    permission: 'case.accept',
    from: ['reported', 'accepted'],
    to: 'same',
    reason: 'required',
    opens: 'void',
  },
  approveVoid: {
    label: '同意作废',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'voided',
    reason: 'optional',
    settles: 'void',
    tone: 'primary',
  },
  rejectVoid: {
    label: '驳回作废',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'same',
    reason: 'required',
    settles: 'void',
    tone: 'danger',
  },
  supervise: {
    label: '督办',
    permission: 'case.supervise',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  /** 领导批示: a leader's instruction on an open case; it stands on the case until it closes and notifies the assignees. */
  instruct: {
    label: '领导批示',
    permission: 'case.instruct',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  remind: {
    label: '催办',
    permission: 'case.supervise',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  /**
   * 督办单: an order to the lead department with a reply due time; the case keeps moving.
   * The order row itself is written by the action's file (modules/cases/actions/order-supervision.ts).
   */
  orderSupervision: {
    label: '下达督办单',
    permission: 'case.supervise',
    from: ['dispatched', 'handling', 'fed_back', 'checking', 'hung_up'],
    to: 'same',
    reason: 'required',
    whilePending: true,
    fields: ['replyDue'],
  },
  /** The lead department answers its open 督办单 (回复督办); late answers stay marked as escalated. */
  replySupervision: {
    label: '回复督办',
    permission: 'case.handle',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
    guard: (s) => (s.supervised ? null : '该案件没有督办单'),
  },
  /** An assisting (协办) department reports its part; the lead department's feedback moves the case. */
  assistFeedBack: {
    label: '协办反馈',
    permission: 'case.handle',
    from: ['dispatched', 'handling', 'fed_back'],
    to: 'same',
    reason: 'required',
    whilePending: true,
    fields: ['photos'],
    phone: 'primary',
  },
  /** 街面派单: a street-governance report goes straight to the chief of its grid and line. */
  routeToChief: {
    label: '街面派单',
    permission: 'street.handle',
    actor: 'system',
    from: ['reported'],
    to: 'handling',
    reason: 'optional',
  },
  /** 口头规劝: the enforcement chief corrects it on the spot; the photo shows the corrected state. */
  persuade: {
    label: '口头规劝',
    permission: 'street.handle',
    chief: { level: 'street', line: 'enforcement' },
    from: ['handling'],
    to: 'fed_back',
    reason: 'required',
    tone: 'primary',
    fields: ['photos'],
  },
  /** 上报片长: the enforcement chief asks the area chief to file an enforcement case. */
  escalate: {
    label: '上报片长',
    permission: 'street.handle',
    chief: { level: 'street', line: 'enforcement' },
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'filing',
  },
  notFound: {
    label: '未发现',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management' },
    from: ['handling'],
    to: 'closed',
    reason: 'required',
    fields: ['photos'],
  },
  /** 教育: the subject gets the education SMS (recorded until the SMS adapter sends it). */
  educate: {
    label: '教育',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management' },
    from: ['handling'],
    to: 'fed_back',
    reason: 'optional',
    tone: 'primary',
    fields: ['photos'],
  },
  falseReport: {
    label: '误报',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management' },
    from: ['handling'],
    to: 'voided',
    reason: 'required',
    tone: 'danger',
  },
  /** 移交执法: the management chief hands it to the enforcement line; the management area chief approves. */
  handOver: {
    label: '移交执法',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management' },
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'hand_over',
  },
  /** 结案核实: the management chief confirms on site that the problem is gone. */
  closeVerify: {
    label: '结案核实',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management', anyLine: true },
    from: ['fed_back'],
    to: 'closed',
    reason: 'optional',
    guard: (s) => (s.enforcementFiled ? '已执法立案的案件由两线片长联合结案' : null),
    tone: 'primary',
    fields: ['photos'],
  },
  /** 回退: the closing check finds it not done; back to the line that fed it back. */
  returnToLine: {
    label: '回退',
    permission: 'street.handle',
    chief: { level: 'street', line: 'management', anyLine: true },
    from: ['fed_back'],
    to: 'handling',
    reason: 'required',
    clock: 'restart',
    guard: (s) => (s.enforcementFiled ? '已执法立案的案件不能回退' : null),
    tone: 'danger',
  },
  approveHandOver: {
    label: '同意移交',
    permission: 'street.handle',
    chief: { level: 'area', line: 'management' },
    from: ['handling'],
    to: 'same',
    reason: 'optional',
    settles: 'hand_over',
    tone: 'primary',
  },
  rejectHandOver: {
    label: '驳回移交',
    permission: 'street.handle',
    chief: { level: 'area', line: 'management' },
    from: ['handling'],
    to: 'same',
    reason: 'required',
    settles: 'hand_over',
    tone: 'danger',
  },
  /** 执法立案: the enforcement area chief files it and pushes it to the enforcement case system. */
  fileEnforcement: {
    label: '执法立案',
    permission: 'street.handle',
    chief: { level: 'area', line: 'enforcement' },
    from: ['handling'],
    to: 'fed_back',
    reason: 'optional',
    settles: 'filing',
    tone: 'primary',
  },
  chiefVoid: {
    label: '片长作废',
    permission: 'street.handle',
    chief: { level: 'area', anytime: true },
    from: ['handling', 'fed_back'],
    to: 'voided',
    reason: 'required',
    tone: 'danger',
  },
  /** 联合结案: the area chiefs of both lines sign; the second signature closes the case. */
  jointClose: {
    label: '联合结案',
    permission: 'street.handle',
    chief: { level: 'area' },
    from: ['fed_back'],
    to: 'closed',
    reason: 'optional',
    cosign: true,
    guard: (s) => (s.enforcementFiled ? null : '未执法立案的案件由管理街长结案核实'),
    tone: 'primary',
  },
  markDifficult: {
    label: '标记疑难',
    permission: 'case.dispatch',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  /**
   * 交叉抽查 verdicts on a closed sampled case, taken from the review page by the supervisor
   * of another county the sample was assigned to (the action file checks the sample).
   * 合格 and 不合格 (计入考核) leave the case closed; 抽查返工 sends it back to its department.
   */
  crossCheckPass: {
    label: '抽查合格',
    permission: 'crossCheck.review',
    from: ['closed'],
    to: 'same',
    reason: 'optional',
    whilePending: true,
    desk: false,
  },
  crossCheckFail: {
    label: '抽查不合格',
    permission: 'crossCheck.review',
    from: ['closed'],
    to: 'same',
    reason: 'required',
    whilePending: true,
    desk: false,
  },
  crossCheckRework: {
    label: '抽查返工',
    permission: 'crossCheck.review',
    from: ['closed'],
    to: 'handling',
    reason: 'required',
    clearsCheck: true,
    clock: 'restart',
    tone: 'danger',
    desk: false,
  },
  /**
   * 片长指挥 呼叫最近人员: the nearest available field worker (on duty, fresh position, in the
   * case's area, no open call) is sent the case; the action's file picks them and records
   * who and how far. Taken from the command scene, not the desk's button bar.
   */
  callNearest: {
    label: '呼叫最近人员',
    permission: 'command.call',
    from: OPEN,
    to: 'same',
    reason: 'optional',
    whilePending: true,
    desk: false,
  },
  /** The called person answers on the phone: 接受 (on the way) … */
  acceptCall: {
    label: '接受呼叫',
    permission: 'staff.duty',
    from: OPEN,
    to: 'same',
    reason: 'optional',
    whilePending: true,
    desk: false,
  },
  /** … or 拒绝, which lets the chief call the next nearest. */
  declineCall: {
    label: '拒绝呼叫',
    permission: 'staff.duty',
    from: OPEN,
    to: 'same',
    reason: 'optional',
    whilePending: true,
    desk: false,
  },
  /** A call nobody answered within the timeout (CITYGOV_CALL_TIMEOUT_SECONDS): 超时未接, by the queue's job. */
  callTimeout: { label: '超时未接', ...CALL_TIMER_STEP },
  /** … and the call passes on to the next nearest available person not yet called for the case. */
  relayCall: { label: '超时转呼', ...CALL_TIMER_STEP },
} as const satisfies Record<string, CaseActionRule>;

export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

export function ruleOf(action: CaseAction): CaseActionRule {
  return CASE_ACTIONS[action];
}

export function actorOf(action: CaseAction): ActorKind {
  return ruleOf(action).actor ?? 'person';
}

/** Actions people take through `cases.act` (system actions are taken by the server alone). */
export const PERSON_ACTIONS = CASE_ACTION_NAMES.filter((action) => actorOf(action) === 'person');

/**
 * Supervision and flags annotate a case without moving it: they neither need the
 * version the user saw nor bump it, so a leader's 督办 never voids a handler's submission.
 */
export function isAnnotation(action: CaseAction): boolean {
  const rule = ruleOf(action);
  return rule.to === 'same' && rule.whilePending === true;
}

export function isCaseAction(value: string): value is CaseAction {
  return Object.hasOwn(CASE_ACTIONS, value);
}

export function actionHasField(action: CaseAction, field: ActionField): boolean {
  return ruleOf(action).fields?.includes(field) ?? false;
}
