import type { Queryable } from '@citygov/db/client';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { CASE_ACTIONS } from '@citygov/domain/cases/case-actions';
import { statusNameOf } from '@citygov/domain/cases/case-states';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { caseSummaryColumns } from '../cases/api';

/** What the side-by-side comparison shows of one case. */
export async function caseBriefs(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, CaseBrief>();
  const unique = [...new Set(ids)];
  const [rows, photos] = await Promise.all([
    db
      .select({
        ...caseSummaryColumns,
        reporterName: cases.reporterName,
        reportedAt: cases.reportedAt,
      })
      .from(cases)
      .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
      .where(inArray(cases.id, unique)),
    db
      .select({ id: caseAttachments.id, caseId: caseAttachments.caseId, purpose: caseAttachments.purpose })
      .from(caseAttachments)
      .where(and(inArray(caseAttachments.caseId, unique), like(caseAttachments.mime, 'image/%')))
      .orderBy(asc(caseAttachments.id)),
  ]);
  const mergeable = CASE_ACTIONS.merge.from as readonly string[];
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        statusName: statusNameOf(row.status),
        /** Whether this case may still be merged into another (并案 is possible up to 立案). */
        mergeable: mergeable.includes(row.status),
        photos: photos
          .filter((p) => p.caseId === row.id)
          .map((p) => ({
            id: p.id,
            purpose: p.purpose,
            url: `/api/attachments/${p.id}`,
            thumbUrl: `/api/attachments/${p.id}/thumb`,
          })),
      },
    ]),
  );
}

export type CaseBrief = {
  id: number;
  caseNo: string;
  status: string;
  statusName: string;
  version: number;
  source: string;
  kind: 'component' | 'event';
  categoryCode: string;
  categoryName: string | null;
  urgency: 'normal' | 'urgent';
  description: string;
  address: string;
  lng: number;
  lat: number;
  gridId: number;
  reporterName: string | null;
  reportedAt: Date;
  mergeable: boolean;
  photos: { id: number; purpose: string; url: string; thumbUrl: string }[];
};
