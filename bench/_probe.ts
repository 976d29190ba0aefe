import { migrateDatabase } from '../packages/db/src/client';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { openFreshPglite } from './databases';
import { seedManyCases } from './many-cases';

const d = await openFreshPglite();
await migrateDatabase(d.open);
await seedDemoCity(d.open.db);
const f = await seedManyCases(d.open, Number(process.argv[2] ?? 100_000), 10, (p) =>
  console.log(p.phase, p.done, (p.ms / 1000).toFixed(1)),
);
console.log(JSON.stringify(f));
await d.dispose();
