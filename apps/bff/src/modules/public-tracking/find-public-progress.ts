import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import type { CaseEventKind } from '@citygov/domain/cases/case-notes';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { PUBLIC_STEP_LABELS, publicStatusName, publicSteps } from '@citygov/domain/tracking/public-progress';
import { formatTrackingCode, normalizeTrackingCode } from '@citygov/domain/tracking/tracking-code';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { toW3 } from '../../lib/w3-time';
import { publicAgencyOf, publicNotice, publicReplyOf } from './public-case-fields';

/**
 * What the holder of a 查询码 sees: their own report (what, where, when), where it stands
 * in plain words, the key dates, the reply written for them and the public steps. Never
 * the internal reasons, remarks, staff names, sub-units, or anyone's contact details.
 */
export interface PublicProgress {
  trackingCode: string;
  /** The state in plain words (已受理, 处置中, 已办结…). */
  status: string;
  finished: boolean;
  notice: string;
  category: string | null;
  description: string;
  address: string;
  reportedAt: string;
  /** When the current step is due (the running stage clock), null once finished or paused. */
  expectedAt: string | null;
  finishedAt: string | null;
  /** The reply to the reporter: the closing note or why the report was not taken up. */
  reply: string | null;
  agency: string | null;
  /** Joined with other reports of the same problem (并案): the progress shown is the joint case's. */
  merged: boolean;
  steps: { label: string; at: string }[];
}

const progressColumns = {
  id: cases.id,
  status: cases.status,
  stage: cases.stage,
  stageDeadlineAt: cases.stageDeadlineAt,
  pausedAt: cases.pausedAt,
  closedAt: cases.closedAt,
  mergedIntoId: cases.mergedIntoId,
  reply: publicReplyOf(cases.id),
  agency: publicAgencyOf(cases.leadDepartmentId),
};

const PUBLIC_ACTIONS = Object.keys(PUBLIC_STEP_LABELS) as CaseEventKind[];

/** Looks a code up; null for anything that is not a known code, however it is malformed. */
export async function findPublicProgress(db: Queryable, typed: string): Promise<PublicProgress | null> {
  const code = normalizeTrackingCode(typed);
  if (!code) return null;
  const [own] = await db
    .select({
      ...progressColumns,
      category: categories.name,
      description: cases.description,
      address: cases.address,
      reportedAt: cases.reportedAt,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .where(eq(cases.trackingCode, code));
  if (!own) return null;
  // 并案: a merged report follows the case it joined, whose own report stays private.
  const [lead] = own.mergedIntoId
    ? await db.select(progressColumns).from(cases).where(eq(cases.id, own.mergedIntoId))
    : [];
  const progress = lead ?? own;
  const timeline = await db
    .select({ caseId: caseEvents.caseId, action: caseEvents.action, at: caseEvents.at })
    .from(caseEvents)
    .where(
      and(inArray(caseEvents.caseId, lead ? [own.id, lead.id] : [own.id]), inArray(caseEvents.action, PUBLIC_ACTIONS)),
    )
    .orderBy(asc(caseEvents.id));
  // The joint case's own 上报 is someone else's report; its later steps are this one's too.
  const entries = timeline.filter((e) => e.caseId === own.id || e.action !== 'report');
  const finished = (FINAL_STATUSES as readonly string[]).includes(progress.status);
  return {
    trackingCode: formatTrackingCode(code),
    status: publicStatusName(progress.status),
    finished,
    notice: publicNotice(progress),
    category: own.category,
    description: own.description,
    address: own.address,
    reportedAt: toW3(own.reportedAt),
    expectedAt: !finished && !progress.pausedAt && progress.stageDeadlineAt ? toW3(progress.stageDeadlineAt) : null,
    finishedAt: finished && progress.closedAt ? toW3(progress.closedAt) : null,
    reply: progress.reply,
    agency: progress.agency,
    merged: lead !== undefined,
    steps: publicSteps(entries).map((step) => ({ label: step.label, at: toW3(step.at) })),
  };
}
