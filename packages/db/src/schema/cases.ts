import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
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
import { areas, departments } from './org';

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
    source: text('source').notNull(),
    kind: text('kind', { enum: ['component', 'event'] }).notNull(),
    categoryCode: text('category_code').notNull(),
    urgency: text('urgency', { enum: ['normal', 'urgent'] }).notNull(),
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
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    pendingKind: text('pending_kind'),
    pendingData: jsonb('pending_data').$type<Record<string, unknown>>(),
    checkResult: text('check_result', { enum: ['passed', 'failed'] }),
    hungUpFrom: text('hung_up_from'),
    /** Collector holding the verify or check task. */
    assigneeId: integer('assignee_id').references(() => users.id),
    leadDepartmentId: integer('lead_department_id').references(() => departments.id),
    /** 强制派遣: the department may not apply to return it. */
    forced: boolean('forced').notNull().default(false),
    /** The automatic dispatch rule that sent it, if one did. */
    dispatchRuleId: integer('dispatch_rule_id'),
    /** The grid member (网格责任人: street chief or collector) named at dispatch. */
    gridMemberId: integer('grid_member_id').references(() => users.id),
    /** 并案: the lead case this one was merged into. */
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }).references((): AnyPgColumn => cases.id),
    stage: text('stage'),
    stageUnit: text('stage_unit'),
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
    // Approval queues (回退 / 延期 / 挂账 / 作废 requests waiting).
    index('cases_pending_idx').on(t.pendingKind, t.districtId).where(sql`${t.pendingKind} is not null`),
    // The 督办 (supervised) queue.
    index('cases_supervised_idx').on(t.districtId).where(sql`${t.supervised} and ${t.stage} is not null`),
    // Time-range filters over everything, newest first.
    index('cases_reported_at_idx').on(t.reportedAt),
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
    // A lead case's merged cases (并案), both ways round the timeline link.
    index('cases_merged_into_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);

/** The timeline (流转记录): every action on a case, the state it moved to, who, when, why. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    label: text('label').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  // A case's timeline in order.
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
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
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
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
