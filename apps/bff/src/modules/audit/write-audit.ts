import type { Queryable } from '@citygov/db/client';
import { auditLog } from '@citygov/db/schema/audit';
import { sanitizeText } from '@citygov/domain/text-safety';
import { boundedDetail, truncateUtf8 } from './audit-detail';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target?: string | null;
  /** What was asked (the input) or done; stored bounded, with secrets and phone numbers masked. */
  detail?: unknown;
  /** Why a refused call was refused, as the caller was told. */
  error?: string | null;
  ip: string | null;
  areaPath: string | null;
}

/** A short text column as it may be stored: no unsafe characters, bounded. */
function column(text: string | null | undefined, maxBytes: number): string | null {
  return text === null || text === undefined ? null : truncateUtf8(sanitizeText(text), maxBytes);
}

/**
 * Appends one row to the operation log. The table is append-only and hash-chained by
 * database triggers (see the audit_log_append_only migration); nothing here can change a row.
 */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  const detail = boundedDetail(entry.detail);
  const error = column(entry.error, 600);
  await db.insert(auditLog).values({
    userId: entry.userId,
    username: column(entry.username, 120),
    action: column(entry.action, 120) ?? '',
    outcome: entry.outcome,
    target: column(entry.target, 200),
    detail: error ? { ...(detail ?? {}), error } : detail,
    ip: column(entry.ip, 64),
    areaPath: column(entry.areaPath, 400),
  });
}
