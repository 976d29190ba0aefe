import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { enforcementLinks } from '@citygov/db/schema/enforcement';
import { integrationCallbacks, outboxMessages } from '@citygov/db/schema/outbox';
import { CASE_STATUS_NAMES } from '@citygov/domain/cases/case-states';
import { ConflictError, NotFoundError } from '@citygov/domain/errors';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DeliveryError } from '../../adapters/channel';
import {
  ENFORCEMENT_STAGE_LABELS,
  ENFORCEMENT_SUBJECT_KIND_LABELS,
  type EnforcementSubject,
  ZEnforcementFeedback,
} from '../../adapters/enforcement/contract';
import { CASE_SOURCE_KIND, EnforcementChannel } from '../../adapters/enforcement/enforcement-channel';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope, loadCaseForWork, loadCaseInScope, remarkOnCase } from '../cases/api';
import { enqueueCaseSource } from './enforcement-push';
import type { ZLinkInput, ZLookupInput, ZPushInput } from './enforcement-schemas';

/** The enforcement system this process is linked to, or a clear refusal. */
function channelOf(config: Pick<AppConfig, 'enforcement'>): EnforcementChannel {
  if (!config.enforcement) throw new ConflictError('未接入执法系统，请联系管理员配置');
  return new EnforcementChannel(config.enforcement);
}

async function askSystem<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DeliveryError) throw new ConflictError(`执法系统暂时无法查询：${error.message}`);
    throw error;
  }
}

/** 执法对象查询: subjects with their 违法记录 and 处罚记录, and how many of our cases (in scope) each is linked to. */
export async function lookupSubjects(
  db: Queryable,
  user: SessionUser,
  config: Pick<AppConfig, 'enforcement'>,
  input: z.output<typeof ZLookupInput>,
) {
  const channel = channelOf(config);
  const subjects = await askSystem(() => channel.lookup(input.kind, input.q));
  const ids = subjects.map((s) => s.subjectId);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ subjectId: enforcementLinks.subjectId, cases: count() })
          .from(enforcementLinks)
          .innerJoin(cases, eq(cases.id, enforcementLinks.caseId))
          .where(and(inArray(enforcementLinks.subjectId, ids), caseScope(user)))
          .groupBy(enforcementLinks.subjectId);
  const byId = new Map(counts.map((c) => [c.subjectId, Number(c.cases)]));
  return subjects.map((s) => ({
    ...s,
    kindLabel: ENFORCEMENT_SUBJECT_KIND_LABELS[s.kind],
    linkedCases: byId.get(s.subjectId) ?? 0,
  }));
}

/** 以人查事: the cases (in the caller's scope) linked to a subject, newest link first. */
export async function casesOfSubject(db: Queryable, user: SessionUser, subjectId: string) {
  const rows = await db
    .select({
      caseId: cases.id,
      caseNo: cases.caseNo,
      status: cases.status,
      address: cases.address,
      description: cases.description,
      reportedAt: cases.reportedAt,
      linkedAt: enforcementLinks.linkedAt,
      linkedBy: users.displayName,
    })
    .from(enforcementLinks)
    .innerJoin(cases, eq(cases.id, enforcementLinks.caseId))
    .innerJoin(users, eq(users.id, enforcementLinks.linkedBy))
    .where(and(eq(enforcementLinks.subjectId, subjectId), caseScope(user)))
    .orderBy(desc(enforcementLinks.linkedAt), desc(enforcementLinks.id))
    .limit(200);
  return rows.map((r) => ({ ...r, statusLabel: CASE_STATUS_NAMES[r.status] }));
}

/** 以事查人, with the case's 案源 push state and the system's feedback: the case page's 执法 section. */
export async function caseEnforcement(db: Queryable, user: SessionUser, caseId: number) {
  const row = await loadCaseInScope(db, user, caseId);
  const subjects = await db
    .select({
      subjectId: enforcementLinks.subjectId,
      kind: enforcementLinks.subjectKind,
      name: enforcementLinks.subjectName,
      code: enforcementLinks.subjectCode,
      linkedAt: enforcementLinks.linkedAt,
      linkedBy: users.displayName,
    })
    .from(enforcementLinks)
    .innerJoin(users, eq(users.id, enforcementLinks.linkedBy))
    .where(eq(enforcementLinks.caseId, row.id))
    .orderBy(asc(enforcementLinks.id));
  const [push] = await db
    .select({
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      caseSourceId: outboxMessages.remoteId,
      queuedAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.system, 'enforcement'),
        eq(outboxMessages.kind, CASE_SOURCE_KIND),
        eq(outboxMessages.caseId, row.id),
      ),
    )
    .limit(1);
  const callbacks = await db
    .select({ payload: integrationCallbacks.payload, receivedAt: integrationCallbacks.receivedAt })
    .from(integrationCallbacks)
    .where(and(eq(integrationCallbacks.system, 'enforcement'), eq(integrationCallbacks.caseNo, row.caseNo)))
    .orderBy(asc(integrationCallbacks.id));
  const feedback = callbacks.flatMap(({ payload }) => {
    const parsed = ZEnforcementFeedback.safeParse(payload);
    if (!parsed.success) return [];
    const f = parsed.data;
    return [
      {
        feedbackId: f.feedbackId,
        stage: f.stage,
        stageLabel: ENFORCEMENT_STAGE_LABELS[f.stage],
        reference: f.reference,
        opinion: f.opinion,
        at: new Date(f.at),
      },
    ];
  });
  return {
    caseId: row.id,
    caseNo: row.caseNo,
    subjects: subjects.map((s) => ({ ...s, kindLabel: ENFORCEMENT_SUBJECT_KIND_LABELS[s.kind] })),
    push: push ? { ...push, statusLabel: PUSH_STATUS_LABELS[push.status] } : null,
    feedback,
  };
}

const PUSH_STATUS_LABELS: Record<string, string> = {
  pending: '待推送',
  sending: '推送中',
  sent: '已推送',
  dead: '推送失败',
};

/** 关联当事人: the subject is read from the system by its id (its name and code are not taken from the client). */
export async function linkSubject(
  db: Queryable,
  user: SessionUser,
  config: Pick<AppConfig, 'enforcement'>,
  input: z.output<typeof ZLinkInput>,
) {
  const row = await loadCaseForWork(db, user, input.caseId);
  const channel = channelOf(config);
  const found = await askSystem(() => channel.lookup(null, input.subjectId));
  const subject: EnforcementSubject | undefined = found.find((s) => s.subjectId === input.subjectId);
  if (!subject) throw new NotFoundError('执法系统中没有这个当事人');
  const [linked] = await db
    .insert(enforcementLinks)
    .values({
      caseId: row.id,
      subjectId: subject.subjectId,
      subjectKind: subject.kind,
      subjectName: subject.name,
      subjectCode: subject.code,
      linkedBy: user.id,
    })
    .onConflictDoNothing()
    .returning({ id: enforcementLinks.id });
  if (!linked) throw new ConflictError(`「${subject.name}」已关联到本案件`);
  await remarkOnCase(
    db,
    user,
    row,
    `关联当事人：${subject.name}（${ENFORCEMENT_SUBJECT_KIND_LABELS[subject.kind]}，${subject.code}）`,
    { enforcementSubjectId: subject.subjectId },
    new Date(),
  );
  return { linked: true, subjectId: subject.subjectId, name: subject.name };
}

export async function unlinkSubject(db: Queryable, user: SessionUser, input: z.output<typeof ZLinkInput>) {
  const row = await loadCaseForWork(db, user, input.caseId);
  const [removed] = await db
    .delete(enforcementLinks)
    .where(and(eq(enforcementLinks.caseId, row.id), eq(enforcementLinks.subjectId, input.subjectId)))
    .returning({ name: enforcementLinks.subjectName });
  if (!removed) throw new NotFoundError('该当事人未关联到本案件');
  await remarkOnCase(
    db,
    user,
    row,
    `取消关联当事人：${removed.name}`,
    { enforcementSubjectId: input.subjectId },
    new Date(),
  );
  return { unlinked: true };
}

/** 推送案源: the outbox message and the timeline note in one transaction; the worker delivers it once. */
export async function pushCaseSource(db: Queryable, user: SessionUser, input: z.output<typeof ZPushInput>) {
  const row = await loadCaseForWork(db, user, input.caseId);
  if (row.status === 'voided') throw new ConflictError('已作废的案件不能推送执法系统');
  const now = new Date();
  const queued = await enqueueCaseSource(db, row, user.displayName, input.note, now);
  if (!queued) throw new ConflictError('本案件已推送执法系统，不再重复推送');
  await remarkOnCase(
    db,
    user,
    row,
    input.note ? `推送执法案源：${input.note}` : '推送执法案源',
    { enforcementPush: 'queued' },
    now,
  );
  return { queued: true };
}
