import { rowsOf } from '@citygov/db/client';
import { auditLog } from '@citygov/db/schema/audit';
import { areas } from '@citygov/db/schema/org';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { startTrpcHttp, type TrpcHttp } from '../../testing/trpc-http';
import { MAX_BATCH_CALLS } from '../../trpc/batch-limit';
import { verifyAuditChain } from './verify-audit-chain';

let app: TestApp;
let http: TrpcHttp;
let admin: string;
let linjiangId: number;

beforeAll(async () => {
  app = await openTestApp();
  http = await startTrpcHttp(app);
  admin = await http.signIn('admin');
  const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  linjiangId = linjiang!.id;
});
afterAll(async () => {
  await http?.close();
  await app?.close();
});

async function lastRow(action: string) {
  const [row] = await app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.chainSeq))
    .limit(1);
  return row;
}

async function detailBytes(id: number): Promise<number> {
  const [row] = rowsOf<{ n: unknown }>(
    await app.db.execute(sql`select octet_length(detail::text) as n from audit_log where id = ${id}`),
  );
  return Number(row?.n);
}

describe('every refusal is recorded, bounded', () => {
  it('logs a refused call that carries a bad field, signed in or not, with the text made safe', async () => {
    const refused = await http.call(
      'users.create',
      'mutation',
      {
        username: 'audit.nul',
        password: 'Probe12345',
        displayName: '审计\u0000探测',
        role: 'collector',
        areaId: linjiangId,
      },
      admin,
    );
    expect(refused.status).toBe(400);
    const row = await lastRow('users.create');
    expect(row).toMatchObject({ username: 'admin', outcome: 'failed' });
    expect(row?.detail).toMatchObject({ username: 'audit.nul', password: '***', displayName: '审计\uFFFD探测' });
    expect(String(row?.detail?.error)).toContain('displayName');

    const login = await http.call('auth.login', 'mutation', { username: 'x\u0000y', password: 'p' });
    expect(login.status).toBe(400);
    const loginRow = await lastRow('auth.login');
    expect(loginRow).toMatchObject({ username: null, outcome: 'failed' });
    expect(loginRow?.detail).toMatchObject({ username: 'x\uFFFDy', password: '***' });
  });

  it('logs refused zod input and bodies that are not even JSON', async () => {
    const invalid = await http.call('calendar.setOverride', 'mutation', { day: '2026-99-99', working: true }, admin);
    expect(invalid.status).toBe(400);
    expect(await lastRow('calendar.setOverride')).toMatchObject({ outcome: 'failed', detail: { day: '2026-99-99' } });

    const broken = await http.raw('phrases.add', 'mutation', '{"json":{"text":', admin);
    expect(broken.status).toBe(400);
    expect(broken.error?.message).toMatch(/\p{Script=Han}/u);
    expect(await lastRow('phrases.add')).toMatchObject({ outcome: 'failed', detail: { unparsable: true } });
  });

  it('keeps a refused anonymous 1 MB body to a digest of a few KiB', async () => {
    const description = '占'.repeat(300_000);
    const answer = await http.call('cases.report', 'mutation', {
      description,
      extra: { nested: ['x'.repeat(50_000)] },
    });
    expect(answer.status).toBe(401);
    const row = await lastRow('cases.report');
    expect(row).toMatchObject({ outcome: 'denied', username: null });
    expect(await detailBytes(row!.id)).toBeLessThanOrEqual(4096);
    const digest = row?.detail?.digest as { sha256: string; bytes: number; keys: string[] };
    expect(digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.bytes).toBeGreaterThan(900_000);
    expect(digest.keys).toEqual(['description', 'extra']);
  });

  it('masks phone numbers in the log detail', async () => {
    const created = await http.call(
      'users.create',
      'mutation',
      {
        username: 'audit.phone',
        password: 'Probe12345',
        displayName: '审计电话',
        role: 'collector',
        areaId: linjiangId,
        phone: '13912345678',
      },
      admin,
    );
    expect(created.status, created.text).toBe(200);
    const row = await lastRow('users.create');
    expect(row).toMatchObject({ outcome: 'ok', detail: { phone: '139****5678', password: '***' } });
    expect(JSON.stringify(row?.detail)).not.toContain('13912345678');
  });
});

describe('batches', () => {
  it(`refuses a batch of ${MAX_BATCH_CALLS + 1} calls before running any, and logs it`, async () => {
    const batch = (n: number) => `${http.base}/trpc/${Array.from({ length: n }, () => 'auth.me').join(',')}?batch=1`;
    const input = (n: number) =>
      encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]))));
    const refused = await fetch(`${batch(MAX_BATCH_CALLS + 1)}&input=${input(MAX_BATCH_CALLS + 1)}`);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain(`一次请求最多包含 ${MAX_BATCH_CALLS} 个调用`);
    expect(await lastRow('trpc.batch')).toMatchObject({ outcome: 'failed', detail: { calls: MAX_BATCH_CALLS + 1 } });

    const allowed = await fetch(`${batch(MAX_BATCH_CALLS)}&input=${input(MAX_BATCH_CALLS)}`);
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);
  });
});

describe('the log cannot be rewritten unseen', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database, for the application user too', async () => {
    const row = await lastRow('users.create');
    const attempts = [
      sql`update audit_log set outcome = 'ok' where id = ${row!.id}`,
      sql`delete from audit_log where id = ${row!.id}`,
      sql`truncate audit_log`,
      sql`update audit_chain_head set last_seq = 0`,
      sql`delete from audit_chain_head`,
    ];
    for (const attempt of attempts) {
      await expect(app.db.execute(attempt)).rejects.toThrow();
    }
    expect(await lastRow('users.create')).toEqual(row);
  });

  it('keeps one valid chain while many requests write at once', async () => {
    const before = await verifyAuditChain(app.db);
    const callers = await Promise.all([app.as('admin'), app.as('linjiang.admin'), app.as('hubin.admin')]);
    const writes = Array.from({ length: 30 }, (_, i) =>
      callers[i % 3]!.calendar.setOverride({
        day: `2031-01-${String(i + 1).padStart(2, '0')}`,
        working: i % 2 === 0,
      }).catch(() => null),
    );
    // Refusals write their rows outside the transaction, interleaved with the commits.
    const refusals = Array.from({ length: 10 }, () =>
      callers[1]!.calendar.removeOverride({ day: '2040-01-01' }).catch(() => null),
    );
    await Promise.all([...writes, ...refusals]);
    const after = await verifyAuditChain(app.db);
    expect(after).toMatchObject({ intact: true, badRows: 0 });
    expect(after.rows).toBeGreaterThanOrEqual(before.rows + 40);
    expect(after.head?.lastSeq).toBe(after.rows);
  });

  it('finds a row changed behind the triggers, at that row, and is intact again once it is put back', async () => {
    expect((await verifyAuditChain(app.db)).intact).toBe(true);
    const row = await lastRow('calendar.setOverride');
    // A superuser (or the table's owner) can switch triggers off: the chain still tells.
    await app.db.execute(sql`alter table audit_log disable trigger user`);
    await app.db.execute(sql`update audit_log set detail = '{"day":"1999-01-01"}'::jsonb where id = ${row!.id}`);
    await app.db.execute(sql`alter table audit_log enable trigger user`);
    const tampered = await verifyAuditChain(app.db);
    expect(tampered.intact).toBe(false);
    expect(tampered.firstBreak).toMatchObject({ chainSeq: row!.chainSeq, id: row!.id });
    expect(tampered.firstBreak?.reason).toContain('改动');

    await app.db.execute(sql`alter table audit_log disable trigger user`);
    await app.db.execute(
      sql`update audit_log set detail = ${JSON.stringify(row!.detail)}::jsonb where id = ${row!.id}`,
    );
    await app.db.execute(sql`alter table audit_log enable trigger user`);
    expect((await verifyAuditChain(app.db)).intact).toBe(true);
  });

  it('finds deleted rows: a gap in the middle, and rows missing at the end', async () => {
    const [middle] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.setOverride'), eq(auditLog.outcome, 'ok')))
      .orderBy(auditLog.chainSeq)
      .limit(1);
    const [last] = await app.db.select().from(auditLog).orderBy(desc(auditLog.chainSeq)).limit(1);
    await app.db.execute(sql`alter table audit_log disable trigger user`);
    await app.db.execute(sql`delete from audit_log where id in (${middle!.id}, ${last!.id})`);
    await app.db.execute(sql`alter table audit_log enable trigger user`);
    const report = await verifyAuditChain(app.db);
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ chainSeq: middle!.chainSeq });
    expect(report.firstBreak?.reason).toContain('缺少');
    expect(report.badRows).toBeGreaterThanOrEqual(2);
  });
});
