import { migrateDatabase, openDatabase } from '@citygov/db/client';
import { seedDemoCity } from '@citygov/db/seed/seed-demo-city';
import { createDatabaseFromTemplate, databaseUrlFor, dropDatabase } from '@citygov/db/testing/test-database';
import { testAppOn } from '../testing/test-app';
import { startTrpcHttp } from '../testing/trpc-http';

const name = await createDatabaseFromTemplate('template0', 'citygov_scratch');
const open = await openDatabase({ databaseUrl: databaseUrlFor(name) });
await migrateDatabase(open);
await seedDemoCity(open.db);
const app = testAppOn(open, { NODE_ENV: 'production' });
const http = await startTrpcHttp(app);
const admin = await http.signIn('admin');
for (const env of process.argv.slice(2)) {
  const [path, type, body] = env.split('|');
  const r = await http.raw(path!, type as 'query', body!, admin);
  console.log(path, r.status, r.text.slice(0, 400));
}
await http.close();
await app.close();
await dropDatabase(name).catch(() => {});
process.exit(0);
