import { users } from '@citygov/db/schema/auth';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { iotDevices } from '@citygov/db/schema/iot';
import { areas, departments } from '@citygov/db/schema/org';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { shippedIndicatorsOf } from '@citygov/domain/evaluation/indicators';
import { type Permission, ROLE_CODES, roleGrants } from '@citygov/domain/permissions';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './app-router';
import { createHttpApp } from './http/create-app';
import { getViewableAttachment } from './modules/attachments/attachment-queries';
import { loadSessionUser } from './modules/auth/session-store';
import { DEMO_API_KEY } from './modules/open311/api-keys';
import { form, HttpClient, json } from './modules/open311/open311-test-client';
import { openTestApp, type TestApp } from './testing/test-app';

/**
 * Calls every procedure as every role and as a stranger, and as an administrator of
 * another district. Fails if anything answers that the registry does not grant, or if
 * a procedure is added without a sample input here.
 */
type Procedure = { _def: { type: string; meta?: { permission?: Permission } } };
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

/**
 * What each procedure requires, written down independently of the procedures' own
 * meta: a procedure whose guard is loosened (or a new one nobody listed) fails here.
 */
const REQUIRED: Record<string, Permission | 'public' | 'authed'> = {
  'auth.login': 'public',
  'auth.me': 'public',
  'auth.logout': 'authed',
  'auth.passwordPolicy': 'public',
  'auth.changePassword': 'authed',
  'auth.sessions': 'authed',
  'auth.endSession': 'authed',
  'portal.home': 'portal.view',
  'org.areaTree': 'org.view',
  'org.areaChildren': 'org.view',
  'org.departments': 'org.view',
  'org.createDepartment': 'org.manage',
  'org.updateDepartment': 'org.manage',
  'org.deleteDepartment': 'org.manage',
  'users.list': 'user.view',
  'users.byId': 'user.view',
  'users.create': 'user.manage',
  'users.update': 'user.manage',
  'users.setActive': 'user.manage',
  'users.unlock': 'user.manage',
  'users.resetPassword': 'user.manage',
  // A full phone number: personal data (personal.view), of a user seen through user management (user.view, below).
  'users.revealPhone': 'personal.view',
  'roles.list': 'role.view',
  'audit.list': 'auditLog.view',
  'geo.areas': 'map.view',
  'geo.gridAt': 'map.view',
  'geo.home': 'map.view',
  'catalogue.majors': 'category.view',
  'catalogue.list': 'category.view',
  'catalogue.timeLimits': 'category.view',
  'catalogue.update': 'category.manage',
  'catalogue.setTimeLimit': 'category.manage',
  'cases.report': 'case.report',
  // The gate is any signed-in user; the action itself (accept, in the sample) needs its own permission.
  'cases.act': 'case.accept',
  'cases.list': 'case.view',
  'cases.mine': 'case.report',
  'cases.byId': 'portal.view',
  'cases.queues': 'todo.view',
  'cases.queueDefinitions': 'todo.view',
  'cases.onChange': 'portal.view',
  'cases.addRemark': 'case.view',
  'cases.revealReporterPhone': 'personal.view',
  'cases.collectorsFor': 'case.accept',
  'cases.dispatchTargets': 'case.dispatch',
  'cases.batchDispatch': 'case.dispatch',
  'cases.subUnits': 'case.handle',
  'dispatchAssist.forCase': 'case.dispatch',
  'phrases.list': 'portal.view',
  'phrases.add': 'portal.view',
  'phrases.remove': 'portal.view',
  'calendar.month': 'category.view',
  'calendar.overrides': 'category.view',
  'calendar.setOverride': 'category.manage',
  'calendar.removeOverride': 'category.manage',
  // Category suggestion and duplicate detection while registering a report (see intake/router.ts).
  'intake.suggestCategories': 'case.report',
  'intake.findDuplicates': 'case.report',
  'intake.retrain': 'category.manage',
  'dispatchRules.list': 'rules.manage',
  'dispatchRules.options': 'rules.manage',
  'dispatchRules.create': 'rules.manage',
  'dispatchRules.update': 'rules.manage',
  'dispatchRules.remove': 'rules.manage',
  'dispatchRules.preview': 'rules.manage',
  // 判重阈值 are the admin's; the 疑似重复 queue is the shift lead's (who files, and so merges).
  'duplicates.thresholds': 'rules.manage',
  'duplicates.setThresholds': 'rules.manage',
  'duplicates.list': 'case.file',
  'duplicates.count': 'case.file',
  'duplicates.dismiss': 'case.file',
  'duplicates.leadPreview': 'case.file',
  // Video centre: watching is video.view; steering the camera and recordings are video.control.
  'video.tree': 'video.view',
  'video.cameras': 'video.view',
  'video.nearCase': 'video.view',
  'video.play': 'video.view',
  'video.release': 'video.view',
  'video.ptz': 'video.control',
  'video.records': 'video.control',
  'video.playback': 'video.control',
  // IoT hub: the registry and readings; a case's sensor chart goes with the case.
  'iot.devices': 'iot.view',
  'iot.readings': 'iot.view',
  'iot.caseSensor': 'case.view',
  'iot.create': 'iot.manage',
  'iot.update': 'iot.manage',
  // 综合评价: reading, publishing (and recalculating), and the city's indicator table.
  'evaluation.view': 'evaluation.view',
  'evaluation.cases': 'evaluation.view',
  'evaluation.trend': 'evaluation.view',
  'evaluation.indicators': 'evaluation.view',
  'evaluation.publish': 'evaluation.publish',
  'evaluation.recalculate': 'evaluation.publish',
  'evaluation.saveIndicators': 'evaluation.configure',
  'evaluation.resetIndicators': 'evaluation.configure',
  // 督办单: seen with the cases, issued by who supervises, answered by the department.
  'supervision.orders': 'case.view',
  'supervision.issueDepartmentOrder': 'case.supervise',
  'supervision.replyDepartmentOrder': 'case.handle',
  // The leader's tablet.
  'leader.home': 'dashboard.view',
  'leader.cases': 'dashboard.view',
};

/** Procedures whose declared gate is wider than the permission their sample needs. */
const DECLARED_GATE: Record<string, Permission> = { 'cases.act': 'portal.view' };

/** Procedures that need a second permission besides their declared gate. */
const ALSO_REQUIRED: Record<string, Permission> = { 'users.revealPhone': 'user.view' };

/** Settings that hold for the whole city: the permission is not enough below city level. */
const CITY_LEVEL_ONLY: ReadonlySet<string> = new Set([
  'duplicates.setThresholds',
  'catalogue.update',
  'catalogue.setTimeLimit',
  'calendar.setOverride',
  'calendar.removeOverride',
  'intake.retrain',
  'evaluation.saveIndicators',
  'evaluation.resetIndicators',
]);

interface Targets {
  caseId: number;
  districtId: number;
  communityId: number;
  departmentId: number;
  parentDepartmentId: number;
  userId: number;
  point: { lng: number; lat: number };
  /** The district's seeded dispatch rule (市容环境). */
  ruleId: number;
  /** A pending 疑似重复 pair of the district, and the number of its newer case. */
  pairId: number;
  pairCaseNo: string;
  /** A camera of the district (device and channel ids) and a sensor. */
  camera: { deviceId: string; channelId: string };
  sensorId: number;
}

const EVALUATION_TARGET = { period: { kind: 'year', year: 2020 }, subjectKind: 'area' };

let serial = 0;
const SAMPLES: Record<string, (t: Targets) => unknown> = {
  'auth.login': () => ({ username: 'nobody', password: 'x' }),
  'auth.me': () => undefined,
  'auth.logout': () => undefined,
  'auth.passwordPolicy': () => undefined,
  // A weak new password: refused by the policy before anything is checked or changed.
  'auth.changePassword': () => ({ currentPassword: 'x', newPassword: 'weak' }),
  'auth.sessions': () => undefined,
  'auth.endSession': () => ({ id: '0'.repeat(64) }),
  'portal.home': () => undefined,
  'org.areaTree': () => undefined,
  'org.areaChildren': (t) => ({ parentId: t.communityId }),
  'org.departments': () => undefined,
  'org.createDepartment': (t) => ({
    name: `测试部门${++serial}`,
    kind: 'professional',
    areaId: t.districtId,
    parentId: null,
  }),
  'org.updateDepartment': (t) => ({ id: t.departmentId, data: { name: `改名部门${++serial}`, phone: null } }),
  'org.deleteDepartment': (t) => ({ id: t.parentDepartmentId }),
  'users.list': (t) => ({ areaId: t.districtId }),
  'users.byId': (t) => ({ id: t.userId }),
  'users.create': (t) => ({
    username: `matrix.user${++serial}`,
    displayName: '矩阵测试',
    password: 'Matrix12345',
    role: 'collector',
    areaId: t.districtId,
    position: '',
  }),
  'users.update': (t) => ({
    id: t.userId,
    data: { displayName: '矩阵测试', role: 'collector', areaId: t.districtId, position: '监督员' },
  }),
  'users.setActive': (t) => ({ id: t.userId, active: true }),
  'users.unlock': (t) => ({ id: t.userId }),
  'users.resetPassword': (t) => ({ id: t.userId, password: `Matrix-${++serial}-Pass` }),
  'users.revealPhone': (t) => ({ id: t.userId }),
  'roles.list': () => undefined,
  'audit.list': () => ({}),
  'geo.areas': () => ({ level: 'district' }),
  'geo.gridAt': (t) => t.point,
  'geo.home': () => undefined,
  'catalogue.majors': () => undefined,
  'catalogue.list': () => ({ q: '井盖' }),
  'catalogue.timeLimits': () => ({ kind: 'event', code: '06001' }),
  'catalogue.update': () => ({
    kind: 'event',
    code: '06001',
    data: { name: '私搭乱建', synonyms: [], fileCondition: '发现私搭乱建', closeCondition: '已拆除' },
  }),
  'cases.report': (t) => ({
    source: 'hotline',
    kind: 'event',
    categoryCode: '06001',
    description: '权限矩阵测试上报的问题',
    ...t.point,
  }),
  'cases.act': (t) => ({ caseId: t.caseId, expectedVersion: 1, action: 'accept' }),
  'cases.list': () => ({}),
  'cases.mine': () => ({}),
  'cases.byId': (t) => ({ id: t.caseId }),
  'cases.queues': () => undefined,
  'cases.queueDefinitions': () => undefined,
  'cases.onChange': () => undefined,
  'cases.addRemark': (t) => ({ caseId: t.caseId, text: '权限矩阵备注' }),
  'cases.revealReporterPhone': (t) => ({ caseId: t.caseId }),
  'cases.collectorsFor': (t) => ({ caseId: t.caseId }),
  'cases.dispatchTargets': () => undefined,
  'cases.batchDispatch': (t) => ({
    items: [{ caseId: t.caseId, expectedVersion: 1 }],
    leadDepartmentId: t.departmentId,
  }),
  'cases.subUnits': (t) => ({ caseId: t.caseId }),
  'dispatchAssist.forCase': (t) => ({ caseId: t.caseId }),
  'phrases.list': () => undefined,
  'phrases.add': () => ({ text: '已通知责任单位尽快处理' }),
  'phrases.remove': () => ({ id: 999999 }),
  'calendar.month': () => ({ year: 2026, month: 10 }),
  'calendar.overrides': () => undefined,
  'calendar.setOverride': () => ({ day: '2027-02-10', working: false, note: '春节' }),
  'calendar.removeOverride': () => ({ day: '2027-02-11' }),
  'intake.suggestCategories': () => ({ text: '人行道上有人摆摊卖水果' }),
  'intake.findDuplicates': (t) => ({
    kind: 'event',
    categoryCode: '06001',
    description: '权限矩阵测试用的案件',
    ...t.point,
  }),
  'intake.retrain': () => undefined,
  'dispatchRules.list': () => undefined,
  'dispatchRules.options': () => undefined,
  'dispatchRules.create': (t) => ({
    name: `矩阵规则${++serial}`,
    kind: 'event',
    majorCode: '08',
    categoryCode: '08001',
    areaId: t.districtId,
    urgency: null,
    leadDepartmentId: t.parentDepartmentId,
  }),
  'dispatchRules.update': (t) => ({ id: t.ruleId, data: { enabled: true } }),
  'dispatchRules.remove': (t) => ({ id: t.ruleId }),
  'dispatchRules.preview': (t) => ({ kind: 'event', categoryCode: '06001', urgency: 'normal', ...t.point }),
  'duplicates.thresholds': () => undefined,
  'duplicates.setThresholds': () => ({ merge: 0.84, review: 0.3 }),
  'duplicates.list': () => undefined,
  'duplicates.count': () => undefined,
  'duplicates.dismiss': (t) => ({ pairId: t.pairId, reason: '权限矩阵测试' }),
  'duplicates.leadPreview': (t) => ({ caseId: t.caseId, caseNo: t.pairCaseNo }),
  'video.tree': () => undefined,
  'video.cameras': () => undefined,
  'video.nearCase': (t) => ({ caseId: t.caseId }),
  'video.play': (t) => t.camera,
  'video.release': () => ({ token: 'x'.repeat(32) }),
  'video.ptz': (t) => ({ ...t.camera, action: { kind: 'stop' } }),
  'video.records': (t) => ({
    ...t.camera,
    start: new Date('2026-10-01T00:00:00Z'),
    end: new Date('2026-10-01T06:00:00Z'),
  }),
  'video.playback': (t) => ({
    ...t.camera,
    start: new Date('2026-10-01T00:00:00Z'),
    end: new Date('2026-10-01T01:00:00Z'),
  }),
  'iot.devices': () => undefined,
  'iot.readings': (t) => ({ id: t.sensorId, hours: 24 }),
  'iot.caseSensor': (t) => ({ caseId: t.caseId }),
  'iot.create': (t) => ({ code: `MX-${++serial}`, name: '矩阵测试水位计', type: 'water_level', ...t.point }),
  'iot.update': (t) => ({ id: t.sensorId, data: { thresholds: { alarmAbove: 20, clearBelow: 10 } } }),
  'evaluation.view': () => EVALUATION_TARGET,
  'evaluation.cases': (t) => ({ ...EVALUATION_TARGET, subject: t.districtId }),
  'evaluation.trend': () => ({ ...EVALUATION_TARGET, periods: 2 }),
  'evaluation.indicators': () => ({ subjectKind: 'dispatcher' }),
  'evaluation.publish': () => EVALUATION_TARGET,
  'evaluation.recalculate': () => ({ ...EVALUATION_TARGET, reason: '矩阵测试重算' }),
  'evaluation.saveIndicators': () => ({
    subjectKind: 'dispatcher',
    indicators: shippedIndicatorsOf('dispatcher').map(({ subjectKind: _, ...row }) => row),
  }),
  'evaluation.resetIndicators': () => ({ subjectKind: 'dispatcher' }),
  'supervision.orders': () => ({ filter: 'all' }),
  'supervision.issueDepartmentOrder': (t) => ({
    departmentId: t.departmentId,
    instruction: '矩阵测试督办',
    replyHours: 4,
  }),
  // No such order: a department handler is let through to the lookup (NOT_FOUND), everyone else refused.
  'supervision.replyDepartmentOrder': () => ({ id: 999_999, reply: '收到' }),
  'leader.home': (t) => ({ areaId: t.districtId }),
  'leader.cases': (t) => ({ areaId: t.districtId, filter: 'open' }),
  'catalogue.setTimeLimit': () => ({
    kind: 'event',
    code: '06001',
    urgency: 'normal',
    stage: 'handle',
    amount: 2,
    unit: 'working_days',
  }),
};

async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

type Caller = Awaited<ReturnType<TestApp['as']>>;
async function invoke(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [group, name] = path.split('.') as [string, string];
  const procedures = (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[group];
  const procedure = procedures?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  const result = await procedure(input);
  // A subscription that was let through is closed again at once.
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
  }
  return result;
}

async function targetsIn(app: TestApp, districtCode: string, districtSlug: string): Promise<Targets> {
  const [district] = await app.db.select().from(areas).where(eq(areas.code, districtCode));
  if (!district) throw new Error(`no district ${districtCode}`);
  // The first street and grid: inside every scope of that district, street-level staff included.
  const [grid] = await app.db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${district.path}%`)))
    .orderBy(asc(areas.code))
    .limit(1);
  const [community] = await app.db
    .select()
    .from(areas)
    .where(eq(areas.id, grid?.parentId ?? 0));
  const depts = await app.db
    .select()
    .from(departments)
    .where(eq(departments.areaId, district.id))
    .orderBy(asc(departments.path));
  const parent = depts.find((d) => depts.some((child) => child.parentId === d.id));
  const [collector] = await app.db
    .select()
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(and(like(users.username, '%.collector'), like(areas.path, `${district.path}%`)));
  const [rule] = await app.db
    .select()
    .from(dispatchRules)
    .where(eq(dispatchRules.name, `${district.name}市容环境`));
  if (!grid || !community || !parent || !depts[0] || !collector || !rule) throw new Error('seed is missing targets');
  const reporter = await app.as(`${districtSlug}.acceptor`);
  const reported = await reporter.cases.report({
    source: 'hotline',
    kind: 'event',
    categoryCode: '06001',
    description: '权限矩阵测试用的案件',
    lng: grid.centerLng ?? 0,
    lat: grid.centerLat ?? 0,
  });
  // The same problem again, said to be a different one: flagged as a suspected duplicate.
  const again = await reporter.cases.report({
    source: 'hotline',
    kind: 'event',
    categoryCode: '06001',
    description: '权限矩阵测试用的另一个案件',
    lng: grid.centerLng ?? 0,
    lat: grid.centerLat ?? 0,
    confirmedDistinct: true,
  });
  const [pair] = await app.db.select().from(duplicateSuspects).where(eq(duplicateSuspects.caseId, again.id));
  if (!pair) throw new Error('no suspected duplicate for the matrix');
  // A registered camera and a sensor in the district (as the SIP server and the registry would write them).
  const point = { lng: grid.centerLng ?? 0, lat: grid.centerLat ?? 0 };
  const seq = String(district.id).padStart(6, '0');
  const camera = { deviceId: `34020000001320${seq}`, channelId: `34020000001310${seq}` };
  await app.db.insert(videoDevices).values({
    deviceId: camera.deviceId,
    transport: 'UDP',
    host: '127.0.0.1',
    port: 5060,
    online: true,
    areaId: district.id,
    areaPath: district.path,
  });
  await app.db.insert(videoChannels).values({
    ...camera,
    role: 'camera',
    name: '矩阵摄像机',
    online: true,
    ...point,
    areaId: grid.id,
    areaPath: grid.path,
  });
  const [sensor] = await app.db
    .insert(iotDevices)
    .values({
      code: `MATRIX-${district.code}`,
      name: '矩阵水位计',
      type: 'water_level',
      address: grid.name,
      ...point,
      areaId: grid.id,
      areaPath: grid.path,
      thresholds: { alarmAbove: 20, clearBelow: 10 },
    })
    .returning();
  if (!sensor) throw new Error('no sensor for the matrix');
  return {
    caseId: reported.id,
    districtId: district.id,
    communityId: community.id,
    departmentId: depts[0].id,
    parentDepartmentId: parent.id,
    userId: collector.users.id,
    point: { lng: grid.centerLng ?? 0, lat: grid.centerLat ?? 0 },
    ruleId: rule.id,
    pairId: pair.id,
    pairCaseNo: again.caseNo,
    camera,
    sensorId: sensor.id,
  };
}

let app: TestApp;
let own: Targets;
let other: Targets;
beforeAll(async () => {
  app = await openTestApp();
  const districts = await app.db.select().from(areas).where(eq(areas.level, 'district')).orderBy(asc(areas.code));
  own = await targetsIn(app, districts[0]?.code ?? '', 'linjiang');
  other = await targetsIn(app, districts[1]?.code ?? '', 'yunshan');
});
afterAll(() => app?.close());

describe('permission matrix', () => {
  it('lists every procedure with its required permission and a sample input', () => {
    for (const [path, procedure] of PROCEDURES) {
      expect(SAMPLES[path], `sample input for ${path}`).toBeDefined();
      const required = REQUIRED[path];
      expect(required, `${path} is not in REQUIRED`).toBeDefined();
      const declared = procedure._def.meta?.permission;
      if (required !== 'public' && required !== 'authed') expect(declared, path).toBe(DECLARED_GATE[path] ?? required);
    }
  });

  it('refuses every non-public procedure to a caller without a session', async () => {
    const anonymous = app.anonymous();
    for (const [path] of PROCEDURES) {
      if (REQUIRED[path] === 'public') continue;
      const input = SAMPLES[path]?.(own);
      expect(`${path}: ${await outcomeOf(() => invoke(anonymous, path, input))}`).toBe(`${path}: UNAUTHORIZED`);
    }
  });

  const accounts = [...ROLE_CODES.map((role) => `linjiang.${role}`), 'admin', 'leader', 'supervisor', 'dispatcher'];
  it.each(accounts)('as %s, reaches exactly what the registry grants', async (username) => {
    const caller = await app.as(username);
    const [account] = await app.db.select().from(users).where(eq(users.username, username));
    const role = account?.role as (typeof ROLE_CODES)[number];
    const mismatches: string[] = [];
    for (const [path] of PROCEDURES) {
      // Logout would end the session the loop uses; login is public and has its own tests.
      if (path === 'auth.logout' || path === 'auth.login') continue;
      const required = REQUIRED[path] ?? 'public';
      const outcome = await outcomeOf(() => invoke(caller, path, SAMPLES[path]?.(own)));
      // Demo district accounts are `<district>.<role>`; the others are city-level.
      const cityLevel = !username.includes('.');
      const granted =
        required === 'public' ||
        required === 'authed' ||
        (roleGrants(role, required) &&
          (cityLevel || !CITY_LEVEL_ONLY.has(path)) &&
          (ALSO_REQUIRED[path] === undefined || roleGrants(role, ALSO_REQUIRED[path])));
      const refused = outcome === 'FORBIDDEN' || outcome === 'UNAUTHORIZED';
      if (granted === refused) mismatches.push(`${path} (${required}): ${outcome}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('data scope', () => {
  it("a district administrator reaches nothing of another district's by id", async () => {
    const caller = await app.as('linjiang.admin');
    const reached: string[] = [];
    for (const [path] of PROCEDURES) {
      const sample = SAMPLES[path];
      if (!sample || path.startsWith('auth.') || path === 'cases.report') continue;
      const input = sample(other);
      // Only procedures that name a record or place of the district: the rest are scoped lists, checked below.
      if (JSON.stringify(input) === JSON.stringify(sample(own))) continue;
      const outcome = await outcomeOf(() => invoke(caller, path, input));
      if (path === 'geo.gridAt') {
        // Reporting works anywhere in the city, so the grid is found but flagged as outside.
        const grid = (await invoke(caller, path, input)) as { inScope: boolean };
        if (grid.inScope) reached.push(`${path}: inScope`);
      } else if (path === 'users.list') {
        const result = (await invoke(caller, path, input)) as { total: number };
        if (result.total !== 0) reached.push(`${path}: ${result.total} rows`);
      } else if (outcome !== 'FORBIDDEN' && outcome !== 'NOT_FOUND') {
        reached.push(`${path}: ${outcome}`);
      }
    }
    expect(reached).toEqual([]);
  });

  it('lists only rows inside the caller’s district', async () => {
    const caller = await app.as('linjiang.admin');
    const [district] = await app.db.select().from(areas).where(eq(areas.id, own.districtId));
    const areaTree = await caller.org.areaTree();
    expect(areaTree.length).toBeGreaterThan(1);
    const ids = new Set(
      (
        await app.db
          .select()
          .from(areas)
          .where(like(areas.path, `${district?.path}%`))
      ).map((a) => a.id),
    );
    expect(areaTree.every((a) => ids.has(a.id))).toBe(true);
    const staff = await caller.users.list({ pageSize: 200 });
    expect(staff.total).toBeGreaterThan(0);
    expect(staff.rows.every((u) => ids.has(u.areaId))).toBe(true);
    const districts = await caller.geo.areas({ level: 'district' });
    expect(districts.features.map((f) => f.id)).toEqual([own.districtId]);
    const depts = await caller.org.departments();
    expect(depts.every((d) => ids.has(d.areaId))).toBe(true);
    // Cameras and sensors: the district's own only.
    const tree = await caller.video.tree();
    expect(tree.devices.map((d) => d.deviceId)).toEqual([own.camera.deviceId]);
    expect(tree.channels.map((c) => c.channelId)).toEqual([own.camera.channelId]);
    expect((await caller.video.cameras()).map((c) => c.channelId)).toEqual([own.camera.channelId]);
    expect((await caller.iot.devices()).map((d) => d.id)).toContain(own.sensorId);
    expect((await caller.iot.devices()).map((d) => d.id)).not.toContain(other.sensorId);
  });

  it("district staff see their district's cases only, and no case of another by id", async () => {
    const caller = await app.as('linjiang.shift_lead');
    const list = await caller.cases.list({ pageSize: 200 });
    const ids = list.rows.map((r) => r.id);
    expect(ids).toContain(own.caseId);
    expect(ids).not.toContain(other.caseId);
    expect(await outcomeOf(() => caller.cases.byId({ id: other.caseId }))).toBe('NOT_FOUND');
    const cityLeader = await app.as('leader');
    const all = (await cityLeader.cases.list({ pageSize: 200 })).rows.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([own.caseId, other.caseId]));
  });

  it('a department handler sees no case before it is dispatched to their department', async () => {
    const handler = await app.as('linjiang.dept_handler');
    expect(await outcomeOf(() => handler.cases.byId({ id: own.caseId }))).toBe('NOT_FOUND');
  });

  it('a city administrator sees every district', async () => {
    const caller = await app.as('admin');
    const districts = await caller.geo.areas({ level: 'district' });
    expect(districts.features).toHaveLength(4);
  });
});

describe('city-wide settings by level', () => {
  const mutations = PROCEDURES.filter(([, p]) => p._def.type === 'mutation').map(([path]) => path);

  it('lists every mutation guarded by category.manage as city-level only (all of them change city-wide settings)', () => {
    const catalogueMutations = mutations.filter((path) => REQUIRED[path] === 'category.manage');
    expect(catalogueMutations.length).toBeGreaterThan(0);
    expect(catalogueMutations.filter((path) => !CITY_LEVEL_ONLY.has(path))).toEqual([]);
    expect([...CITY_LEVEL_ONLY].filter((path) => !mutations.includes(path))).toEqual([]);
  });

  it('refuses each city-wide setting to a district administrator, with the reason, and changes nothing', async () => {
    const district = await app.as('linjiang.admin');
    const before = await app.db.select().from(categories).where(eq(categories.code, '06001'));
    const answers: string[] = [];
    for (const path of CITY_LEVEL_ONLY) {
      try {
        await invoke(district, path, SAMPLES[path]?.(own));
        answers.push(`${path}: OK`);
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        answers.push(`${path}: ${error.code} ${error.message}`);
      }
    }
    expect(answers).toEqual([
      'duplicates.setThresholds: FORBIDDEN 判重阈值为全市统一设置，仅市级系统管理员可以修改',
      'catalogue.update: FORBIDDEN 事部件分类为全市统一设置，仅市级系统管理员可以修改',
      'catalogue.setTimeLimit: FORBIDDEN 处置时限为全市统一设置，仅市级系统管理员可以修改',
      'calendar.setOverride: FORBIDDEN 工作日历为全市统一设置，仅市级系统管理员可以修改',
      'calendar.removeOverride: FORBIDDEN 工作日历为全市统一设置，仅市级系统管理员可以修改',
      'intake.retrain: FORBIDDEN 小类建议模型为全市统一设置，仅市级系统管理员可以修改',
      'evaluation.saveIndicators: FORBIDDEN 考核指标为全市统一设置，仅市级系统管理员可以修改',
      'evaluation.resetIndicators: FORBIDDEN 考核指标为全市统一设置，仅市级系统管理员可以修改',
    ]);
    expect(await app.db.select().from(categories).where(eq(categories.code, '06001'))).toEqual(before);
    // District administrators still read them.
    expect((await district.catalogue.list({ q: '私搭' })).length).toBeGreaterThan(0);
    expect((await district.calendar.month({ year: 2026, month: 10 })).length).toBe(31);
  });

  it('lets the city administrator change each of them', async () => {
    const city = await app.as('admin');
    await city.calendar.setOverride({ day: '2027-02-11', working: true, note: '调休' });
    const outcomes: string[] = [];
    for (const path of CITY_LEVEL_ONLY) {
      outcomes.push(`${path}: ${await outcomeOf(() => invoke(city, path, SAMPLES[path]?.(own)))}`);
    }
    expect(outcomes).toEqual([...CITY_LEVEL_ONLY].map((path) => `${path}: OK`));
  });
});

describe('public paths (no session)', () => {
  const http = new HttpClient();
  let citizen: { caseNo: string; token: string };
  beforeAll(async () => {
    await http.start(createHttpApp(app.db, app.config));
    const [grid] = await app.db
      .select()
      .from(areas)
      .where(eq(areas.id, (await caseRow(own.caseId)).gridId));
    const answer = await http.call(
      '/open311/v2/requests.json',
      form({
        api_key: DEMO_API_KEY,
        service_code: 'event-06001',
        description: '权限矩阵：市民网上反映',
        lat: String(grid?.centerLat),
        long: String(grid?.centerLng),
      }),
    );
    expect(answer.status, answer.text).toBe(201);
    const [created] = json<{ service_request_id: string; token: string }[]>(answer);
    if (!created) throw new Error('no public report');
    citizen = { caseNo: created.service_request_id, token: created.token };
  });
  afterAll(() => http.close());

  async function caseRow(id: number) {
    const [row] = await app.db.select().from(cases).where(eq(cases.id, id));
    if (!row) throw new Error(`no case ${id}`);
    return row;
  }

  it('tracks a report by its code, never by its case number', async () => {
    expect((await http.call(`/open311/track/${citizen.token}.json`)).status).toBe(200);
    expect((await http.call(`/open311/track/${citizen.caseNo}.json`)).status).toBe(404);
    const hotline = await caseRow(own.caseId);
    expect(hotline.trackingCode).not.toBeNull();
    expect((await http.call(`/open311/track/${hotline.trackingCode}.json`)).status).toBe(200);
    expect((await http.call(`/open311/track/${hotline.caseNo}.json`)).status).toBe(404);
  });

  it('walking the case numbers reaches published cases only, and no tracking view at all', async () => {
    const all = await app.db.select({ caseNo: cases.caseNo, source: cases.source }).from(cases);
    expect(all.length).toBeGreaterThan(4);
    const numbers = all.map((c) => c.caseNo);
    const last = Number(numbers.sort().at(-1));
    const reached: string[] = [];
    for (const caseNo of [...numbers, String(last + 1), String(last + 2)]) {
      const published = all.find((c) => c.caseNo === caseNo)?.source === 'public';
      const request = await http.call(`/open311/v2/requests/${caseNo}.json`);
      if ((request.status === 200) !== published) reached.push(`requests/${caseNo}: ${request.status}`);
      for (const path of [`/open311/track/${caseNo}.json`, `/open311/v2/tokens/${caseNo}.json`]) {
        const answer = await http.call(path);
        if (answer.status !== 404) reached.push(`${path}: ${answer.status}`);
      }
    }
    expect(reached).toEqual([]);
    const listed = json<{ service_request_id: string }[]>(await http.call('/open311/v2/requests.json'));
    expect(listed.map((r) => r.service_request_id)).toEqual([citizen.caseNo]);
  });
});

describe('reporters outside their area', () => {
  /** Procedures that act on a case or help to work it, with the case named in their input. */
  const WORKING = [
    'cases.act',
    'cases.collectorsFor',
    'cases.subUnits',
    'dispatchAssist.forCase',
    'duplicates.leadPreview',
  ];
  /** Reading one's own report, noting on it and its reporter's number stay open to the reporter. */
  const READING = new Set(['cases.byId', 'cases.addRemark', 'cases.revealReporterPhone']);

  it('see what they reported in another district, but work on none of it', async () => {
    for (const username of ['linjiang.acceptor', 'linjiang.collector']) {
      const reporter = await app.as(username);
      // Reporting works anywhere in the city: the point lies in yunshan.
      const foreign = await reporter.cases.report({
        source: username.endsWith('collector') ? 'collector' : 'hotline',
        kind: 'event',
        categoryCode: '06001',
        description: '在邻区发现的违章搭建，由本区人员上报',
        ...other.point,
        confirmedDistinct: true,
      });
      const detail = await reporter.cases.byId({ id: foreign.id });
      expect(detail.actions, `${username} is offered actions on a report outside their area`).toEqual([]);
      const worked: string[] = [];
      for (const [path] of PROCEDURES) {
        const sample = SAMPLES[path];
        if (!sample || READING.has(path)) continue;
        const input = sample({ ...own, caseId: foreign.id });
        // A procedure names the case when its sample changes with the case id (matching the id's
        // digits in the JSON would also hit unrelated numbers such as a month).
        const names = JSON.stringify(input) !== JSON.stringify(sample({ ...own, caseId: -1 }));
        if (!names && !WORKING.includes(path)) continue;
        const outcome = await outcomeOf(() => invoke(reporter, path, input));
        if (outcome !== 'FORBIDDEN' && outcome !== 'NOT_FOUND') worked.push(`${username} ${path}: ${outcome}`);
      }
      for (const action of ['accept', 'requestVoid'] as const) {
        const outcome = await outcomeOf(() =>
          reporter.cases.act({ caseId: foreign.id, expectedVersion: detail.case.version, action, reason: '越权尝试' }),
        );
        if (outcome !== 'FORBIDDEN' && outcome !== 'NOT_FOUND') worked.push(`${username} act ${action}: ${outcome}`);
      }
      expect(worked).toEqual([]);
    }
  });
});

describe('attachments follow the case', () => {
  it('a photo is visible to exactly those who may open its case, in every role', async () => {
    const photoOf = async (caseId: number) => {
      const [row] = await app.db
        .insert(caseAttachments)
        .values({ caseId, purpose: 'report', sha256: '0'.repeat(64), mime: 'image/jpeg', bytes: 1 })
        .returning({ id: caseAttachments.id });
      return row?.id ?? 0;
    };
    const photos = [
      { caseId: own.caseId, photoId: await photoOf(own.caseId) },
      { caseId: other.caseId, photoId: await photoOf(other.caseId) },
    ];
    const leaks: string[] = [];
    const accounts = [...ROLE_CODES.map((role) => `linjiang.${role}`), 'admin', 'leader', 'dispatcher'];
    for (const username of accounts) {
      const caller = await app.as(username);
      const user = await loadSessionUser(app.db, await app.userId(username));
      if (!user) throw new Error(`no user ${username}`);
      for (const { caseId, photoId } of photos) {
        const opens = (await outcomeOf(() => caller.cases.byId({ id: caseId }))) === 'OK';
        const fetches = (await getViewableAttachment(app.db, user, { id: photoId })) !== null;
        if (opens !== fetches) leaks.push(`${username} case ${caseId}: opens ${opens}, fetches ${fetches}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
