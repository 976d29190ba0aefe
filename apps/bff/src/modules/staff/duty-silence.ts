import type { Database, Queryable } from '@citygov/db/client';
import { staffDuty, staffDutyLog, staffPositions } from '@citygov/db/schema/command';
import { isSilent, lastSignOfLife, silentAt } from '@citygov/domain/command/duty-silence';
import { and, desc, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/api';

/** The queue (of the one pg-boss wrapper, the outbox worker's) whose job takes silent phones off duty. */
export const DUTY_SILENCE_QUEUE = 'duty-silence';

/** The system's name on the audit row of a 自动下岗. */
const SYSTEM_NAME = '系统（自动下岗）';

/** Everyone on duty with their newest fix (one backward step per person on the (user_id, at) index). */
async function onDutyWithLastFix(db: Queryable) {
  return db
    .select({
      userId: staffDuty.userId,
      since: staffDuty.since,
      // Written out: drizzle leaves columns unqualified in a one-table select, which would
      // make the subquery compare staff_positions.user_id with itself.
      lastFixAt: sql<Date | null>`(select max(p.at) from staff_positions p
        where p.user_id = "staff_duty"."user_id")`.mapWith(staffPositions.at),
    })
    .from(staffDuty)
    .where(eq(staffDuty.onDuty, true));
}

/**
 * 自动下岗 of one person, if they are still on duty and silent: in one transaction, with
 * their duty row locked (a 上岗 / 下岗 or a batch of fixes of theirs waits, and is judged
 * after), the state turns off at the last sign of life, the log row says it was automatic
 * and under which limit, and the audit row names the system. Anything else — back on
 * since, a fix arrived, already off — leaves the row alone, so a second run changes nothing.
 */
async function takeOffDuty(db: Database, userId: number, limitMinutes: number, now: Date): Promise<Date | null> {
  return db.transaction(async (tx) => {
    const [duty] = await tx.select().from(staffDuty).where(eq(staffDuty.userId, userId)).for('update');
    if (!duty?.onDuty) return null;
    const [last] = await tx
      .select({ at: staffPositions.at })
      .from(staffPositions)
      .where(eq(staffPositions.userId, userId))
      .orderBy(desc(staffPositions.at))
      .limit(1);
    const state = { onDuty: true, since: duty.since, lastFixAt: last?.at ?? null };
    if (!isSilent(state, now, limitMinutes)) return null;
    const at = lastSignOfLife(state);
    await tx
      .update(staffDuty)
      .set({ onDuty: false, since: at })
      .where(and(eq(staffDuty.userId, userId), eq(staffDuty.onDuty, true)));
    await tx.insert(staffDutyLog).values({ userId, onDuty: false, at, autoOffMinutes: limitMinutes });
    await writeAudit(tx, {
      userId: null,
      username: SYSTEM_NAME,
      action: 'staff.autoOffDuty',
      outcome: 'ok',
      target: `user:${userId}`,
      detail: { at: at.toISOString(), onDutySince: duty.since.toISOString(), limitMinutes },
      ip: null,
      areaPath: null,
    });
    return at;
  });
}

/**
 * Takes every person on duty whose phone has been silent longer than the limit off duty
 * (see `takeOffDuty`); returns who and at what moment. Safe in any number of processes at
 * once: each person is judged again under their row lock.
 */
export async function offDutySilent(db: Database, limitMinutes: number, now = new Date()) {
  const silent = (await onDutyWithLastFix(db)).filter((d) => isSilent({ onDuty: true, ...d }, now, limitMinutes));
  const taken: { userId: number; at: Date }[] = [];
  for (const person of silent) {
    const at = await takeOffDuty(db, person.userId, limitMinutes, now);
    if (at) taken.push({ userId: person.userId, at });
  }
  return taken;
}

/**
 * 自动下岗 as a timed job of the outbox worker: one job (one key) queued for the moment the
 * first person on duty turns silent. Nobody's moment ever comes earlier than it was (a fix
 * or a new 上岗 only moves it later), so a job already queued is never late; it may run
 * early and find nobody silent, and the next sweep queues the next one.
 */
export function dutySilenceTimer(limitMinutes: number, log: (line: string) => void = (line) => console.log(line)) {
  return {
    queue: DUTY_SILENCE_QUEUE,
    async pending(db: Database) {
      let first: number | null = null;
      for (const person of await onDutyWithLastFix(db)) {
        const at = silentAt({ onDuty: true, ...person }, limitMinutes)?.getTime() ?? null;
        if (at !== null && (first === null || at < first)) first = at;
      }
      // A second past the limit: the person is silent only once it has passed.
      return first === null ? [] : [{ key: 'silent-phones', runAt: new Date(first + 1000), data: {} }];
    },
    async run(db: Database) {
      const taken = await offDutySilent(db, limitMinutes);
      if (taken.length > 0) log(`[citygov] 自动下岗: ${taken.length} person(s) silent over ${limitMinutes} min`);
    },
  };
}
