import { users } from '@citygov/db/schema/auth';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { type Permission, ROLE_CODES, roleGrants } from '@citygov/domain/permissions';
import { TRPCError } from '@trpc/server';
import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from './http/create-app';
import { getViewableAttachment } from './modules/attachments/attachment-queries';
import { loadSessionUser } from './modules/auth/session-store';
import { DEMO_API_KEY } from './modules/open311/api-keys';
import { form, HttpClient, json } from './modules/open311/open311-test-client';
import { invoke, outcomeOf, PROCEDURES, SAMPLES, type Targets, targetsIn } from './testing/procedure-samples';
import { openTestApp, type TestApp } from './testing/test-app';

/**
 * Calls every procedure as every role and as a stranger, and as an administrator of
 * another district. Fails if anything answers that the registry does not grant, or if
 * a procedure is added without a sample input (testing/procedure-samples.ts).
 */
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
  'sso.methods': 'public',
  'sso.zzdH5Login': 'public',
  'sso.zzdBind': 'public',
  'sso.smsCodeRequest': 'public',
  'sso.smsCodeLogin': 'public',
  'sso.citizen': 'public',
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
  'cases.notices': 'case.handle',
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
  // Device settings (取流方式) are the administrators', each within their area.
  'video.setMediaTransport': 'video.manage',
  // IoT hub: the registry and readings; a case's sensor chart goes with the case.
  'iot.devices': 'iot.view',
  'iot.readings': 'iot.view',
  'iot.caseSensor': 'case.view',
  'iot.create': 'iot.manage',
  'iot.update': 'iot.manage',
  // 外部系统 (outbox, dead letters, 重发): administrators, each within their area.
  'integrations.overview': 'integration.manage',
  'integrations.deadLetters': 'integration.manage',
  'integrations.replay': 'integration.manage',
  // 执法布控: subjects and links are read with enforcement.view; linking and 推送案源 need enforcement.push.
  'enforcement.lookup': 'enforcement.view',
  'enforcement.subjectCases': 'enforcement.view',
  'enforcement.caseView': 'enforcement.view',
  'enforcement.link': 'enforcement.push',
  'enforcement.unlink': 'enforcement.push',
  'enforcement.push': 'enforcement.push',
  // 信息采集: reading, entering and importing, reviewing (and 注销 approval), full numbers; the phone pages are public.
  'collection.types': 'collection.view',
  'collection.list': 'collection.view',
  'collection.create': 'collection.edit',
  'collection.update': 'collection.edit',
  'collection.review': 'collection.review',
  'collection.requestDeregister': 'collection.edit',
  'collection.decideDeregister': 'collection.review',
  'collection.reveal': 'collection.reveal',
  'collection.qrTokens': 'collection.view',
  'collection.createQr': 'collection.edit',
  'collection.setQrActive': 'collection.edit',
  'collection.saveForm': 'collection.configure',
  'collection.importParse': 'collection.edit',
  'collection.importRows': 'collection.edit',
  'collection.publicForm': 'public',
  'collection.publicPlace': 'public',
  'collection.publicRegister': 'public',
  'collection.ownerCodeRequest': 'public',
  'collection.ownerLogin': 'public',
  'collection.ownerRecords': 'public',
  'collection.ownerUpdate': 'public',
  'wall.view': 'dashboard.view',
  'wall.onChange': 'dashboard.view',
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
  // 街长制: the chiefs' queue, posts and 交接班.
  'cases.chiefQueue': 'street.handle',
  'streetChiefs.myPosts': 'street.handle',
  'streetChiefs.delegateCandidates': 'street.handle',
  'streetChiefs.delegations': 'street.handle',
  'streetChiefs.delegate': 'street.handle',
  'streetChiefs.endDelegation': 'street.handle',
  // 交叉抽查.
  'crossCheck.plans': 'crossCheck.review',
  'crossCheck.createPlan': 'crossCheck.review',
  'crossCheck.samples': 'crossCheck.review',
  'crossCheck.sample': 'crossCheck.review',
  'crossCheck.review': 'crossCheck.review',
  'crossCheck.mark': 'crossCheck.review',
  'crossCheck.library': 'crossCheck.review',
  'crossCheck.statistics': 'crossCheck.review',
  'crossCheck.settings': 'crossCheck.review',
  'crossCheck.saveSettings': 'evaluation.configure',
  // The leader's tablet.
  'leader.home': 'dashboard.view',
  'leader.cases': 'dashboard.view',
  // 统计分析 and 综合查询.
  'analytics.view': 'dashboard.view',
  'analytics.cases': 'dashboard.view',
  'search.cases': 'case.view',
  'caseMap.points': 'case.view',
  // 片长指挥: the scene and 呼叫最近人员 on the desk; field staff's own duty, track and calls on the phone.
  'command.scene': 'command.view',
  'command.callNearest': 'command.call',
  'command.track': 'command.view',
  'staff.myDuty': 'staff.duty',
  'staff.setOnDuty': 'staff.duty',
  'staff.reportPositions': 'staff.duty',
  'staff.myCalls': 'staff.duty',
  'staff.dutyReport': 'command.view',
  'command.answerCall': 'staff.duty',
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
  'crossCheck.saveSettings',
  'collection.saveForm',
]);

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
      'crossCheck.saveSettings: FORBIDDEN 交叉抽查设置为全市统一设置，仅市级系统管理员可以修改',
      'collection.saveForm: FORBIDDEN 信息采集表单为全市统一设置，仅市级系统管理员可以修改',
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
