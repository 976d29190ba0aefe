import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { PERMISSIONS, type Permission, permissionsOf } from '../permissions';
import { actorOf, CASE_ACTION_NAMES, type CaseAction } from './case-actions';
import { CASE_STATUSES, type CaseStatus } from './case-states';
import { availableActions, blockedReason, type CaseSnapshot, planCaseAction } from './plan-case-action';

const ALL = new Set(Object.keys(PERMISSIONS) as Permission[]);
const snap = (status: CaseStatus, extra: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  status,
  pendingKind: null,
  checkResult: null,
  hungUpFrom: null,
  ...extra,
});
const withReason = { reason: '现场已核实', confirmed: true };

/**
 * Written out by hand from the workflow (not derived from the rule table): in which
 * state, with nothing pending and no check result yet, each action may be taken.
 */
const OPEN_STATES: CaseStatus[] = [
  'reported',
  'accepted',
  'verifying',
  'filed',
  'dispatched',
  'handling',
  'fed_back',
  'checking',
  'hung_up',
];
const ALLOWED_FROM: Record<CaseAction, CaseStatus[]> = {
  accept: ['reported'],
  requestVerify: ['accepted'],
  submitVerification: ['verifying'],
  file: ['accepted'],
  refuseFiling: ['reported', 'accepted'],
  dispatch: ['filed'],
  autoDispatch: ['filed'],
  forceDispatch: ['filed', 'dispatched', 'handling'],
  subDispatch: ['dispatched', 'handling'],
  merge: ['reported', 'accepted', 'verifying', 'filed'],
  autoMerge: ['reported'],
  takeUp: ['dispatched'],
  feedBack: ['handling'],
  requestCheck: ['fed_back'],
  submitCheck: ['checking'],
  close: [], // needs a passed check, tested below
  quickClose: ['fed_back'],
  rework: ['fed_back'],
  requestReturn: ['dispatched', 'handling'],
  approveReturn: [], // needs a pending return
  rejectReturn: [],
  requestExtension: ['handling'],
  approveExtension: [],
  rejectExtension: [],
  requestHangUp: ['handling'],
  approveHangUp: [],
  rejectHangUp: [],
  resume: [], // needs the state before hang-up
  requestVoid: ['reported', 'accepted'],
  approveVoid: [],
  rejectVoid: [],
  instruct: OPEN_STATES,
  supervise: OPEN_STATES,
  remind: OPEN_STATES,
  assistFeedBack: ['dispatched', 'handling', 'fed_back'],
  markDifficult: OPEN_STATES,
  orderSupervision: ['dispatched', 'handling', 'fed_back', 'checking', 'hung_up'],
  replySupervision: [], // needs a case under 督办 (supervised)
  routeToChief: ['reported'],
  // 街长制 actions need a street-governance case and a chief of its grid: tested below.
  persuade: [],
  escalate: [],
  notFound: [],
  educate: [],
  falseReport: [],
  handOver: [],
  closeVerify: [],
  returnToLine: [],
  approveHandOver: [],
  rejectHandOver: [],
  fileEnforcement: [],
  chiefVoid: [],
  jointClose: [],
  // 交叉抽查 verdicts: on closed cases only.
  crossCheckPass: ['closed'],
  crossCheckFail: ['closed'],
  crossCheckRework: ['closed'],
  callNearest: OPEN_STATES,
  acceptCall: OPEN_STATES,
  declineCall: OPEN_STATES,
  callTimeout: OPEN_STATES,
  relayCall: OPEN_STATES,
};

describe('every action in every state', () => {
  for (const action of CASE_ACTION_NAMES) {
    for (const status of CASE_STATUSES) {
      const allowed = ALLOWED_FROM[action].includes(status);
      it(`${action} from ${status}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const attempt = () => planCaseAction(snap(status), action, ALL, withReason, actorOf(action));
        if (allowed) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(ConflictError);
      });
    }
  }
});

describe('system actions', () => {
  it('people cannot take an action the system takes, nor the system one people take', () => {
    expect(() => planCaseAction(snap('filed'), 'autoDispatch', ALL, withReason)).toThrow('由系统执行');
    expect(() => planCaseAction(snap('filed'), 'dispatch', ALL, withReason, 'system')).toThrow(ForbiddenError);
    const auto = planCaseAction(snap('filed'), 'autoDispatch', ALL, {}, 'system');
    expect([auto.toStatus, auto.stage, auto.restartClock, auto.forced]).toEqual(['dispatched', 'handle', true, false]);
  });

  it('never offers a system action as a button', () => {
    const shown = availableActions(snap('filed'), ALL).map((a) => a.action);
    expect(shown).toContain('dispatch');
    expect(shown).not.toContain('autoDispatch');
    expect(availableActions(snap('reported'), ALL).map((a) => a.action)).not.toContain('autoMerge');
  });
});

describe('the main chain', () => {
  it('walks report → close and restarts the stage clock at each stage change', () => {
    const steps: [CaseAction, CaseStatus, string | null][] = [
      ['accept', 'accepted', 'file'],
      ['requestVerify', 'verifying', 'file'],
      ['submitVerification', 'accepted', 'file'],
      ['file', 'filed', 'dispatch'],
      ['dispatch', 'dispatched', 'handle'],
      ['takeUp', 'handling', 'handle'],
      ['feedBack', 'fed_back', 'check'],
      ['requestCheck', 'checking', 'check'],
      ['submitCheck', 'fed_back', 'close'],
      ['close', 'closed', null],
    ];
    let current = snap('reported');
    const restarts: boolean[] = [];
    for (const [action, to, stage] of steps) {
      const plan = planCaseAction(current, action, ALL, withReason);
      expect([plan.toStatus, plan.stage]).toEqual([to, stage]);
      restarts.push(plan.restartClock);
      current = {
        status: plan.toStatus,
        pendingKind: plan.pendingKind,
        checkResult: plan.checkResult,
        hungUpFrom: plan.hungUpFrom,
      };
    }
    // accept, file, dispatch, feedBack (→ check) and a passed check (→ close) start new clocks.
    expect(restarts).toEqual([true, false, false, true, true, false, true, false, true, false]);
  });

  it('a failed check sends the case back for rework with a fresh handling clock', () => {
    const failed = planCaseAction(snap('checking'), 'submitCheck', ALL, { reason: '仍有垃圾', confirmed: false });
    expect([failed.toStatus, failed.checkResult]).toEqual(['fed_back', 'failed']);
    const closing = () => planCaseAction(snap('fed_back', { checkResult: 'failed' }), 'close', ALL, {});
    expect(closing).toThrow('核查未通过');
    const rework = planCaseAction(snap('fed_back', { checkResult: 'failed' }), 'rework', ALL, {
      reason: '返工重新清理',
    });
    expect([rework.toStatus, rework.checkResult, rework.stage, rework.restartClock]).toEqual([
      'handling',
      null,
      'handle',
      true,
    ]);
  });

  it('quick close needs no check but a reason', () => {
    expect(planCaseAction(snap('fed_back'), 'quickClose', ALL, { reason: '照片清晰，处置到位' }).toStatus).toBe(
      'closed',
    );
    expect(() => planCaseAction(snap('fed_back'), 'quickClose', ALL, { reason: '   ' })).toThrow(ValidationError);
  });

  it('a verification that finds nothing voids the report', () => {
    expect(
      planCaseAction(snap('verifying'), 'submitVerification', ALL, { reason: '现场未发现', confirmed: false }).toStatus,
    ).toBe('voided');
    expect(() => planCaseAction(snap('verifying'), 'submitVerification', ALL, { reason: '已核实' })).toThrow(
      '核实结果',
    );
  });
});

describe('side flows', () => {
  it('a pending request blocks other requests until it is settled, but not supervision', () => {
    const requested = planCaseAction(snap('handling'), 'requestExtension', ALL, { reason: '需要采购配件' });
    expect(requested.pendingKind).toBe('extension');
    const pending = snap('handling', { pendingKind: 'extension' });
    expect(() => planCaseAction(pending, 'requestHangUp', ALL, withReason)).toThrow(
      '案件有待审批的延期申请，审批后才能申请挂账',
    );
    expect(planCaseAction(pending, 'supervise', ALL, { reason: '尽快处理' }).toStatus).toBe('handling');
    expect(() => planCaseAction(pending, 'approveReturn', ALL, {})).toThrow('没有待审批的回退申请');
    const approved = planCaseAction(pending, 'approveExtension', ALL, {});
    expect([approved.toStatus, approved.pendingKind, approved.restartClock]).toEqual(['handling', null, false]);
  });

  it('a handler keeps working while 延期 or 挂账 waits: feeding back withdraws the request', () => {
    for (const kind of ['extension', 'hang_up'] as const) {
      const pending = snap('handling', { pendingKind: kind });
      expect(blockedReason(pending, 'feedBack')).toBeNull();
      const fed = planCaseAction(pending, 'feedBack', ALL, withReason);
      expect([fed.toStatus, fed.pendingKind, fed.withdrawn]).toEqual(['fed_back', null, kind]);
    }
    // A waiting 回退 is not withdrawn by working on: the dispatcher decides it first.
    expect(blockedReason(snap('handling', { pendingKind: 'return' }), 'feedBack')).toContain('待审批的回退申请');
    expect(planCaseAction(snap('handling'), 'feedBack', ALL, withReason).withdrawn).toBeNull();
  });

  it('an approved return goes back to the dispatcher with a fresh dispatch clock; a refused one stays', () => {
    const pending = snap('dispatched', { pendingKind: 'return' });
    const approved = planCaseAction(pending, 'approveReturn', ALL, {});
    expect([approved.toStatus, approved.stage, approved.restartClock]).toEqual(['filed', 'dispatch', true]);
    expect(() => planCaseAction(pending, 'rejectReturn', ALL, {})).toThrow(ValidationError);
    expect(planCaseAction(pending, 'rejectReturn', ALL, { reason: '属于本部门职责' }).toStatus).toBe('dispatched');
  });

  it('hang-up pauses the case and resume returns to where it was, keeping the clock', () => {
    const hung = planCaseAction(snap('handling', { pendingKind: 'hang_up' }), 'approveHangUp', ALL, {});
    expect([hung.toStatus, hung.hungUpFrom, hung.stage]).toEqual(['hung_up', 'handling', null]);
    const resumed = planCaseAction(snap('hung_up', { hungUpFrom: 'handling' }), 'resume', ALL, {});
    expect([resumed.toStatus, resumed.hungUpFrom, resumed.restartClock]).toEqual(['handling', null, false]);
  });

  it('a void needs a request and an approval', () => {
    const requested = planCaseAction(snap('accepted'), 'requestVoid', ALL, { reason: '重复上报' });
    expect([requested.toStatus, requested.pendingKind]).toEqual(['accepted', 'void']);
    expect(planCaseAction(snap('accepted', { pendingKind: 'void' }), 'approveVoid', ALL, {}).toStatus).toBe('voided');
  });
});

describe('permissions', () => {
  it('refuses an action the role does not hold, before looking at the state', () => {
    expect(() => planCaseAction(snap('filed'), 'dispatch', permissionsOf('collector'), {})).toThrow(ForbiddenError);
    expect(() => planCaseAction(snap('closed'), 'dispatch', permissionsOf('collector'), {})).toThrow(ForbiddenError);
  });

  it('shows each role its own actions, disabled with a reason where the state forbids them', () => {
    const dispatcher = availableActions(snap('handling'), permissionsOf('dispatcher'));
    expect(dispatcher.map((a) => a.action)).toEqual([
      'dispatch',
      'forceDispatch',
      'supervise',
      'remind',
      'orderSupervision',
      'markDifficult',
    ]);
    expect(dispatcher.find((a) => a.action === 'dispatch')).toMatchObject({
      enabled: false,
      disabledReason: '案件当前状态为「处置中」，不能派遣',
    });
    const handler = availableActions(snap('handling'), permissionsOf('dept_handler'));
    expect(handler.filter((a) => a.enabled).map((a) => a.label)).toEqual([
      '二级派遣',
      '处置反馈',
      '申请回退',
      '申请延期',
      '申请挂账',
    ]);
    const withPending = availableActions(snap('handling', { pendingKind: 'extension' }), permissionsOf('dispatcher'));
    expect(withPending.filter((a) => a.enabled).map((a) => a.action)).toContain('approveExtension');
  });
});

describe('dispatch variants and merge', () => {
  it('a forced dispatch cannot be returned, overrides a pending return and starts a fresh handling clock', () => {
    const forced = planCaseAction(snap('handling', { pendingKind: 'return' }), 'forceDispatch', ALL, {
      reason: '职责已明确',
    });
    expect([forced.toStatus, forced.pendingKind, forced.forced, forced.restartClock]).toEqual([
      'dispatched',
      null,
      true,
      true,
    ]);
    expect(() => planCaseAction(snap('dispatched', { forced: true }), 'requestReturn', ALL, withReason)).toThrow(
      '强制派遣',
    );
    expect(() => planCaseAction(snap('filed'), 'forceDispatch', ALL, {})).toThrow(ValidationError);
    expect(() =>
      planCaseAction(snap('handling', { pendingKind: 'extension' }), 'forceDispatch', ALL, withReason),
    ).toThrow('待审批的延期申请');
    // A later ordinary dispatch (after an approved return) is returnable again.
    expect(planCaseAction(snap('filed', { forced: true }), 'dispatch', ALL, {}).forced).toBe(false);
  });

  it('a sub-unit dispatch goes back to awaiting take-up with the same deadline', () => {
    const passed = planCaseAction(snap('handling'), 'subDispatch', ALL, {});
    expect([passed.toStatus, passed.stage, passed.restartClock]).toEqual(['dispatched', 'handle', false]);
  });

  it('a cross-check verdict is never a desk button; 抽查返工 reopens a closed case with a new clock', () => {
    const shown = availableActions(snap('closed'), ALL).map((a) => a.action);
    expect(shown.filter((a) => a.startsWith('crossCheck'))).toEqual([]);
    const rework = planCaseAction(snap('closed'), 'crossCheckRework', ALL, withReason);
    expect([rework.toStatus, rework.stage, rework.restartClock, rework.checkResult]).toEqual([
      'handling',
      'handle',
      true,
      null,
    ]);
    expect(() => planCaseAction(snap('closed'), 'crossCheckFail', ALL, {})).toThrow('请填写抽查不合格意见');
  });

  it('a merged case is final: nothing but the record remains', () => {
    const merged = planCaseAction(snap('accepted'), 'merge', ALL, {});
    expect([merged.toStatus, merged.stage]).toEqual(['merged', null]);
    expect(availableActions(snap('merged'), ALL).filter((a) => a.enabled)).toEqual([]);
  });

  it('the lead department handles; an assisting one only reports its part', () => {
    const asAssist = snap('handling', { departmentRole: 'assist' });
    expect(() => planCaseAction(asAssist, 'feedBack', ALL, withReason)).toThrow('协办部门');
    expect(planCaseAction(asAssist, 'assistFeedBack', ALL, withReason).toStatus).toBe('handling');
    const asLead = snap('handling', { departmentRole: 'lead' });
    expect(() => planCaseAction(asLead, 'assistFeedBack', ALL, withReason)).toThrow('只有协办部门');
    expect(() => planCaseAction(snap('dispatched', { departmentRole: null }), 'takeUp', ALL, {})).toThrow(
      '未派遣到贵部门',
    );
    const handler = permissionsOf('dept_handler');
    expect(availableActions(asLead, handler).map((a) => a.action)).not.toContain('assistFeedBack');
    expect(
      availableActions(asAssist, handler)
        .filter((a) => a.enabled)
        .map((a) => a.action),
    ).toEqual(['assistFeedBack']);
  });
});

describe('街长制: chief actions', () => {
  const STREET = new Set<Permission>(['street.handle']);
  const management = { street: ['management' as const], area: [] };
  const chiefCase = (status: CaseStatus, extra: Partial<CaseSnapshot> = {}) =>
    snap(status, { chiefLine: 'management', chiefPart: management, ...extra });

  it('lets only the chief of the line holding the case act, and says who may', () => {
    expect(planCaseAction(chiefCase('handling'), 'educate', STREET).toStatus).toBe('fed_back');
    expect(() => planCaseAction(chiefCase('handling'), 'persuade', STREET, withReason)).toThrow(
      '只有本网格的执法街长可以口头规劝',
    );
    const enforcementChief = { street: ['enforcement' as const], area: [] };
    expect(() =>
      planCaseAction(chiefCase('handling', { chiefPart: enforcementChief }), 'persuade', STREET, withReason),
    ).toThrow('案件当前由管理线处理');
    expect(() => planCaseAction(snap('handling'), 'educate', STREET)).toThrow('该案件不是街面治理案件');
  });

  it('hands over through the management area chief, who alone settles it', () => {
    const asked = planCaseAction(chiefCase('handling'), 'handOver', STREET, withReason);
    expect([asked.toStatus, asked.pendingKind]).toEqual(['handling', 'hand_over']);
    const pending = chiefCase('handling', { pendingKind: 'hand_over' });
    expect(() => planCaseAction(pending, 'educate', STREET)).toThrow('案件有待审批的移交执法申请，审批后才能教育');
    expect(() => planCaseAction(pending, 'approveHandOver', STREET)).toThrow('只有本网格的管理片长可以同意移交');
    const area = { street: [], area: ['management' as const] };
    expect(planCaseAction({ ...pending, chiefPart: area }, 'approveHandOver', STREET).pendingKind).toBeNull();
  });

  it("closes a filed case only on the second line's signature", () => {
    const filed = { enforcementFiled: true, chiefLine: 'enforcement' as const };
    const enforcementArea = { street: [], area: ['enforcement' as const] };
    const managementArea = { street: [], area: ['management' as const] };
    const first = planCaseAction(snap('fed_back', { ...filed, chiefPart: enforcementArea }), 'jointClose', STREET);
    expect(first.toStatus).toBe('fed_back');
    const signed = snap('fed_back', { ...filed, closeSignedLine: 'enforcement', chiefPart: enforcementArea });
    expect(() => planCaseAction(signed, 'jointClose', STREET)).toThrow('等待另一条线片长');
    expect(planCaseAction({ ...signed, chiefPart: managementArea }, 'jointClose', STREET).toStatus).toBe('closed');
    expect(() => planCaseAction(chiefCase('fed_back', filed), 'closeVerify', STREET)).toThrow('联合结案');
  });

  it('shows chief buttons to chiefs on street-governance cases only', () => {
    expect(availableActions(chiefCase('handling'), STREET).map((a) => a.label)).toEqual(
      expect.arrayContaining(['教育', '未发现', '误报', '移交执法']),
    );
    expect(availableActions(snap('handling'), STREET)).toEqual([]);
  });
});
