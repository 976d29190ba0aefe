import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { ValidationError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { SYSTEM_ACTORS, transitionCase } from '../cases/api';
import { loadDuplicateSettings } from './duplicate-thresholds';
import { type DuplicateCandidate, findDuplicates, uploadedPhotoHashes } from './find-duplicates';

type CaseRow = typeof cases.$inferSelect;

/** At most this many pairs go to the shift lead per report. */
export const MAX_SUSPECTS_PER_REPORT = 3;

/** What the duplicate search needs of a new report. */
export interface ReportSubject {
  kind: 'component' | 'event';
  categoryCode: string;
  lng: number;
  lat: number;
  description: string;
  address?: string | undefined;
  /** The photos uploaded for it (their pHashes take part: 照片相似 / 照片不同). */
  attachmentIds?: readonly number[] | undefined;
}

/**
 * 智能判重 when a report is saved: one search over the whole city (a duplicate does not
 * stop at the reporter's district), with the admin's thresholds. Run before the insert,
 * so the new report is not among its own candidates.
 *
 * `uploadedBy`: whose uploads `attachmentIds` are (the reporting user; others' ids give no photos).
 */
export async function duplicatesOfReport(db: Queryable, input: ReportSubject, now: Date, uploadedBy: number) {
  const [settings, photos] = await Promise.all([
    loadDuplicateSettings(db),
    uploadedPhotoHashes(db, input.attachmentIds ?? [], uploadedBy),
  ]);
  return findDuplicates(
    db,
    'city',
    {
      kind: input.kind,
      categoryCode: input.categoryCode,
      lng: input.lng,
      lat: input.lat,
      description: input.description,
      address: input.address,
      photos,
      at: now,
      limit: MAX_SUSPECTS_PER_REPORT + 1,
    },
    settings,
  );
}

/** What the reporter said about the similar cases offered: a different problem, or the same as one of them. */
export interface ReporterChoice {
  distinct: boolean;
  sameAs: number | null;
}

/**
 * 是同一问题: the reporter chose the case their report repeats. It must be one the search
 * found near this report and still open; the report joins it, with the reporter's word as the reason.
 */
async function joinChosenCase(
  db: Queryable,
  created: CaseRow,
  candidates: readonly DuplicateCandidate[],
  sameAs: number,
  now: Date,
): Promise<CaseRow> {
  const chosen = candidates.find((c) => c.caseId === sameAs && c.decision !== 'ignore');
  const [lead] = chosen ? await db.select().from(cases).where(eq(cases.id, chosen.caseId)) : [];
  if (!chosen || !lead || !isOpen(lead.status)) {
    throw new ValidationError('所选案件已办结或不是附近的相似问题，请重新选择', { field: 'sameAsCaseId' });
  }
  const percent = Math.round(chosen.score * 100);
  const reason = `上报人确认与案件 ${lead.caseNo} 为同一问题（相似度 ${percent}%），并入`;
  const input = { leadId: lead.id, score: chosen.score, reason };
  return transitionCase(db, SYSTEM_ACTORS.duplicateCheck, created, 'autoMerge', input, now);
}

const isOpen = (status: string) => !(FINAL_STATUSES as readonly string[]).includes(status);

/**
 * What the thresholds decided for a just-saved report: the best open candidate at or
 * above `merge` takes it in (自动并案) unless the reporter said it is a different
 * problem; otherwise the candidates at or above `review` (and a `merge` one not taken)
 * become 疑似重复 pairs for the shift lead. Returns the report's row as it now stands.
 */
export async function settleReportDuplicates(
  db: Queryable,
  created: CaseRow,
  candidates: readonly DuplicateCandidate[],
  choice: ReporterChoice,
  now: Date,
): Promise<CaseRow> {
  if (choice.sameAs !== null) return joinChosenCase(db, created, candidates, choice.sameAs, now);
  const best = candidates.find((c) => c.decision === 'merge' && isOpen(c.status));
  if (best && !choice.distinct) {
    const [lead] = await db.select().from(cases).where(eq(cases.id, best.caseId));
    if (lead && isOpen(lead.status)) {
      const percent = Math.round(best.score * 100);
      const reason = `系统判定与案件 ${lead.caseNo} 为同一问题（相似度 ${percent}%），自动并入`;
      const input = { leadId: lead.id, score: best.score, reason };
      return transitionCase(db, SYSTEM_ACTORS.duplicateCheck, created, 'autoMerge', input, now);
    }
  }
  const flagged = candidates.filter((c) => c.decision !== 'ignore').slice(0, MAX_SUSPECTS_PER_REPORT);
  if (flagged.length > 0) {
    await db
      .insert(duplicateSuspects)
      .values(
        flagged.map((c) => ({
          caseId: created.id,
          candidateId: c.caseId,
          score: c.score,
          factors: { ...c.factors },
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
  }
  return created;
}
