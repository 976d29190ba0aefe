import type { Queryable } from '@citygov/db/client';
import { auditLog } from '@citygov/db/schema/audit';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  target?: string | null;
  detail?: Record<string, unknown> | null;
  ip: string | null;
  areaPath: string | null;
}

const SECRET_KEYS = /password|token|secret/i;

/** Input as it goes into the log, with secrets blanked. */
export function redactInput(input: unknown): Record<string, unknown> | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'object' || Array.isArray(input)) return { value: input };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) out[key] = SECRET_KEYS.test(key) ? '***' : value;
  return out;
}

export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    username: entry.username,
    action: entry.action,
    outcome: entry.outcome,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip,
    areaPath: entry.areaPath,
  });
}
