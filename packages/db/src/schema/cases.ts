import type { CaseEventKind } from '@citygov/domain/cases/case-notes';
import {
  CASE_KINDS,
  CASE_SOURCE_KEYS,
  CASE_STAGES,
  CASE_STATUSES,
  CHECK_RESULTS,
  PENDING_KIND_KEYS,
  URGENCY_KEYS,
} from '@citygov/domain/cases/case-states';
import { LIMIT_UNITS } from '@citygov/domain/deadlines/time-limits';
import { CHIEF_LINE_KEYS } from '@citygov/domain/street-chiefs/chief-lines';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { oneOf } from './one-of';
import { areas, departments } from './org';

/** An extension request waiting for approval (延期申请), the one kind of pending request with data. */
export interface PendingData {
  extension?: { amount: number; unit: (typeof LIMIT_UNITS)[number] };
  requestedBy?: string;
}

/**
 * One row per case (案件), sized for ~10 million rows. Area ids are denormalised per
 * level so each scope (city / district / street) filters on one indexed column, and
 * the current stage clock lives on the row so queues sort by deadline without joins.
 */
export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Human-readable number: year + 8-digit sequence, e.g. 202600000123. */
    caseNo: text('case_no').notNull(),
    source: text('source', { enum: CASE_SOURCE_KEYS }).notNull(),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    categoryCode: text('category_code').notNull(),
    urgency: text('urgency', { enum: URGENCY_KEYS }).notNull(),
    description: text('description').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => areas.id),
    communityId: integer('community_id').notNull(),
    streetId: integer('street_id').notNull(),
    districtId: integer('district_id').notNull(),
    componentId: text('component_id'),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reportedBy: integer('reported_by').references(() => users.id),
    /** The reporter's own id for this submission, so a retried send returns the same case. */
    clientRequestId: text('client_request_id'),
    /**
     * 查询码: the citizen's unguessable tracking code (12 characters, stored without the
     * grouping dashes), issued to reports from the public; null for staff-made cases.
     */
    trackingCode: text('tracking_code'),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    pendingKind: text('pending_kind', { enum: PENDING_KIND_KEYS }),
    /** Read through `ZPendingData` (apps/bff cases module), never cast. */
    pendingData: jsonb('pending_data').$type<PendingData>(),
    checkResult: text('check_result', { enum: CHECK_RESULTS }),
    hungUpFrom: text('hung_up_from', { enum: CASE_STATUSES }),
    /** Collector holding the verify or check task. */
    assigneeId: integer('assignee_id').references(() => users.id),
    leadDepartmentId: integer('lead_department_id').references(() => departments.id),
    /** 强制派遣: the department may not apply to return it. */
    forced: boolean('forced').notNull().default(false),
    /** The automatic dispatch rule that sent it, if one did. */
    dispatchRuleId: integer('dispatch_rule_id'),
    /** The grid member (网格责任人: street chief or collector) named at dispatch. */
    gridMemberId: integer('grid_member_id').references(() => users.id),
    /** 街长制: the line holding a street-governance case and the chief it was routed to (or their delegate). */
    chiefLine: text('chief_line', { enum: CHIEF_LINE_KEYS }),
    chiefUserId: integer('chief_user_id').references(() => users.id),
    /** 执法立案 done (the case closes by both lines' area chiefs); the line whose area chief signed the close first. */
    enforcementFiled: boolean('enforcement_filed').notNull().default(false),
    closeSignedLine: text('close_signed_line', { enum: CHIEF_LINE_KEYS }),
    /** 并案: the lead case this one was merged into. */
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }).references((): AnyPgColumn => cases.id),
    stage: text('stage', { enum: CASE_STAGES }),
    stageUnit: text('stage_unit', { enum: LIMIT_UNITS }),
    stageStartedAt: timestamp('stage_started_at', { withTimezone: true }),
    stageWarnAt: timestamp('stage_warn_at', { withTimezone: true }),
    stageDeadlineAt: timestamp('stage_deadline_at', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    supervised: boolean('supervised').notNull().default(false),
    difficult: boolean('difficult').notNull().default(false),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The one definition of each union (packages/domain) holds in the database too.
    check('cases_status_check', oneOf(t.status, CASE_STATUSES)),
    check('cases_source_check', oneOf(t.source, CASE_SOURCE_KEYS)),
    check('cases_kind_check', oneOf(t.kind, CASE_KINDS)),
    check('cases_urgency_check', oneOf(t.urgency, URGENCY_KEYS)),
    check('cases_pending_kind_check', oneOf(t.pendingKind, PENDING_KIND_KEYS)),
    check('cases_check_result_check', oneOf(t.checkResult, CHECK_RESULTS)),
    check('cases_hung_up_from_check', oneOf(t.hungUpFrom, CASE_STATUSES)),
    check('cases_stage_check', oneOf(t.stage, CASE_STAGES)),
    check('cases_stage_unit_check', oneOf(t.stageUnit, LIMIT_UNITS)),
    check('cases_chief_line_check', oneOf(t.chiefLine, CHIEF_LINE_KEYS)),
    check('cases_close_signed_line_check', oneOf(t.closeSignedLine, CHIEF_LINE_KEYS)),
    // Lookup by number (search box, print, Open311 ids).
    uniqueIndex('cases_case_no_uq').on(t.caseNo),
    // City-wide queues and lists: status filter, newest first.
    index('cases_status_reported_idx').on(t.status, t.reportedAt),
    // District-scoped queues: a district's staff see their district only.
    index('cases_district_status_idx').on(t.districtId, t.status, t.reportedAt),
    // Street-scoped lists (collectors, street chiefs).
    index('cases_street_status_idx').on(t.streetId, t.status, t.reportedAt),
    // Department handler's queue.
    index('cases_department_status_idx').on(t.leadDepartmentId, t.status, t.reportedAt),
    // A street chief's cases (街长制 queue).
    index('cases_chief_status_idx').on(t.chiefUserId, t.status).where(sql`${t.chiefUserId} is not null`),
    // An area chief's street-governance cases, by the grids of their posts.
    index('cases_chief_grid_idx').on(t.gridId, t.status).where(sql`${t.chiefLine} is not null`),
    // A collector's verify / check tasks.
    index('cases_assignee_status_idx').on(t.assigneeId, t.status),
    // Overdue and warning lists (督办): running clocks ordered by deadline, city-wide…
    index('cases_deadline_idx')
      .on(t.stageDeadlineAt)
      .where(sql`${t.stageDeadlineAt} is not null and ${t.pausedAt} is null`),
    // …and per district (the district staff's overdue / warning counts).
    index('cases_district_deadline_idx')
      .on(t.districtId, t.stageDeadlineAt, t.stageWarnAt)
      .where(sql`${t.stageDeadlineAt} is not null and ${t.pausedAt} is null`),
    // A department's overdue and warning counts (its running clocks), bounded at 10,000: the
    // scope's "leads or assists" OR is filtered from the index, so the whole department's cases are not read.
    index('cases_department_clock_idx')
      .on(t.leadDepartmentId, t.stageDeadlineAt, t.stageWarnAt, t.districtId, t.id)
      .where(sql`${t.stageDeadlineAt} is not null and ${t.pausedAt} is null`),
    // 待签收 / 处置中 counts of a department: index-only, with the scope's OR filtered from the index.
    index('cases_department_open_idx')
      .on(t.leadDepartmentId, t.status, t.districtId, t.id)
      .where(sql`${t.status} in ('dispatched', 'handling')`),
    // 待派发核查 / 待结案 / 核查未通过: 待核查 cases by check result, counted without the heap.
    index('cases_fed_back_check_idx').on(t.districtId, t.checkResult).where(sql`${t.status} = 'fed_back'`),
    // Approval queues (回退 / 延期 / 挂账 / 作废 requests waiting).
    index('cases_pending_idx').on(t.pendingKind, t.districtId).where(sql`${t.pendingKind} is not null`),
    // The 督办 (supervised) queue.
    index('cases_supervised_idx').on(t.districtId).where(sql`${t.supervised} and ${t.stage} is not null`),
    // The wall's 督办 list: the supervised cases whose deadline comes first, walked in deadline order
    // with the area checked in the index, so 20 rows are read rather than every supervised case sorted.
    index('cases_supervised_deadline_idx')
      .on(t.stageDeadlineAt, t.districtId, t.streetId)
      .where(sql`${t.supervised} and ${t.stage} is not null`),
    // Time-range filters over everything, newest first; district and street ride along so a
    // period's reports are counted per area from the index alone (the leader's 本月上报).
    index('cases_reported_at_idx').on(t.reportedAt, t.districtId, t.streetId),
    // The leader's 本月结案 per area: the month's closes from the index, not every closed case.
    index('cases_closed_at_idx').on(t.closedAt, t.districtId, t.streetId).where(sql`${t.status} = 'closed'`),
    // The leader's 在办 / 超期 / 督办 per area: every open case's counted columns, read from
    // the index alone instead of the area's whole history.
    index('cases_open_area_idx')
      .on(t.districtId, t.streetId, t.stageDeadlineAt, t.pausedAt, t.supervised)
      .where(sql`${t.status} not in ('closed', 'voided', 'merged')`),
    // Idempotent report retries (one case per reporter and client request id).
    uniqueIndex('cases_client_request_uq')
      .on(t.reportedBy, t.clientRequestId)
      .where(sql`${t.clientRequestId} is not null`),
    // Public tracking (/public/track, Open311 tokens): one case per code, codes are rare.
    uniqueIndex('cases_tracking_code_uq').on(t.trackingCode).where(sql`${t.trackingCode} is not null`),
    // "My reports" on the phone.
    index('cases_reported_by_idx').on(t.reportedBy, t.reportedAt),
    // Duplicate search (智能判重): recent cases in a small box around a new report…
    index('cases_lat_lng_reported_idx').on(t.lat, t.lng, t.reportedAt),
    // …and open cases of any age in the same box (combined with the above by a BitmapOr).
    index('cases_open_lat_lng_idx').on(t.lat, t.lng).where(sql`${t.status} not in ('closed', 'voided')`),
    // 派遣助手: a category's closed cases (per district, newest first, or in a box), from
    // a few hundred rows instead of a district's whole closed history.
    index('cases_closed_category_idx')
      .on(t.kind, t.categoryCode, t.districtId, t.reportedAt)
      .where(sql`${t.status} = 'closed'`),
    // Analytics drill-downs (统计分析): a category's cases of a period, newest first, and its
    // bounded count read from the index alone (district and street ride along for a district's
    // or street's view) instead of every case of the period.
    index('cases_category_reported_idx').on(t.kind, t.categoryCode, t.reportedAt, t.districtId, t.streetId),
    // …and the cases reported in one China hour of the day (时段分布), optionally on one weekday:
    // the same expressions as the drill-down's filter, so the index serves it.
    index('cases_china_hour_idx').on(
      sql`(extract(hour from ${t.reportedAt} at time zone 'Asia/Shanghai'))`,
      t.reportedAt,
      sql`(extract(dow from ${t.reportedAt} at time zone 'Asia/Shanghai'))`,
      t.districtId,
      t.streetId,
    ),
    // A lead case's merged cases (并案), both ways round the timeline link.
    index('cases_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

/**
 * Case events: the timeline (流转记录) of each case and, read by `seq`, the one ordered
 * stream of every change in the city (the wall, evaluation, the outbox and other
 * consumers read it with a cursor each). Append-only: written in the same transaction
 * as the change, by one function (modules/events/append-case-event.ts). `seq` is given
 * at commit time under a lock (migration 0003's deferred trigger), so the stream's order
 * is commit order and a reader that saw position n will never later find a row below n.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Position in the city-wide stream, gap-free and in commit order; null only inside the writing transaction. */
    seq: bigint('seq', { mode: 'number' }),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** 'system' for 自动派遣, 智能判重 and later sensors and outside systems; their actorId is null. */
    actorKind: text('actor_kind', { enum: ['person', 'system'] })
      .notNull()
      .default('person'),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    action: text('action').$type<CaseEventKind>().notNull(),
    label: text('label').notNull(),
    fromStatus: text('from_status', { enum: CASE_STATUSES }),
    toStatus: text('to_status', { enum: CASE_STATUSES }).notNull(),
    reason: text('reason'),
    /** The action's own facts (departments, rule, score…), typed per action by `ZCaseEventDetail`. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /**
     * The deadline of the stage clock that was running when this happened (null: no clock
     * ran, it was paused, or a note). Evaluation reads "on time" from it, as it was then.
     */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
  },
  (t) => [
    // A case's timeline in order.
    index('case_events_case_idx').on(t.caseId, t.id),
    // Stream readers: everything after a consumer's position.
    uniqueIndex('case_events_seq_uq').on(t.seq),
    check('case_events_actor_kind_check', oneOf(t.actorKind, ['person', 'system'])),
  ],
);

/** Where each consumer of the event stream has read up to; advanced in the transaction that applies the events. */
export const caseEventConsumers = pgTable('case_event_consumers', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The stream's last given position: one row, locked for a moment at each commit that adds events. */
export const caseEventStreamHead = pgTable(
  'case_event_stream_head',
  {
    id: integer('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('case_event_stream_head_one_row', sql`${t.id} = 1`)],
);

/** Departments on a case: one lead (主办) and any assisting (协办). */
export const caseDepartments = pgTable(
  'case_departments',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    role: text('role', { enum: ['lead', 'assist'] }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** An assisting department's own feedback (协办反馈); the lead's moves the case. */
    feedback: text('feedback'),
    fedBackAt: timestamp('fed_back_at', { withTimezone: true }),
    fedBackBy: integer('fed_back_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.departmentId] }),
    index('case_departments_dept_idx').on(t.departmentId),
    // The cases a department assists (协办), read once per handler queue query (case-scope.ts).
    index('case_departments_assist_idx').on(t.departmentId, t.caseId).where(sql`${t.role} = 'assist'`),
  ],
);

/** Photos and videos, stored once by content hash under the data folder. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null between upload and the action that attaches it (photos are taken before the case exists). */
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).references(() => caseEvents.id),
    /** Which step it documents: report, verify, feedback, check. */
    purpose: text('purpose').notNull(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    originalName: text('original_name'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    /**
     * A citizen's photo (随手拍, no account): sha256 of the random claim token only its uploader
     * holds, so a report can attach it and nobody else can; null for staff uploads.
     */
    claimHash: text('claim_hash'),
    /**
     * 64-bit perceptual hash of a photo (16 hex digits; @citygov/domain/intake/photo-hash), for
     * duplicate detection; null for videos and photos not hashed yet (the backfill job takes
     * them), empty for a photo the decoder cannot read (looked at, never compared).
     */
    phash: text('phash'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId),
    // The photos the backfill has still to hash: empty once it is done, so its sweep costs nothing.
    index('case_attachments_unhashed_idx').on(t.id).where(sql`${t.phash} is null and ${t.mime} like 'image/%'`),
  ],
);

/** Year-by-year case number counter; one row locked briefly per new case. */
export const caseNumberCounters = pgTable('case_number_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** Personal phrases (习惯语) a user picks as reasons. */
export const userPhrases = pgTable(
  'user_phrases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_phrases_user_idx').on(t.userId)],
);

/** Admin overrides of the working calendar (a year the library does not know yet, local holidays). */
export const calendarOverrides = pgTable('calendar_overrides', {
  day: date('day', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  note: text('note'),
});
