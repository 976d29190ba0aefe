import { users } from '@citygov/db/schema/auth';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { iotDevices } from '@citygov/db/schema/iot';
import { areas, departments } from '@citygov/db/schema/org';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { DEFAULT_CROSS_CHECK_SETTINGS, DEFAULT_REASON_CODES } from '@citygov/domain/cross-check/reasons';
import { shippedIndicatorsOf } from '@citygov/domain/evaluation/indicators';
import type { Permission } from '@citygov/domain/permissions';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, like } from 'drizzle-orm';
import { appRouter } from '../app-router';
import type { TestApp } from './test-app';

/**
 * Every procedure of the app router with one valid input each, and the seeded records
 * those inputs name. Shared by the permission matrix (who may call what) and the fuzzer
 * (what hostile variants of a valid input do): a procedure added without a sample here
 * fails the matrix.
 */
export type Procedure = { _def: { type: string; meta?: { permission?: Permission } } };
export const PROCEDURES: readonly [string, Procedure][] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, Procedure>,
);

export interface Targets {
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
export const SAMPLES: Record<string, (t: Targets) => unknown> = {
  'auth.login': () => ({ username: 'nobody', password: 'x' }),
  'auth.me': () => undefined,
  'auth.logout': () => undefined,
  'auth.passwordPolicy': () => undefined,
  // A weak new password: refused by the policy before anything is checked or changed.
  'auth.changePassword': () => ({ currentPassword: 'x', newPassword: 'weak' }),
  'auth.sessions': () => undefined,
  'auth.endSession': () => ({ id: '0'.repeat(64) }),
  'sso.methods': () => undefined,
  'sso.zzdH5Login': () => ({ authCode: 'no-such-code' }),
  'sso.zzdBind': () => ({ ticket: 'no-such-ticket', username: 'nobody', password: 'x' }),
  'sso.smsCodeRequest': () => ({ phone: '13000000000' }),
  'sso.smsCodeLogin': () => ({ phone: '13000000000', code: '000000' }),
  'sso.citizen': () => undefined,
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
  'cases.notices': () => undefined,
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
  'video.setMediaTransport': (t) => ({ deviceId: t.camera.deviceId, data: { mediaTransport: 'TCP' } }),
  'iot.devices': () => undefined,
  'iot.readings': (t) => ({ id: t.sensorId, hours: 24 }),
  'iot.caseSensor': (t) => ({ caseId: t.caseId }),
  'iot.create': (t) => ({ code: `MX-${++serial}`, name: '矩阵测试水位计', type: 'water_level', ...t.point }),
  'iot.update': (t) => ({ id: t.sensorId, data: { thresholds: { alarmAbove: 20, clearBelow: 10 } } }),
  'integrations.overview': () => undefined,
  'integrations.deadLetters': () => undefined,
  // No such message: the city administrator gets NOT_FOUND, everyone else is refused.
  'integrations.replay': () => ({ id: 999_999 }),
  'enforcement.lookup': () => ({ kind: null, q: '张某明' }),
  'enforcement.subjectCases': () => ({ subjectId: 'ZF-P-0001' }),
  'enforcement.caseView': (t) => ({ caseId: t.caseId }),
  'enforcement.link': (t) => ({ caseId: t.caseId, subjectId: 'ZF-P-0001' }),
  'enforcement.unlink': (t) => ({ caseId: t.caseId, subjectId: 'ZF-P-0001' }),
  'enforcement.push': (t) => ({ caseId: t.caseId, note: null }),
  'wall.view': () => ({}),
  'wall.onChange': () => ({}),
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
  'cases.chiefQueue': () => undefined,
  'streetChiefs.myPosts': () => undefined,
  'streetChiefs.delegateCandidates': () => undefined,
  'streetChiefs.delegations': () => undefined,
  // A collector is no chief: a street chief is let through to the check (BAD_REQUEST), everyone else refused.
  'streetChiefs.delegate': (t) => ({
    toUserId: t.userId,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 3_600_000),
    reason: '矩阵测试交接',
  }),
  'streetChiefs.endDelegation': () => ({ id: 999_999 }),
  // 信息采集: unknown ids and type codes answer NOT_FOUND before any scope is looked at.
  'collection.types': () => undefined,
  'collection.list': () => ({}),
  'collection.create': (t) => ({ typeCode: 'nope', areaId: t.districtId, name: '矩阵测试' }),
  'collection.update': () => ({ id: 999_999, data: { name: '矩阵测试' } }),
  'collection.review': () => ({ id: 999_999, verdict: 'approve' }),
  'collection.requestDeregister': () => ({ id: 999_999, reason: '矩阵测试' }),
  'collection.decideDeregister': () => ({ id: 999_999, approve: true }),
  'collection.reveal': () => ({ id: 999_999, field: 'ownerPhone' }),
  'collection.qrTokens': () => undefined,
  'collection.createQr': (t) => ({ typeCode: 'nope', areaId: t.districtId, label: '矩阵测试' }),
  'collection.setQrActive': () => ({ id: 999_999, active: false }),
  'collection.saveForm': () => ({
    typeCode: 'village',
    fields: [{ label: '矩阵测试', type: 'text', required: false }],
  }),
  'collection.importParse': () => ({ typeCode: 'nope', fileBase64: 'AA==' }),
  'collection.importRows': (t) => ({
    typeCode: 'nope',
    areaId: t.districtId,
    rows: [{ row: 2, cells: { name: 'x' } }],
  }),
  'collection.publicForm': () => ({ token: 'no-such-token' }),
  'collection.publicPlace': () => ({ token: 'no-such-token', lng: 120.15, lat: 30.25 }),
  'collection.publicRegister': () => ({ token: 'no-such-token', name: '矩阵测试', ownerPhone: '13000000000' }),
  'collection.ownerCodeRequest': () => ({ phone: '13000000000' }),
  'collection.ownerLogin': () => ({ phone: '13000000000', code: '000000' }),
  'collection.ownerRecords': () => undefined,
  'collection.ownerUpdate': () => ({ id: 999_999, data: { name: '矩阵测试' } }),
  'crossCheck.plans': () => ({ month: '2001-01' }),
  // A month with no closed cases: allowed callers get a validation refusal, nothing is drawn.
  'crossCheck.createPlan': (t) => ({ districtId: t.districtId, month: '2001-01', mode: 'share', amount: 5 }),
  'crossCheck.samples': () => ({ filter: 'scope', status: 'all' }),
  'crossCheck.sample': () => ({ id: 999_999 }),
  'crossCheck.review': () => ({ id: 999_999, verdict: 'qualified' }),
  'crossCheck.mark': () => ({ id: 999_999, mark: 'typical' }),
  'crossCheck.library': () => ({ q: '井盖' }),
  'crossCheck.statistics': () => ({ month: '2001-01' }),
  'crossCheck.settings': () => undefined,
  'crossCheck.saveSettings': () => ({
    ...DEFAULT_CROSS_CHECK_SETTINGS,
    reasons: [...DEFAULT_REASON_CODES],
  }),
  'leader.home': (t) => ({ areaId: t.districtId }),
  'leader.cases': (t) => ({ areaId: t.districtId, filter: 'open' }),
  'analytics.view': () => ({ scope: { from: '2026-11', to: '2026-12' } }),
  'analytics.cases': () => ({ scope: { from: '2026-11', to: '2026-12' }, filter: { by: 'all' } }),
  'search.cases': () => ({ q: '井盖' }),
  'caseMap.points': () => ({
    statuses: ['dispatched'],
    polygon: [
      [120, 30],
      [120.4, 30],
      [120.4, 30.4],
    ],
  }),
  // 片长指挥: nobody is on duty in the seed, so a call finds nobody and a point is refused off duty.
  'command.scene': (t) => ({ caseId: t.caseId }),
  'command.callNearest': (t) => ({ caseId: t.caseId }),
  'command.track': (t) => ({ caseId: t.caseId, userId: t.userId }),
  'staff.myDuty': () => undefined,
  'staff.setOnDuty': () => ({ onDuty: false }),
  'staff.reportPositions': (t) => ({ points: [{ ...t.point, accuracyM: 10, at: new Date('2026-01-01T08:00:00Z') }] }),
  'staff.myCalls': () => undefined,
  'staff.dutyReport': () => ({ from: '2026-01-01', to: '2026-01-07' }),
  'command.answerCall': (t) => ({ caseId: t.caseId, accept: false }),
  'catalogue.setTimeLimit': () => ({
    kind: 'event',
    code: '06001',
    urgency: 'normal',
    stage: 'handle',
    amount: 2,
    unit: 'working_days',
  }),
};

export async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

export type Caller = Awaited<ReturnType<TestApp['as']>>;
export async function invoke(caller: Caller, path: string, input: unknown): Promise<unknown> {
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

/** The records of one district the samples name (a case and a suspected duplicate are reported here). */
export async function targetsIn(app: TestApp, districtCode: string, districtSlug: string): Promise<Targets> {
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
