import { cases } from '@citygov/db/schema/cases';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';

let app: TestApp;

beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe('a report retried at once (same clientRequestId)', () => {
  it('answers all 50 simultaneous retries with the one case it saved', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const here = await pointIn(app, '临江区');
    const report = {
      ...SAMPLE_REPORT,
      ...here,
      description: '同一次上报的 50 次重试',
      clientRequestId: 'retry-burst-0001',
    };
    const answers = await Promise.allSettled(Array.from({ length: 50 }, () => acceptor.cases.report(report)));
    const refused = answers.filter((answer) => answer.status === 'rejected');
    expect(refused.map((answer) => String(answer.reason))).toEqual([]);
    const ids = new Set(answers.map((answer) => (answer.status === 'fulfilled' ? answer.value.id : null)));
    expect(ids.size).toBe(1);
    const [saved] = await app.db
      .select({ n: count() })
      .from(cases)
      .where(eq(cases.clientRequestId, report.clientRequestId));
    expect(saved?.n).toBe(1);
  });
});
