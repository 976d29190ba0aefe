import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { type CaseStatus, FINAL_STATUSES, statusNameOf } from '@citygov/domain/cases/case-states';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

/**
 * 并案 links between timelines. A merged case shows its lead's progress — to its reporter
 * too, even when the lead lies outside their scope — so only these facts are read.
 * Merging re-points earlier merged cases to the new lead, so a link is always one hop.
 */
export interface MergeLead {
  id: number;
  caseNo: string;
  status: CaseStatus;
  statusName: string;
  closedAt: Date | null;
  /** Why the lead ended (the opinion given when it was closed or voided), once it has. */
  closingReason: string | null;
}

export interface MergedCase {
  id: number;
  caseNo: string;
  reportedAt: Date;
  reporterName: string | null;
}

const isFinal = (status: CaseStatus) => FINAL_STATUSES.includes(status);

export async function mergeLeadOf(db: Queryable, leadId: number): Promise<MergeLead | null> {
  const [lead] = await db
    .select({ id: cases.id, caseNo: cases.caseNo, status: cases.status, closedAt: cases.closedAt })
    .from(cases)
    .where(eq(cases.id, leadId));
  if (!lead) return null;
  let closingReason: string | null = null;
  if (isFinal(lead.status)) {
    const [last] = await db
      .select({ reason: caseEvents.reason })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.caseId, lead.id),
          eq(caseEvents.toStatus, lead.status),
          sql`${caseEvents.fromStatus} is distinct from ${caseEvents.toStatus}`,
        ),
      )
      .orderBy(desc(caseEvents.id))
      .limit(1);
    closingReason = last?.reason ?? null;
  }
  return { ...lead, statusName: statusNameOf(lead.status), closingReason };
}

export function mergedCasesOf(db: Queryable, leadId: number): Promise<MergedCase[]> {
  return db
    .select({ id: cases.id, caseNo: cases.caseNo, reportedAt: cases.reportedAt, reporterName: cases.reporterName })
    .from(cases)
    .where(eq(cases.mergedIntoId, leadId))
    .orderBy(asc(cases.reportedAt), asc(cases.id));
}

/** Both directions for one case's detail page. */
export async function mergeLinks(db: Queryable, row: { id: number; mergedIntoId: number | null }) {
  const [mergedInto, mergedCases] = await Promise.all([
    row.mergedIntoId ? mergeLeadOf(db, row.mergedIntoId) : Promise.resolve(null),
    mergedCasesOf(db, row.id),
  ]);
  return { mergedInto, mergedCases };
}

/** Leads of many merged cases at once (lists): id → number and status. */
export async function leadsById(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { caseNo: string; status: CaseStatus }>();
  const rows = await db
    .select({ id: cases.id, caseNo: cases.caseNo, status: cases.status })
    .from(cases)
    .where(inArray(cases.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { caseNo: r.caseNo, status: r.status }]));
}
