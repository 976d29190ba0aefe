import type { Database, Queryable } from '@citygov/db/client';
import { alarms } from '@citygov/db/schema/alarms';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import {
  ALARM_TYPES,
  type AlarmSource,
  type AlarmType,
  MIN_VIDEO_CONFIDENCE,
} from '@citygov/domain/alarms/alarm-types';
import { CASE_NOTES } from '@citygov/domain/cases/case-notes';
import { CASE_SOURCES, FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { and, desc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { openCase, SYSTEM_ACTORS } from '../cases/api';
import { appendCaseEvent } from '../events/api';
import { findGridAt } from '../geo/api';

/** One machine alarm as it reaches the intake. */
export interface IncomingAlarm {
  source: AlarmSource;
  type: AlarmType;
  /** What raised it, stable across alarms: `video:<channel id>` or `iot:<device code>`. */
  subject: string;
  /** The camera's or sensor's name, for the case text. */
  subjectName: string;
  confidence?: number | null;
  value?: number | null;
  unit?: string | null;
  lng: number;
  lat: number;
  at: Date;
  /** A snapshot already stored as an attachment (no case yet), attached to the case. */
  snapshotAttachmentId?: number | null;
  detail?: Record<string, unknown>;
}

export interface AlarmOutcome {
  alarmId: number;
  outcome: 'opened' | 'sighting' | 'ignored';
  caseId: number | null;
  caseNo: string | null;
  reason: string | null;
}

function describe(alarm: IncomingAlarm): string {
  const rule = ALARM_TYPES[alarm.type];
  const parts = [`${rule.name}：${alarm.subjectName}`];
  if (alarm.value !== null && alarm.value !== undefined) parts.push(`读数 ${alarm.value}${alarm.unit ?? ''}`);
  if (alarm.confidence !== null && alarm.confidence !== undefined)
    parts.push(`置信度 ${Math.round(alarm.confidence * 100)}%`);
  return `${parts.join('，')}（${CASE_SOURCES[alarm.source]}自动上报）`;
}

/** The open case this subject's alarms of this type already gathered on, if any. */
async function openProblemOf(db: Queryable, alarm: IncomingAlarm) {
  const [row] = await db
    .select({ caseId: cases.id, caseNo: cases.caseNo, status: cases.status })
    .from(alarms)
    .innerJoin(cases, eq(cases.id, alarms.caseId))
    .where(
      and(
        eq(alarms.subject, alarm.subject),
        eq(alarms.type, alarm.type),
        isNotNull(alarms.caseId),
        notInArray(cases.status, [...FINAL_STATUSES]),
      ),
    )
    .orderBy(desc(alarms.at))
    .limit(1);
  return row ?? null;
}

async function attachSnapshot(db: Queryable, alarm: IncomingAlarm, caseId: number, eventId: number | null) {
  if (!alarm.snapshotAttachmentId) return;
  await db
    .update(caseAttachments)
    .set({ caseId, eventId })
    .where(and(eq(caseAttachments.id, alarm.snapshotAttachmentId), isNull(caseAttachments.caseId)));
}

async function intakeOne(db: Queryable, alarm: IncomingAlarm): Promise<AlarmOutcome> {
  const rule = ALARM_TYPES[alarm.type];
  const record = async (outcome: AlarmOutcome['outcome'], caseId: number | null, reason: string | null) => {
    const [row] = await db
      .insert(alarms)
      .values({
        source: alarm.source,
        type: alarm.type,
        subject: alarm.subject,
        subjectName: alarm.subjectName,
        confidence: alarm.confidence ?? null,
        value: alarm.value ?? null,
        lng: alarm.lng,
        lat: alarm.lat,
        at: alarm.at,
        snapshotAttachmentId: alarm.snapshotAttachmentId ?? null,
        caseId,
        outcome,
        detail: { ...alarm.detail, ...(reason ? { reason } : {}) },
      })
      .returning({ id: alarms.id });
    if (!row) throw new Error('alarm not saved');
    return row.id;
  };

  if (alarm.source === 'video' && (alarm.confidence ?? 0) < MIN_VIDEO_CONFIDENCE) {
    const reason = `置信度低于 ${MIN_VIDEO_CONFIDENCE * 100}%`;
    return { alarmId: await record('ignored', null, reason), outcome: 'ignored', caseId: null, caseNo: null, reason };
  }
  // Alarms of one subject and type queue here, so two at once cannot both open a case.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`alarm:${alarm.subject}:${alarm.type}`}))`);
  const actor = alarm.source === 'video' ? SYSTEM_ACTORS.videoAi : SYSTEM_ACTORS.iotSensor;
  const open = await openProblemOf(db, alarm);
  if (open) {
    const alarmId = await record('sighting', open.caseId, null);
    const event = await appendCaseEvent(db, {
      caseId: open.caseId,
      action: 'sighting',
      label: CASE_NOTES.sighting,
      actor,
      fromStatus: open.status,
      toStatus: open.status,
      reason: describe(alarm),
      detail: { alarmId, type: alarm.type, value: alarm.value ?? null, confidence: alarm.confidence ?? null },
      at: alarm.at,
    });
    await attachSnapshot(db, alarm, open.caseId, event.id);
    return { alarmId, outcome: 'sighting', caseId: open.caseId, caseNo: open.caseNo, reason: null };
  }

  const grid = await findGridAt(db, alarm.lng, alarm.lat);
  if (!grid) {
    const reason = '位置不在本市范围内';
    return { alarmId: await record('ignored', null, reason), outcome: 'ignored', caseId: null, caseNo: null, reason };
  }
  const [, , districtId, streetId, communityId] = grid.path.split('/').map(Number);
  const opened = await openCase(
    db,
    actor,
    {
      source: alarm.source,
      kind: rule.kind,
      categoryCode: rule.categoryCode,
      urgency: rule.urgency,
      description: describe(alarm),
      address: `${grid.name} ${alarm.subjectName}`,
      lng: alarm.lng,
      lat: alarm.lat,
      gridId: grid.id,
      districtId: districtId ?? 0,
      streetId: streetId ?? 0,
      communityId: communityId ?? 0,
      reporterName: actor.name,
      reportedAt: alarm.at,
      updatedAt: alarm.at,
    },
    { source: CASE_SOURCES[alarm.source], alarm: rule.name, subject: alarm.subject },
    alarm.at,
  );
  const alarmId = await record('opened', opened.row.id, null);
  await attachSnapshot(db, alarm, opened.row.id, opened.eventId);
  return { alarmId, outcome: 'opened', caseId: opened.row.id, caseNo: opened.row.caseNo, reason: null };
}

/**
 * The alarm intake (告警接入): machine alarms become cases. The first alarm of a problem
 * (a subject and an alarm type) opens a case through the case core, by the source's
 * system actor; later alarms while that case is open are sightings on it (再次告警 on the
 * timeline, with their snapshot), so a sensor over its threshold or a camera seeing the
 * same stall every minute makes one case. Each alarm is its own transaction, so one bad
 * alarm loses nothing else. Kept simple on purpose: a faster, smarter intake can replace
 * this behind the same signature.
 */
export async function intakeAlarms(db: Database, incoming: readonly IncomingAlarm[]): Promise<AlarmOutcome[]> {
  const outcomes: AlarmOutcome[] = [];
  for (const alarm of incoming) outcomes.push(await db.transaction((tx) => intakeOne(tx, alarm)));
  return outcomes;
}
