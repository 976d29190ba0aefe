import { auditLog } from '@citygov/db/schema/audit';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, pointIn, SAMPLE_REPORT } from './case-test-helpers';

let app: TestApp;
let caseId = 0;
beforeAll(async () => {
  app = await openTestApp();
  const here = await pointIn(app, '临江区');
  const acceptor = await app.as('linjiang.acceptor');
  const created = await acceptor.cases.report({
    ...SAMPLE_REPORT,
    ...here,
    source: 'hotline',
    reporterName: '王先生',
    reporterPhone: '13812345678',
  });
  caseId = created.id;
});
afterAll(() => app?.close());

describe('what the case detail sends', () => {
  it('masks the reporter’s phone for everyone and leaves out the server’s own fields', async () => {
    for (const username of ['linjiang.acceptor', 'linjiang.collector', 'linjiang.shift_lead', 'leader']) {
      const detail = await (await app.as(username)).cases.byId({ id: caseId });
      expect(detail.case.reporterPhone, username).toBe('138****5678');
      expect(JSON.stringify(detail)).not.toContain('13812345678');
      expect(Object.keys(detail.case)).not.toContain('clientRequestId');
      expect(Object.keys(detail.case)).not.toContain('pendingData');
      expect(Object.keys(detail.case)).not.toContain('reportedBy');
    }
  });

  it('shows the full number only to holders of 查看完整个人信息, and logs each look', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    expect(await acceptor.cases.revealReporterPhone({ caseId })).toEqual({ phone: '13812345678' });
    const [logged] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cases.revealReporterPhone'), eq(auditLog.username, 'linjiang.acceptor')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(logged?.outcome).toBe('ok');
    const leader = await app.as('leader');
    expect((await failure(leader.cases.revealReporterPhone({ caseId }))).code).toBe('FORBIDDEN');
  });
});
