import { auditLog } from '@citygov/db/schema/audit';
import { users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, signIn } from '../auth/auth-test-helpers';

let app: TestApp;
let linjiangId: number;
let cityId: number;
let peerAdminId: number;
beforeAll(async () => {
  app = await openTestApp();
  const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  const [city] = await app.db.select().from(areas).where(eq(areas.level, 'city'));
  linjiangId = linjiang?.id ?? 0;
  cityId = city?.id ?? 0;
  // A second administrator of 临江区, made by the city administrator.
  const created = await (await app.as('admin')).users.create({
    username: 'linjiang.admin2',
    displayName: '临江副管理员',
    password: 'Second-Admin-2026',
    role: 'admin',
    areaId: linjiangId,
    position: '系统管理员',
    phone: '13900001111',
  });
  peerAdminId = created.id;
});
afterAll(() => app?.close());

type Caller = Awaited<ReturnType<TestApp['as']>>;

/** Every path of user management that changes an account, each as one call. */
function everyMutation(caller: Caller, id: number) {
  return {
    update: () =>
      caller.users.update({
        id,
        data: { displayName: '改过的名字', role: 'acceptor', areaId: linjiangId, position: '受理员' },
      }),
    disable: () => caller.users.setActive({ id, active: false }),
    enable: () => caller.users.setActive({ id, active: true }),
    unlock: () => caller.users.unlock({ id }),
    resetPassword: () => caller.users.resetPassword({ id, password: 'Brand-New-Pass-9' }),
  };
}

describe('administrators manage only accounts below them', () => {
  it('a district administrator is refused every change to a fellow administrator of the district', async () => {
    const districtAdmin = await app.as('linjiang.admin');
    const before = await app.db.select().from(users).where(eq(users.id, peerAdminId));
    for (const [path, call] of Object.entries(everyMutation(districtAdmin, peerAdminId))) {
      const error = await failure(call());
      expect(`${path}: ${error.code} ${error.message}`).toBe(
        `${path}: FORBIDDEN 不能管理同级的系统管理员账号，请联系上级管理员`,
      );
    }
    expect(await app.db.select().from(users).where(eq(users.id, peerAdminId))).toEqual(before);
    const [logged] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'users.resetPassword'), eq(auditLog.username, 'linjiang.admin')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(logged?.outcome).toBe('denied');
  });

  it('nobody changes their own account through user management', async () => {
    const districtAdmin = await app.as('linjiang.admin');
    const self = await app.userId('linjiang.admin');
    for (const [path, call] of Object.entries(everyMutation(districtAdmin, self))) {
      const error = await failure(call());
      expect(`${path}: ${error.code}`).toBe(`${path}: FORBIDDEN`);
      expect(error.message).toContain('不能在用户管理中修改自己的账号');
    }
  });

  it('a district administrator manages the district’s acceptor on every path', async () => {
    const districtAdmin = await app.as('linjiang.admin');
    const id = await app.userId('linjiang.acceptor');
    const calls = everyMutation(districtAdmin, id);
    await calls.update();
    await calls.disable();
    await calls.enable();
    await calls.unlock();
    await calls.resetPassword();
    const [row] = await app.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ displayName: '改过的名字', active: true });
    await signIn(app, 'linjiang.acceptor', 'Brand-New-Pass-9', '10.80.0.1');
  });

  it('the city administrator manages district administrators, but not another city administrator', async () => {
    const cityAdmin = await app.as('admin');
    await cityAdmin.users.resetPassword({ id: peerAdminId, password: 'Reset-By-City-1' });
    await cityAdmin.users.setActive({ id: peerAdminId, active: false });
    await cityAdmin.users.setActive({ id: peerAdminId, active: true });
    const other = await cityAdmin.users.create({
      username: 'city.admin2',
      displayName: '市级副管理员',
      password: 'City-Second-2026',
      role: 'admin',
      areaId: cityId,
      position: '',
    });
    const error = await failure(cityAdmin.users.setActive({ id: other.id, active: false }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('同级的系统管理员');
  });

  it('users.list says which rows the viewer may not manage, and why', async () => {
    const list = await (await app.as('linjiang.admin')).users.list({ pageSize: 200 });
    const refusal = (username: string) => list.rows.find((r) => r.username === username)?.manageRefusal;
    expect(refusal('linjiang.admin2')).toBe('不能管理同级的系统管理员账号，请联系上级管理员');
    expect(refusal('linjiang.admin')).toContain('自己的账号');
    expect(refusal('linjiang.collector')).toBeNull();
    const cityList = await (await app.as('admin')).users.list({ q: 'linjiang.admin', pageSize: 10 });
    expect(cityList.rows.every((r) => r.manageRefusal === null)).toBe(true);
  });
});

describe('phone numbers', () => {
  it('are masked in users.list and users.byId', async () => {
    const admin = await app.as('admin');
    const list = await admin.users.list({ q: 'linjiang.admin2', pageSize: 10 });
    expect(list.rows[0]?.phone).toBe('139****1111');
    const all = await admin.users.list({ pageSize: 200 });
    const phones = all.rows.map((r) => r.phone).filter((p): p is string => p !== null);
    expect(phones.length).toBeGreaterThan(10);
    expect(phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
    expect((await admin.users.byId({ id: peerAdminId })).phone).toBe('139****1111');
  });

  it('are shown in full through revealPhone to holders of personal.view, and every look is logged', async () => {
    const admin = await app.as('admin');
    expect(await admin.users.revealPhone({ id: peerAdminId })).toEqual({ id: peerAdminId, phone: '13900001111' });
    const [row] = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'users.revealPhone'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ username: 'admin', outcome: 'ok', detail: { id: peerAdminId } });
  });

  it('are refused without personal.view, without user.view, and outside the scope', async () => {
    const leader = await app.as('linjiang.leader'); // no personal.view
    expect((await failure(leader.users.revealPhone({ id: peerAdminId }))).code).toBe('FORBIDDEN');
    const acceptor = await app.as('linjiang.acceptor'); // personal.view, but no user management
    expect((await failure(acceptor.users.revealPhone({ id: peerAdminId }))).code).toBe('FORBIDDEN');
    const otherDistrict = await app.as('yunshan.admin');
    expect((await failure(otherDistrict.users.revealPhone({ id: peerAdminId }))).code).toBe('FORBIDDEN');
    const refused = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'users.revealPhone'), eq(auditLog.outcome, 'denied')));
    expect(refused.map((r) => r.username).sort()).toEqual(['linjiang.acceptor', 'linjiang.leader', 'yunshan.admin']);
  });
});
