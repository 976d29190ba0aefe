import type { PendingData } from '@citygov/db/schema/cases';
import { LIMIT_UNITS } from '@citygov/domain/deadlines/time-limits';
import { z } from 'zod';
import type { CaseRow } from './load-case';

const ZPendingData = z.object({
  extension: z.object({ amount: z.number().positive(), unit: z.enum(LIMIT_UNITS) }).optional(),
  requestedBy: z.string().optional(),
});

/** A case's pending-request data, read through its schema; a row written by an older version reads as empty. */
export function pendingDataOf(row: Pick<CaseRow, 'pendingData'>): PendingData {
  const parsed = ZPendingData.safeParse(row.pendingData ?? {});
  return parsed.success ? parsed.data : {};
}
