import type { Permission } from '../permissions';
import type { CaseStatus, CheckResult, PendingKind } from './case-states';

/**
 * To-do queues (待办): what each role works through, as filters over cases in the
 * user's scope. The desk shows them with live counts; the portal home links to them.
 */
export interface CaseQueue {
  key: string;
  label: string;
  permission: Permission;
  statuses?: readonly CaseStatus[];
  pendingKind?: PendingKind;
  checkResult?: CheckResult | 'none';
  /** Only tasks assigned to the signed-in collector. */
  assignedToMe?: boolean;
  overdue?: boolean;
  warning?: boolean;
  supervised?: boolean;
  /** Department staff: cases their department leads (主办), or assists (协办) and has not reported on yet. */
  departmentPart?: 'lead' | 'assist';
}

export const CASE_QUEUES = [
  { key: 'toAccept', label: '待受理', permission: 'case.accept', statuses: ['reported'] },
  {
    key: 'toCheckDispatch',
    label: '待派发核查',
    permission: 'case.accept',
    statuses: ['fed_back'],
    checkResult: 'none',
  },
  { key: 'toFile', label: '待立案', permission: 'case.file', statuses: ['accepted'] },
  { key: 'voidApprovals', label: '作废审批', permission: 'case.file', pendingKind: 'void' },
  { key: 'toClose', label: '待结案', permission: 'case.close', statuses: ['fed_back'], checkResult: 'passed' },
  { key: 'checkFailed', label: '核查未通过', permission: 'case.close', statuses: ['fed_back'], checkResult: 'failed' },
  { key: 'hangUpApprovals', label: '挂账审批', permission: 'case.close', pendingKind: 'hang_up' },
  { key: 'toDispatch', label: '待派遣', permission: 'case.dispatch', statuses: ['filed'] },
  { key: 'returnApprovals', label: '回退审批', permission: 'case.dispatch', pendingKind: 'return' },
  { key: 'extensionApprovals', label: '延期审批', permission: 'case.dispatch', pendingKind: 'extension' },
  { key: 'toTakeUp', label: '待签收', permission: 'case.handle', statuses: ['dispatched'], departmentPart: 'lead' },
  { key: 'handling', label: '处置中', permission: 'case.handle', statuses: ['handling'], departmentPart: 'lead' },
  {
    key: 'assistFeedback',
    label: '协办待反馈',
    permission: 'case.handle',
    statuses: ['dispatched', 'handling', 'fed_back'],
    departmentPart: 'assist',
  },
  { key: 'verifyTasks', label: '核实任务', permission: 'case.verify', statuses: ['verifying'], assignedToMe: true },
  { key: 'checkTasks', label: '核查任务', permission: 'case.check', statuses: ['checking'], assignedToMe: true },
  { key: 'warning', label: '即将超时', permission: 'case.view', warning: true },
  { key: 'overdue', label: '已超时（督办）', permission: 'case.view', overdue: true },
  { key: 'supervised', label: '督办中', permission: 'case.supervise', supervised: true },
] as const satisfies readonly CaseQueue[];

export type CaseQueueKey = (typeof CASE_QUEUES)[number]['key'];

export function queuesFor(permissions: ReadonlySet<Permission>): CaseQueue[] {
  return CASE_QUEUES.filter((q) => permissions.has(q.permission));
}

export function findQueue(key: string): CaseQueue | undefined {
  return CASE_QUEUES.find((q) => q.key === key);
}
