import { migrateDatabase } from '../packages/db/src/client';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { benchCaseIntake } from './case-intake';
import { openFreshPglite, openFreshPostgres } from './databases';

for (const open of [openFreshPglite, openFreshPostgres]) {
  const d = await open();
  try {
    await migrateDatabase(d.open);
    await seedDemoCity(d.open.db);
    const f = await benchCaseIntake(d.open);
    console.log(d.open.kind, JSON.stringify({ seq: f.sequential.perSecond, conc: f.concurrent.perSecond, raw: f.raw }));
  } finally {
    await d.dispose();
  }
}
