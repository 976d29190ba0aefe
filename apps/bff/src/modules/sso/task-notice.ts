import type { Database } from '@citygov/db/client';
import { sendWorkNotification, type ZzdConfig } from '../../adapters/zzd/client';
import { type TaskNoticeKind, taskNotice } from '../../adapters/zzd/mapper';
import { zzdAccountIdsOf } from './external-accounts';

export interface TaskNoticeInput {
  kind: TaskNoticeKind;
  task: { caseId: number; caseNumber: string; title: string; address?: string | null; deadline?: Date | null };
  /** Our users to tell; those without a bound 浙政钉 account are skipped. */
  userIds: readonly number[];
  /** Idempotency key (the outbox message's): the platform delivers one bizMsgId once. */
  bizMsgId?: string;
}

/**
 * 工作通知 for a task (新任务, 催办, 督办, 即将超期) to the bound 浙政钉 accounts of `userIds`.
 * Resolves with the platform's msgId, or null when none of them is bound (nothing to send).
 * The outbox calls this for case events; it throws on any failure so the outbox retries.
 */
export async function sendTaskNotice(
  db: Database,
  config: { zzd: ZzdConfig | null; appUrl: string },
  input: TaskNoticeInput,
): Promise<{ msgId: string; accountIds: string[] } | null> {
  if (!config.zzd) return null;
  const accounts = await zzdAccountIdsOf(db, input.userIds);
  const accountIds = [...new Set(accounts.values())];
  if (accountIds.length === 0) return null;
  const msgId = await sendWorkNotification(config.zzd, {
    accountIds,
    message: taskNotice(input.kind, input.task, config.appUrl),
    ...(input.bizMsgId ? { bizMsgId: input.bizMsgId } : {}),
  });
  return { msgId, accountIds };
}
