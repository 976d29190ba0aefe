/**
 * State the browser specs cannot make through the app, written by the e2e server into
 * its fresh database (seeded here, so the app finds the demo city and seeds nothing more)
 * before the app starts. Kept to accounts no other spec uses.
 */

import { SILENT_SHIFT } from '../apps/web/e2e/silent-shift';
import { migrateDatabase, type OpenDatabase } from '../packages/db/src/client';
import { staffDuty, staffDutyLog, staffPositions } from '../packages/db/src/schema/command';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';

/**
 * 自动下岗 (duty-silence spec): a collector went 上岗 and their phone's last fix is older
 * than the silence limit, so the app's duty-silence job takes them off at its first sweep,
 * dated at that fix, as it would a phone that died in the street.
 */
async function arrangeSilentShift(database: OpenDatabase, now: Date): Promise<void> {
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  // The query API's own operators: drizzle is the db package's dependency, not this folder's.
  const person = await database.db.query.users.findFirst({
    where: (u, { eq }) => eq(u.username, SILENT_SHIFT.username),
  });
  const area = person
    ? await database.db.query.areas.findFirst({ where: (a, { eq }) => eq(a.id, person.areaId) })
    : undefined;
  if (!person || !area?.centerLng || !area.centerLat) {
    throw new Error(`e2e: no area centre for ${SILENT_SHIFT.username}`);
  }
  const { id: userId } = person;
  const { centerLng: lng, centerLat: lat } = area;
  const since = minutesAgo(SILENT_SHIFT.onDutyMinutesAgo);
  await database.db.transaction(async (tx) => {
    await tx.insert(staffDuty).values({ userId, onDuty: true, since });
    await tx.insert(staffDutyLog).values({ userId, onDuty: true, at: since });
    await tx.insert(staffPositions).values({
      userId,
      lng,
      lat,
      accuracyM: 10,
      at: minutesAgo(SILENT_SHIFT.lastFixMinutesAgo),
    });
  });
}

/** Migrates, seeds the demo city and writes the arranged state; closes the database for the app to open. */
export async function arrangeE2eState(database: OpenDatabase, now = new Date()): Promise<void> {
  try {
    await migrateDatabase(database);
    await seedDemoCity(database.db);
    await arrangeSilentShift(database, now);
  } finally {
    await database.close();
  }
}
