import type { Database, Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseDepartments, cases } from '@citygov/db/schema/cases';
import { isRole, roleGrants } from '@citygov/domain/permissions';
import { and, eq, inArray } from 'drizzle-orm';
import { sendTaskNotice } from '../../modules/sso/api';
import {
  type CaseChangeForChannel,
  DeliveryError,
  type DeliveryReceipt,
  type HealthReport,
  type OutboundChannel,
  type OutboundDraft,
  type OutboundMessage,
} from '../channel';
import { getAccessToken, type ZzdConfig } from './client';
import type { TaskNoticeKind } from './mapper';

export interface ZzdChannelSettings {
  db: Database;
  zzd: ZzdConfig;
  /** Where the notice's link card points (CITYGOV_PUBLIC_URL). */
  appUrl: string;
}

/**
 * The one mapping from case events to 浙政钉 工作通知:
 * - a case dispatched (派遣, 自动派遣, 强制派遣, 二级派遣) → 新任务 to the handlers of its departments;
 * - a case routed to a street chief (街面派单, 移交执法 approved) → 新任务 to that chief;
 * - 催办 / 批示 / 督办 / 督办单 → the case's assignees (its assignee, else its chief, else its departments' handlers);
 * - 呼叫最近人员 / 超时转呼 (片长指挥) → 新任务 to the one person called, named in the event;
 * - 超时未接 with nobody left to relay to → 呼叫无人接听 to the chief who called.
 */
type Receivers = 'departments' | 'chief' | 'assignees' | 'called' | 'caller';
const NOTICE_OF_ACTION: Record<string, { kind: TaskNoticeKind; to: Receivers }> = {
  dispatch: { kind: 'new_task', to: 'departments' },
  autoDispatch: { kind: 'new_task', to: 'departments' },
  forceDispatch: { kind: 'new_task', to: 'departments' },
  subDispatch: { kind: 'new_task', to: 'departments' },
  routeToChief: { kind: 'new_task', to: 'chief' },
  approveHandOver: { kind: 'new_task', to: 'chief' },
  remind: { kind: 'urge', to: 'assignees' },
  instruct: { kind: 'instruct', to: 'assignees' },
  supervise: { kind: 'supervise', to: 'assignees' },
  orderSupervision: { kind: 'supervise', to: 'assignees' },
  callNearest: { kind: 'new_task', to: 'called' },
  relayCall: { kind: 'new_task', to: 'called' },
  callTimeout: { kind: 'call_unanswered', to: 'caller' },
};

export interface ZzdNoticePayload {
  noticeKind: TaskNoticeKind;
  userIds: number[];
  task: { caseId: number; caseNumber: string; title: string; address: string; deadline: string | null };
}

/** 浙政钉 work notifications; the platform drops a repeated bizMsgId, so a retry is safe. */
export class ZzdChannel implements OutboundChannel {
  readonly system = 'zzd' as const;
  readonly idempotent = true;

  constructor(private readonly settings: ZzdChannelSettings) {}

  async draftsFor(change: CaseChangeForChannel, tx: Queryable): Promise<OutboundDraft[]> {
    const rule = NOTICE_OF_ACTION[change.event.action];
    if (!rule) return [];
    const userIds = await this.receivers(tx, change, rule.to);
    if (userIds.length === 0) return [];
    const payload: ZzdNoticePayload = {
      noticeKind: rule.kind,
      userIds,
      task: {
        caseId: change.case.id,
        caseNumber: change.case.caseNo,
        title: change.case.description.slice(0, 30),
        address: change.case.address,
        deadline: change.case.deadlineAt?.toISOString() ?? null,
      },
    };
    return [
      {
        kind: 'notice.task',
        lane: `case:${change.case.id}`,
        key: `notice:${change.event.eventId}`,
        payload: { ...payload },
      },
    ];
  }

  /** The called person and the caller are named in the event; the caller only when nobody answered at all. */
  private async receivers(tx: Queryable, change: CaseChangeForChannel, to: Receivers): Promise<number[]> {
    const detail = change.event.detail;
    if (to === 'called') return typeof detail?.calledUserId === 'number' ? [detail.calledUserId] : [];
    if (to === 'caller')
      return detail?.noOneLeft === true && typeof detail.callerId === 'number' ? [detail.callerId] : [];
    return receiversOf(tx, change.case.id, to);
  }

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const payload = message.payload as unknown as ZzdNoticePayload;
    try {
      const sent = await sendTaskNotice(
        this.settings.db,
        { zzd: this.settings.zzd, appUrl: this.settings.appUrl },
        {
          kind: payload.noticeKind,
          task: { ...payload.task, deadline: payload.task.deadline ? new Date(payload.task.deadline) : null },
          userIds: payload.userIds,
          bizMsgId: message.idempotencyKey,
        },
      );
      // Nobody of them bound to 浙政钉: nothing to send, and nothing to retry.
      return { remoteId: sent?.msgId ?? '' };
    } catch (error) {
      throw new DeliveryError(
        `浙政钉工作通知发送失败：${error instanceof Error ? error.message : String(error)}`,
        'unknown',
      );
    }
  }

  async health(): Promise<HealthReport> {
    const started = Date.now();
    try {
      await getAccessToken(this.settings.zzd);
      return { ok: true, detail: `正常（取得访问令牌，${Date.now() - started} ms）` };
    } catch (error) {
      return { ok: false, detail: `无法取得访问令牌：${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

async function receiversOf(
  tx: Queryable,
  caseId: number,
  to: 'departments' | 'chief' | 'assignees',
): Promise<number[]> {
  const [row] = await tx
    .select({ assigneeId: cases.assigneeId, chiefUserId: cases.chiefUserId })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return [];
  if (to === 'chief') return row.chiefUserId ? [row.chiefUserId] : [];
  if (to === 'assignees') {
    if (row.assigneeId) return [row.assigneeId];
    if (row.chiefUserId) return [row.chiefUserId];
  }
  const departments = await tx
    .select({ departmentId: caseDepartments.departmentId })
    .from(caseDepartments)
    .where(eq(caseDepartments.caseId, caseId));
  const departmentIds = departments.map((d) => d.departmentId);
  const [lead] = await tx.select({ id: cases.leadDepartmentId }).from(cases).where(eq(cases.id, caseId));
  if (lead?.id && !departmentIds.includes(lead.id)) departmentIds.push(lead.id);
  if (departmentIds.length === 0) return [];
  const people = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(inArray(users.departmentId, departmentIds), eq(users.active, true)));
  return people.filter((p) => isRole(p.role) && roleGrants(p.role, 'case.handle')).map((p) => p.id);
}
