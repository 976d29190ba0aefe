import { ALARM_SOURCES, ALARM_TYPE_KEYS } from '@citygov/domain/alarms/alarm-types';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseAttachments, cases } from './cases';
import { oneOf } from './one-of';

/**
 * Every machine alarm that reached the alarm intake (告警): from video analytics or an
 * IoT threshold. The first alarm of a problem opens a case; later ones on the same
 * subject and type while that case is open are sightings on it (the case's timeline).
 */
export const alarms = pgTable(
  'alarms',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: ALARM_SOURCES }).notNull(),
    type: text('type', { enum: ALARM_TYPE_KEYS }).notNull(),
    /** What raised it: `video:<channel id>` or `iot:<device code>`. */
    subject: text('subject').notNull(),
    subjectName: text('subject_name'),
    /** The source's own id of the alarm, when it gives one: a retried batch saves nothing twice. */
    sourceAlarmId: text('source_alarm_id'),
    confidence: doublePrecision('confidence'),
    value: doublePrecision('value'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    snapshotAttachmentId: bigint('snapshot_attachment_id', { mode: 'number' }).references(() => caseAttachments.id),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id, { onDelete: 'set null' }),
    /** opened a case, a sighting on an open one, or ignored (low confidence, outside the city). */
    outcome: text('outcome', { enum: ['opened', 'sighting', 'ignored'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('alarms_source_check', oneOf(t.source, ALARM_SOURCES)),
    check('alarms_type_check', oneOf(t.type, ALARM_TYPE_KEYS)),
    check('alarms_outcome_check', oneOf(t.outcome, ['opened', 'sighting', 'ignored'])),
    // The open problem of a subject: its latest alarm with a case.
    index('alarms_subject_idx').on(t.subject, t.type, t.at),
    // The open problem of a subject and type: its latest alarm that opened a case (one per case).
    index('alarms_opened_idx').on(t.subject, t.type, t.at).where(sql`${t.outcome} = 'opened'`),
    // A retried batch: the source's own alarm id, once per subject (nulls never clash).
    uniqueIndex('alarms_source_alarm_idx').on(t.subject, t.sourceAlarmId),
    // A case's alarms (camera, sensor chart, sightings).
    index('alarms_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
  ],
);
