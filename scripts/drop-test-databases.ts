// Removes test databases a killed run left behind on the PostgreSQL server
// (browser-test databases are not dropped when Playwright kills the server).
import { withAdminConnection } from '../packages/db/src/testing/test-database';

const dropped = await withAdminConnection(async (sql) => {
  const rows = await sql<{ datname: string }[]>`
    select datname from pg_database
    where datname like 'citygov\\_t\\_%' or datname like 'citygov\\_tpl\\_%' or datname like 'citygov\\_e2e\\_%'`;
  for (const { datname } of rows) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
  return rows.length;
});
if (dropped > 0) console.log(`[citygov] dropped ${dropped} leftover test database(s)`);
