import { cases } from '@citygov/db/schema/cases';
import { seedDemoHistory } from '@citygov/db/seed/demo-history/write-history';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { readCaseEventsAfter, streamHead } from './read-case-events';

const COUNT = 1_500;
let app: TestApp;
let figures: Awaited<ReturnType<typeof seedDemoHistory>>;

beforeAll(async () => {
  app = await openTestApp();
  figures = await seedDemoHistory(app.db, { count: COUNT, seed: 11 });
});
afterAll(() => app?.close());

describe('demo history on the real database', () => {
  it('writes the year and its event stream: every event has its position, the head is at the last', async () => {
    expect(figures).toMatchObject({ written: true, cases: COUNT });
    const events = await readCaseEventsAfter(app.db, 0, figures.events + 100);
    expect(events).toHaveLength(figures.events);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await streamHead(app.db)).toBe(figures.events);
  });

  it('a seeded case opens on the desk with its timeline, which ends in the state the case is in', async () => {
    const shiftLead = await app.as('linjiang.shift_lead');
    const list = await shiftLead.cases.list({ page: 1, pageSize: 20, statuses: ['closed'] });
    expect(list.total).toBeGreaterThan(100);
    for (const row of list.rows.slice(0, 5)) {
      const detail = await shiftLead.cases.byId({ id: row.id });
      const transitions = detail.timeline.filter((e) => e.action !== 'mergeIn');
      expect(transitions[0]?.label).toBe('上报');
      expect(transitions.at(-1)?.toStatus).toBe('closed');
      expect(detail.case.status).toBe('closed');
    }
  });

  it('a case reported after the history takes the next case number and the next stream position', async () => {
    const collector = await app.as('linjiang.collector');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const [last] = await app.db.select({ caseNo: cases.caseNo }).from(cases).orderBy(desc(cases.caseNo)).limit(1);
    const created = await collector.cases.report({ ...SAMPLE_REPORT, ...(await pointIn(app, '临江区')) });
    expect(Number(created.caseNo.slice(4))).toBe(Number(last?.caseNo.slice(4)) + 1);
    expect(created.caseNo.startsWith(String(year))).toBe(true);
    const after = await readCaseEventsAfter(app.db, figures.events, 10);
    expect(after[0]).toMatchObject({ seq: figures.events + 1, caseId: created.id, action: 'report' });
  });

  it('is written once: a database that has cases is left alone', async () => {
    expect(await seedDemoHistory(app.db, { count: 10 })).toMatchObject({ written: false, cases: 0 });
  });
});
