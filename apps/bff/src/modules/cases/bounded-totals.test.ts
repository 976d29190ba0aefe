import { rowsOf } from '@citygov/db/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from './case-test-helpers';

/** Copies of one reported case, each a second older than the last: enough to pass the 10,000 bound. */
const COPIES = 10_050;

let app: TestApp;
let newest = '';

beforeAll(async () => {
  app = await openTestApp();
  const made = await (await app.as('linjiang.acceptor')).cases.report({
    ...SAMPLE_REPORT,
    ...(await pointIn(app, '临江区')),
  });
  newest = made.caseNo;
  // Every other column as the reported case has it (the same district, status 待受理).
  const columns = rowsOf<{ column_name: string }>(
    await app.db.execute(sql`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'cases' and is_generated = 'NEVER'
        and is_identity = 'NO' and column_default is null
        and column_name not in ('case_no', 'reported_at', 'client_request_id', 'tracking_code')`),
  ).map((c) => sql.identifier(c.column_name));
  const list = sql.join(columns, sql`, `);
  await app.db.execute(sql`insert into cases (case_no, reported_at, ${list})
    select 'B' || lpad(g::text, 11, '0'), reported_at - g * interval '1 second', ${list}
    from cases, generate_series(1, ${COPIES}) g where case_no = ${newest}`);
});
afterAll(() => app?.close());

describe('desk totals past 10,000 cases', () => {
  it('the list says 10,000 and more, and page 1 holds the newest cases', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const page1 = await acceptor.cases.list({ queue: 'toAccept' });
    expect(page1.total).toBe(10_000);
    expect(page1.more).toBe(true);
    expect(page1.rows.map((r) => r.caseNo)).toEqual([
      newest,
      ...Array.from({ length: 19 }, (_, i) => `B${String(i + 1).padStart(11, '0')}`),
    ]);
    const page2 = await acceptor.cases.list({ queue: 'toAccept', page: 2 });
    expect(page2.rows[0]?.caseNo).toBe('B00000000020');
  });

  it('the queue count says 10,000 and more', async () => {
    const queues = await (await app.as('linjiang.acceptor')).cases.queues();
    expect(queues.find((q) => q.key === 'toAccept')).toMatchObject({ count: 10_000, more: true });
  });

  it('a list and queue under the bound keep their exact count', async () => {
    const acceptor = await app.as('yunshan.acceptor');
    const yunshan = await pointIn(app, '云山区');
    for (let i = 0; i < 3; i++) await acceptor.cases.report({ ...SAMPLE_REPORT, ...yunshan });
    const list = await acceptor.cases.list({ queue: 'toAccept', pageSize: 200 });
    expect(list.rows.length).toBeGreaterThanOrEqual(3);
    expect(list.rows.length).toBeLessThan(200);
    expect(list).toMatchObject({ total: list.rows.length, more: false });
    const queues = await acceptor.cases.queues();
    expect(queues.find((q) => q.key === 'toAccept')).toMatchObject({ count: list.rows.length, more: false });
  });
});
