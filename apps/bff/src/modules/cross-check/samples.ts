import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseAttachments, caseEvents, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { crossCheckPlans, crossCheckSamples } from '@citygov/db/schema/cross-check';
import { areas, departments } from '@citygov/db/schema/org';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { aliasedTable, and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { personActor, transitionCase } from '../cases/api';
import { coversAreaPath, withinAreaScope } from '../org/api';
import type { ZLibraryInput, ZMarkInput, ZReviewInput, ZSampleInput, ZSamplesInput } from './cross-check-schemas';
import { stratumNames } from './plans';
import { crossCheckSettingsOf, reasonCodesOf, reasonNames } from './settings';

const county = aliasedTable(areas, 'county');
const reviewer = aliasedTable(users, 'reviewer');

/** Samples the caller may see: assigned to them, or of a county in their scope. */
function visible(user: SessionUser): SQL {
  return or(eq(crossCheckSamples.reviewerId, user.id), sampleOfScope(user)) as SQL;
}
const sampleOfScope = (user: SessionUser): SQL => withinAreaScope(user, county.path);

const summaryColumns = {
  id: crossCheckSamples.id,
  planId: crossCheckSamples.planId,
  month: crossCheckPlans.month,
  caseId: crossCheckSamples.caseId,
  caseNo: cases.caseNo,
  description: cases.description,
  address: cases.address,
  status: cases.status,
  stratum: crossCheckSamples.stratum,
  districtId: crossCheckSamples.districtId,
  districtName: county.name,
  reviewerId: crossCheckSamples.reviewerId,
  reviewerName: reviewer.displayName,
  verdict: crossCheckSamples.verdict,
  reasonCodes: crossCheckSamples.reasonCodes,
  note: crossCheckSamples.note,
  handling: crossCheckSamples.handling,
  reviewedAt: crossCheckSamples.reviewedAt,
  mark: crossCheckSamples.mark,
  markNote: crossCheckSamples.markNote,
};

function sampleQuery(db: Queryable) {
  return db
    .select(summaryColumns)
    .from(crossCheckSamples)
    .innerJoin(crossCheckPlans, eq(crossCheckPlans.id, crossCheckSamples.planId))
    .innerJoin(cases, eq(cases.id, crossCheckSamples.caseId))
    .innerJoin(county, eq(county.id, crossCheckSamples.districtId))
    .innerJoin(reviewer, eq(reviewer.id, crossCheckSamples.reviewerId));
}

/** 我的抽查 (assigned to me) or the samples of my counties, open or reviewed. */
export async function listSamples(db: Queryable, user: SessionUser, input: z.infer<typeof ZSamplesInput>) {
  const rows = await sampleQuery(db)
    .where(
      and(
        input.filter === 'mine' ? eq(crossCheckSamples.reviewerId, user.id) : sampleOfScope(user),
        input.status === 'open' ? isNull(crossCheckSamples.reviewedAt) : undefined,
        input.status === 'reviewed' ? isNotNull(crossCheckSamples.reviewedAt) : undefined,
        input.month ? eq(crossCheckPlans.month, input.month) : undefined,
      ),
    )
    .orderBy(desc(crossCheckPlans.month), asc(crossCheckSamples.id))
    .limit(500);
  const names = await stratumNames(db);
  return rows.map((r) => ({ ...r, stratumName: names(r.stratum) }));
}

async function loadVisibleSample(db: Queryable, user: SessionUser, id: number) {
  const [row] = await sampleQuery(db).where(and(eq(crossCheckSamples.id, id), visible(user)));
  if (!row) throw new NotFoundError('抽查样本不存在或不在您的管辖范围内');
  return row;
}

/**
 * The review page's whole case: the case's facts, its photos by step (上报/处置/核查…), its
 * location and its timeline. The reviewer reads it by the assignment, not by area scope:
 * a supervisor of another county sees only the cases given to them.
 */
export async function sampleDetail(db: Queryable, user: SessionUser, input: z.infer<typeof ZSampleInput>) {
  const sample = await loadVisibleSample(db, user, input.id);
  const [c] = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      kind: cases.kind,
      source: cases.source,
      categoryCode: cases.categoryCode,
      categoryName: categories.name,
      description: cases.description,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      status: cases.status,
      reportedAt: cases.reportedAt,
      closedAt: cases.closedAt,
      departmentName: departments.name,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.code, cases.categoryCode), eq(categories.kind, cases.kind)))
    .leftJoin(departments, eq(departments.id, cases.leadDepartmentId))
    .where(eq(cases.id, sample.caseId));
  if (!c) throw new NotFoundError('案件不存在');
  const [attachments, timeline, reasons, names] = await Promise.all([
    db
      .select({
        id: caseAttachments.id,
        purpose: caseAttachments.purpose,
        mime: caseAttachments.mime,
        at: caseAttachments.at,
      })
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, c.id))
      .orderBy(asc(caseAttachments.id)),
    db
      .select({
        id: caseEvents.id,
        at: caseEvents.at,
        label: caseEvents.label,
        actorName: caseEvents.actorName,
        reason: caseEvents.reason,
        toStatus: caseEvents.toStatus,
        deadlineAt: caseEvents.deadlineAt,
      })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, c.id))
      .orderBy(asc(caseEvents.id)),
    reasonCodesOf(db),
    reasonNames(db),
  ]);
  const stratum = (await stratumNames(db))(sample.stratum);
  return {
    sample: {
      ...sample,
      stratumName: stratum,
      reasonNames: sample.reasonCodes.map((code) => names.get(code) ?? code),
      mine: sample.reviewerId === user.id,
    },
    case: c,
    attachments: attachments.map((a) => ({
      ...a,
      url: `/api/attachments/${a.id}`,
      thumbUrl: `/api/attachments/${a.id}/thumb`,
    })),
    timeline,
    reasons,
    settings: await crossCheckSettingsOf(db),
  };
}

/**
 * 评审: 合格 or 不合格 with reason codes and a note, by the supervisor the sample was given
 * to. The verdict is a case action through the transition core, so it is on the case's
 * timeline and in the event stream the evaluation counts from: 抽查合格, 抽查不合格 (the case
 * stays closed, its county and department lose points) or 抽查返工 (back to handling), as
 * the city's setting says.
 */
export async function reviewSample(db: Queryable, user: SessionUser, input: z.infer<typeof ZReviewInput>) {
  const [sample] = await db.select().from(crossCheckSamples).where(eq(crossCheckSamples.id, input.id));
  if (!sample || (sample.reviewerId !== user.id && !(await inScope(db, user, sample.districtId)))) {
    throw new NotFoundError('抽查样本不存在或不在您的管辖范围内');
  }
  if (sample.reviewerId !== user.id)
    throw new ForbiddenError('该抽查样本已分配给其他督查员，只有被分配的督查员可以评审');
  if (sample.verdict) throw new ConflictError('该抽查样本已评审');
  const reasons = await reasonCodesOf(db);
  const labels = new Map(reasons.map((r) => [r.code, r.label]));
  const codes = input.verdict === 'qualified' ? [] : [...new Set(input.reasonCodes)];
  const unknown = codes.find((code) => !labels.has(code));
  if (unknown) throw new ValidationError(`不合格原因「${unknown}」不存在`, { field: 'reasonCodes' });
  const settings = await crossCheckSettingsOf(db);
  const action: CaseAction =
    input.verdict === 'qualified'
      ? 'crossCheckPass'
      : settings.unqualifiedHandling === 'rework'
        ? 'crossCheckRework'
        : 'crossCheckFail';
  const [row] = await db.select().from(cases).where(eq(cases.id, sample.caseId));
  if (!row) throw new NotFoundError('案件不存在');
  const reason =
    input.verdict === 'qualified'
      ? input.note || undefined
      : `${codes.map((code) => labels.get(code)).join('、')}：${input.note}`;
  const now = new Date();
  const actionInput = { reason, crossCheckSampleId: sample.id, reasonCodes: codes };
  const updated = await transitionCase(db, personActor(user), row, action, actionInput, now);
  await db
    .update(crossCheckSamples)
    .set({
      verdict: input.verdict,
      reasonCodes: codes,
      note: input.note || null,
      handling: input.verdict === 'unqualified' ? settings.unqualifiedHandling : null,
      reviewedAt: now,
    })
    .where(eq(crossCheckSamples.id, sample.id));
  return { id: sample.id, verdict: input.verdict, action, caseStatus: updated.status };
}

async function inScope(db: Queryable, user: SessionUser, districtId: number): Promise<boolean> {
  const [area] = await db.select({ path: areas.path }).from(areas).where(eq(areas.id, districtId));
  return area !== undefined && coversAreaPath(user, area.path);
}

/** 典型案例 / 错误案例: a reviewed sample joins (or leaves) the library. */
export async function markSample(db: Queryable, user: SessionUser, input: z.infer<typeof ZMarkInput>) {
  const sample = await loadVisibleSample(db, user, input.id);
  if (!sample.reviewedAt) throw new ConflictError('请先完成评审再标记案例');
  await db
    .update(crossCheckSamples)
    .set({ mark: input.mark, markNote: input.mark ? input.note || null : null, markedBy: input.mark ? user.id : null })
    .where(eq(crossCheckSamples.id, sample.id));
  return { id: sample.id, mark: input.mark };
}

/** The case library: marked samples the caller may see, searchable by number, text, note and reason. */
export async function caseLibrary(db: Queryable, user: SessionUser, input: z.infer<typeof ZLibraryInput>) {
  const words = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sampleQuery(db)
    .where(
      and(
        visible(user),
        input.mark ? eq(crossCheckSamples.mark, input.mark) : isNotNull(crossCheckSamples.mark),
        words
          ? or(
              ilike(cases.caseNo, words),
              ilike(cases.description, words),
              ilike(cases.address, words),
              ilike(crossCheckSamples.note, words),
              ilike(crossCheckSamples.markNote, words),
            )
          : undefined,
      ),
    )
    .orderBy(desc(crossCheckSamples.reviewedAt))
    .limit(200);
  const names = await reasonNames(db);
  return rows.map((r) => ({ ...r, reasonNames: r.reasonCodes.map((code) => names.get(code) ?? code) }));
}
