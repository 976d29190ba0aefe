import { auditLog } from '@citygov/db/schema/audit';
import { users } from '@citygov/db/schema/auth';
import { collectionRecords, collectionReveals } from '@citygov/db/schema/collection';
import { areas } from '@citygov/db/schema/org';
import { DomainError } from '@citygov/domain/errors';
import { TRPCError } from '@trpc/server';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_SMS_ACCESS_KEY_ID,
  DEMO_SMS_ACCESS_KEY_SECRET,
  type SmsSimulator,
  startSmsSimulator,
} from '../../adapters/sms/simulator';
import { openTestApp, RecordingCookieJar, type TestApp } from '../../testing/test-app';

let app: TestApp;
let sim: SmsSimulator;
let linjiangStreet: { id: number; path: string };
let yunshanStreet: { id: number; path: string };

async function streetOf(districtCode: string) {
  const [district] = await app.db.select().from(areas).where(eq(areas.code, districtCode));
  const [street] = await app.db
    .select({ id: areas.id, path: areas.path })
    .from(areas)
    .where(and(eq(areas.level, 'street'), like(areas.path, `${district?.path}%`)))
    .limit(1);
  if (!street) throw new Error(`no street in ${districtCode}`);
  return street;
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};

const SHOP_VALUES = {
  shopName: '老王面馆',
  business: '餐饮',
  ownerName: '王大明',
  ownerId: '330102198001011234',
  contactPhone: '13812345678',
};

beforeAll(async () => {
  sim = await startSmsSimulator();
  app = await openTestApp({
    SMS_URL: sim.url,
    SMS_ACCESS_KEY_ID: DEMO_SMS_ACCESS_KEY_ID,
    SMS_ACCESS_KEY_SECRET: DEMO_SMS_ACCESS_KEY_SECRET,
  });
  linjiangStreet = await streetOf('330102');
  yunshanStreet = await streetOf('330103');
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('信息采集 in the back office', () => {
  it('masks phone and ID numbers in lists; 显示完整 is logged, and refused without collection.reveal', async () => {
    const admin = await app.as('linjiang.admin');
    const created = await admin.collection.create({
      typeCode: 'shop',
      areaId: linjiangStreet.id,
      name: '老王面馆',
      address: '临江路 1 号',
      ownerPhone: '13900001111',
      values: SHOP_VALUES,
    });
    expect(created.status).toBe('pending');
    const list = await admin.collection.list({ typeCode: 'shop' });
    const row = list.rows.find((r) => r.id === created.id);
    expect(row?.ownerPhone).toBe('139****1111');
    expect(row?.values.contactPhone).toBe('138****5678');
    expect(row?.values.ownerId).toBe('330***********1234');
    expect(row?.values.shopName).toBe('老王面馆');
    expect(list.byType.shop).toBeGreaterThanOrEqual(1);
    expect(list.byArea.some((a) => a.areaId === linjiangStreet.id)).toBe(true);

    const full = await admin.collection.reveal({ id: created.id, field: 'ownerId' });
    expect(full.value).toBe('330102198001011234');
    const reveals = await app.db.select().from(collectionReveals).where(eq(collectionReveals.recordId, created.id));
    expect(reveals.map((r) => r.fieldKey)).toEqual(['ownerId']);
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'collection.reveal'), eq(auditLog.outcome, 'ok')));
    expect(audits.length).toBeGreaterThanOrEqual(1);

    // An edit that sends the masked numbers back unchanged keeps the full ones.
    const edited = await admin.collection.update({
      id: created.id,
      data: {
        name: '老王面馆（总店）',
        address: '临江路 1 号',
        ownerPhone: row?.ownerPhone ?? null,
        values: { ...row?.values, business: '餐饮' },
      },
    });
    expect(edited.name).toBe('老王面馆（总店）');
    const [stored] = await app.db.select().from(collectionRecords).where(eq(collectionRecords.id, created.id));
    expect(stored?.ownerPhone).toBe('13900001111');
    expect(stored?.values.ownerId).toBe('330102198001011234');
    expect(stored?.values.contactPhone).toBe('13812345678');
    expect(
      await codeOf(
        admin.collection.update({
          id: created.id,
          data: { name: 'x', ownerPhone: '139****2222', values: SHOP_VALUES },
        }),
      ),
    ).toBe('BAD_REQUEST');

    const collector = await app.as('linjiang.collector');
    expect(await codeOf(collector.collection.reveal({ id: created.id, field: 'ownerPhone' }))).toBe('FORBIDDEN');
    // A field that is not masked is shown in the list already.
    expect(await codeOf(admin.collection.reveal({ id: created.id, field: 'shopName' }))).toBe('FORBIDDEN');
  });

  it('refuses a form that breaks the definition, in Chinese', async () => {
    const admin = await app.as('linjiang.admin');
    const error = await admin.collection
      .create({
        typeCode: 'shop',
        areaId: linjiangStreet.id,
        name: '缺字段',
        values: { ...SHOP_VALUES, business: '赌场', contactPhone: '123' },
      })
      .catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain('「经营类别」须为');
    expect((error as TRPCError).message).toContain('「联系电话」不是正确的手机号码');
  });

  it('reviews, then deregisters with approval; another district cannot reach the record', async () => {
    const admin = await app.as('linjiang.admin');
    const record = await admin.collection.create({
      typeCode: 'vendor',
      areaId: linjiangStreet.id,
      name: '早餐摊',
      values: { vendorName: '李四', idNumber: '33010219900101123X', goods: '早餐', contactPhone: '13700002222' },
    });
    expect(record.status).toBe('pending');
    const other = await app.as('yunshan.admin');
    expect(await codeOf(other.collection.review({ id: record.id, verdict: 'approve' }))).toBe('NOT_FOUND');
    expect(await codeOf(other.collection.reveal({ id: record.id, field: 'idNumber' }))).toBe('NOT_FOUND');
    expect(
      await codeOf(other.collection.create({ typeCode: 'vendor', areaId: linjiangStreet.id, name: 'x', values: {} })),
    ).toBe('FORBIDDEN');
    expect((await other.collection.list({})).rows.map((r) => r.id)).not.toContain(record.id);

    const lead = await app.as('linjiang.shift_lead');
    expect(await codeOf(lead.collection.review({ id: record.id, verdict: 'reject' }))).toBe('BAD_REQUEST');
    expect((await lead.collection.review({ id: record.id, verdict: 'approve' })).status).toBe('approved');
    expect(await codeOf(lead.collection.review({ id: record.id, verdict: 'approve' }))).toBe('CONFLICT');

    const collector = await app.as('linjiang.collector');
    expect(await codeOf(collector.collection.decideDeregister({ id: record.id, approve: true }))).toBe('FORBIDDEN');
    expect((await admin.collection.requestDeregister({ id: record.id, reason: '摊主已迁走' })).status).toBe(
      'deregister_pending',
    );
    expect((await lead.collection.decideDeregister({ id: record.id, approve: true })).status).toBe('deregistered');
    expect(await codeOf(admin.collection.update({ id: record.id, data: { name: '改名', values: {} } }))).toBe(
      'CONFLICT',
    );
  });
});

describe('导入 from a spreadsheet', () => {
  it('keeps the good rows and reports the bad ones with their row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('志愿者队伍');
    sheet.addRow(['名称', '地址', '业主手机号', '队伍名称', '人数', '队长', '联系电话']);
    sheet.addRow(['红马甲', '江滨公园', '13600001111', '红马甲志愿队', 30, '张三', '13600001111']);
    sheet.addRow(['', '江滨公园', '', '无名队', 5, '李四', '13600002222']);
    sheet.addRow(['蓝天队', '', '12345', '蓝天队', '很多', '王五', '13600003333']);
    sheet.addRow(['绿叶队', '', '', '绿叶队', 8, '赵六', '13600004444']);
    const fileBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const admin = await app.as('linjiang.admin');
    const parsed = await admin.collection.importParse({ typeCode: 'volunteer', fileBase64 });
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    const result = await admin.collection.importRows({
      typeCode: 'volunteer',
      areaId: linjiangStreet.id,
      rows: parsed.rows,
    });
    expect(result.imported).toBe(2);
    expect(result.bad).toEqual([
      { row: 3, reason: '「名称」不能为空' },
      { row: 4, reason: '「业主手机号」不是正确的手机号码；「人数」须为数字' },
    ]);
    const kept = await app.db.select().from(collectionRecords).where(eq(collectionRecords.source, 'import'));
    expect(kept.map((r) => r.name).sort()).toEqual(['红马甲', '绿叶队']);
    // Volunteer teams need no review.
    expect(kept.every((r) => r.status === 'approved')).toBe(true);

    const broken = await admin.collection
      .importParse({ typeCode: 'volunteer', fileBase64: Buffer.from('not a sheet').toString('base64') })
      .catch((e: TRPCError) => e);
    expect((broken as TRPCError).message).toBe('无法读取文件，请上传 .xlsx 格式的表格');
  });
});

describe('二维码 self-registration and the owner’s own page', () => {
  it('registers through a token (待审核), refuses a bad token, and lets the owner sign in with an SMS code and edit', async () => {
    const collector = await app.as('linjiang.collector');
    const [account] = await app.db
      .select({ areaId: users.areaId })
      .from(users)
      .where(eq(users.username, 'linjiang.collector'));
    // A collector's own code, in the collector's own street.
    const qr = await collector.collection.createQr({
      typeCode: 'shop',
      areaId: account?.areaId ?? 0,
      label: '临江路沿街',
      perCollector: true,
    });
    expect(qr.url).toBe(`/collect/${qr.token}`);
    expect(
      await codeOf(collector.collection.createQr({ typeCode: 'shop', areaId: yunshanStreet.id, label: 'x' })),
    ).toBe('FORBIDDEN');

    const citizen = app.anonymous({ ip: '10.0.0.9' });
    const form = await citizen.collection.publicForm({ token: qr.token });
    expect(form.typeName).toBe('沿街商铺');
    expect(form.fields.map((f) => f.key)).toContain('contactPhone');
    expect(await codeOf(citizen.collection.publicForm({ token: 'no-such-token-1' }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        citizen.collection.publicRegister({ token: 'no-such-token-2', name: '假', ownerPhone: '13500000000' }),
      ),
    ).toBe('NOT_FOUND');
    const [grid] = await app.db
      .select()
      .from(areas)
      .where(and(eq(areas.level, 'grid'), like(areas.path, `${linjiangStreet.path}%`)))
      .limit(1);
    const place = await citizen.collection.publicPlace({
      token: qr.token,
      lng: grid?.centerLng ?? 0,
      lat: grid?.centerLat ?? 0,
    });
    expect(place.address).toMatch(/^\S+街道\S+附近$/);
    expect(place.address).not.toContain('区区');
    const phone = '13512340000';
    const registered = await citizen.collection.publicRegister({
      token: qr.token,
      name: '小李超市',
      address: '临江路 8 号',
      lng: 120.1,
      lat: 30.2,
      ownerPhone: phone,
      values: { ...SHOP_VALUES, shopName: '小李超市', business: '零售', contactPhone: phone },
    });
    expect(registered.status).toBe('pending');

    const jar = new RecordingCookieJar();
    const owner = await app.withCookies(jar, { ip: '10.0.0.9' });
    expect((await owner.collection.ownerRecords()).records).toEqual([]);
    expect(await owner.collection.ownerCodeRequest({ phone })).toEqual({ sent: true, expiresInSeconds: 300 });
    const code = ((sim.messages.at(-1)?.params ?? {}) as Record<string, string>).code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(await codeOf(owner.collection.ownerLogin({ phone, code: code === '000000' ? '111111' : '000000' }))).toBe(
      'BAD_REQUEST',
    );
    await owner.collection.ownerLogin({ phone, code });
    const signedIn = await app.withCookies(jar, { ip: '10.0.0.9' });
    const mine = await signedIn.collection.ownerRecords();
    expect(mine.records.map((r) => r.name)).toEqual(['小李超市']);
    expect(mine.records[0]?.values.contactPhone).toBe(phone);
    await signedIn.collection.ownerUpdate({
      id: registered.id,
      data: {
        name: '小李便利店',
        address: '临江路 8 号',
        values: { ...mine.records[0]?.values, shopName: '小李便利店' },
      },
    });
    expect((await signedIn.collection.ownerRecords()).records[0]?.name).toBe('小李便利店');
    // Someone else's record is not theirs to edit.
    const stranger = await app.withCookies(new RecordingCookieJar());
    expect(await codeOf(stranger.collection.ownerUpdate({ id: registered.id, data: { name: 'x', values: {} } }))).toBe(
      'BAD_REQUEST',
    );
    // A number without a record gets the same answer, and no message.
    const before = sim.messages.length;
    expect(await owner.collection.ownerCodeRequest({ phone: '13000000001' })).toEqual({
      sent: true,
      expiresInSeconds: 300,
    });
    expect(sim.messages.length).toBe(before);
  });
});

describe('二维码 list, 停用 and 重新启用', () => {
  /** The stable code a client branches on (error.data.appCode over HTTP). */
  const appCodeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'OK';
    } catch (error) {
      const cause = error instanceof TRPCError ? error.cause : error;
      return cause instanceof DomainError ? cause.code : String(error);
    }
  };

  it('lists codes with their registrations; a switched-off code refuses its page and registrations, with audit rows', async () => {
    const admin = await app.as('linjiang.admin');
    const qr = await admin.collection.createQr({ typeCode: 'shop', areaId: linjiangStreet.id, label: '停用测试点' });
    const citizen = app.anonymous({ ip: '10.0.0.21' });
    const registration = {
      token: qr.token,
      name: '停用前小店',
      ownerPhone: '13512340021',
      values: { ...SHOP_VALUES, shopName: '停用前小店' },
    };
    await citizen.collection.publicRegister(registration);

    const listed = (await admin.collection.qrTokens()).find((c) => c.id === qr.id);
    expect(listed).toMatchObject({
      label: '停用测试点',
      typeName: '沿街商铺',
      active: true,
      registrations: 1,
      perCollector: false,
    });

    await admin.collection.setQrActive({ id: qr.id, active: false });
    expect((await admin.collection.qrTokens()).find((c) => c.id === qr.id)).toMatchObject({
      active: false,
      registrations: 1,
    });
    expect(await appCodeOf(citizen.collection.publicForm({ token: qr.token }))).toBe('QR_SWITCHED_OFF');
    expect(
      await appCodeOf(
        citizen.collection.publicRegister({ ...registration, name: '停用后小店', ownerPhone: '13512340022' }),
      ),
    ).toBe('QR_SWITCHED_OFF');
    // Switching it off twice is refused, not logged as a second switch.
    expect(await appCodeOf(admin.collection.setQrActive({ id: qr.id, active: false }))).toBe('QR_STATE_CONFLICT');

    await admin.collection.setQrActive({ id: qr.id, active: true });
    expect((await citizen.collection.publicForm({ token: qr.token })).typeName).toBe('沿街商铺');

    const switches = await app.db
      .select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(eq(auditLog.action, 'collection.setQrActive'));
    expect(switches.map((s) => s.outcome).sort()).toEqual(['failed', 'ok', 'ok']);

    // Another district neither sees nor switches it.
    const yunshan = await app.as('yunshan.admin');
    expect((await yunshan.collection.qrTokens()).some((c) => c.id === qr.id)).toBe(false);
    expect(await codeOf(yunshan.collection.setQrActive({ id: qr.id, active: false }))).toBe('NOT_FOUND');
  });
});

describe('表单设置: versioned form definitions', () => {
  it('saves a new version; existing records keep their fields, new ones use the new form', async () => {
    const cityAdmin = await app.as('admin');
    const districtAdmin = await app.as('linjiang.admin');
    const { types } = await cityAdmin.collection.types();
    const volunteer = types.find((t) => t.code === 'volunteer') ?? types[types.length - 1];
    if (!volunteer) throw new Error('no type');
    const before = volunteer.fields;
    const valuesOf = (fields: typeof before, tweak: Record<string, string> = {}) =>
      Object.fromEntries(
        fields.map((f) => [
          f.key,
          tweak[f.key] ??
            (f.type === 'select'
              ? (f.options?.[0] ?? '')
              : f.type === 'phone'
                ? '13800001111'
                : f.type === 'idcard'
                  ? '330102198001011234'
                  : f.type === 'number'
                    ? '3'
                    : '旧值'),
        ]),
      );
    const old = await districtAdmin.collection.create({
      typeCode: volunteer.code,
      areaId: linjiangStreet.id,
      name: '旧版本队伍',
      values: valuesOf(before),
    });

    // Rename the first field, drop the last, add a required one, and move the new one first.
    const [first, ...rest] = before;
    if (!first) throw new Error('no field');
    const kept = rest.slice(0, -1);
    const drafts = [
      { label: '服务时段', type: 'select' as const, required: true, options: ['工作日', '周末'] },
      {
        key: first.key,
        label: `${first.label}（新）`,
        type: first.type,
        required: first.required,
        options: first.options,
      },
      ...kept.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, options: f.options })),
    ];
    // District administrators read the form; only the city level changes it.
    expect(
      await codeOf(
        districtAdmin.collection.saveForm({
          typeCode: volunteer.code,
          expectedVersion: volunteer.formVersion,
          fields: drafts,
        }),
      ),
    ).toBe('FORBIDDEN');
    const saved = await cityAdmin.collection.saveForm({
      typeCode: volunteer.code,
      expectedVersion: volunteer.formVersion,
      fields: drafts,
    });
    expect(saved.formVersion).toBe(volunteer.formVersion + 1);
    expect(saved.fields.map((f) => f.label)).toEqual(['服务时段', `${first.label}（新）`, ...kept.map((f) => f.label)]);
    // A save from the old version (someone else saved first) is refused.
    expect(
      await codeOf(
        cityAdmin.collection.saveForm({
          typeCode: volunteer.code,
          expectedVersion: volunteer.formVersion,
          fields: drafts,
        }),
      ),
    ).toBe('CONFLICT');
    // Bad definitions are refused in Chinese.
    await expect(
      cityAdmin.collection.saveForm({
        typeCode: volunteer.code,
        expectedVersion: saved.formVersion,
        fields: [
          { label: '甲', type: 'text', required: false },
          { label: '甲', type: 'select', required: false, options: [] },
        ],
      }),
    ).rejects.toThrow(/字段名称「甲」重复.*至少需要一个选项/);

    // The old record keeps its version's fields (the dropped one included) and still saves with them.
    const listed = await districtAdmin.collection.list({ typeCode: volunteer.code, q: '旧版本队伍' });
    expect(listed.rows[0]?.fields.map((f) => f.key)).toEqual(before.map((f) => f.key));
    await districtAdmin.collection.update({
      id: old.id,
      data: { name: '旧版本队伍', values: { ...listed.rows[0]?.values } },
    });
    // A new record needs the new required field.
    expect(
      await codeOf(
        districtAdmin.collection.create({
          typeCode: volunteer.code,
          areaId: linjiangStreet.id,
          name: '新版本队伍',
          values: valuesOf(before),
        }),
      ),
    ).toBe('BAD_REQUEST');
    const fresh = await districtAdmin.collection.create({
      typeCode: volunteer.code,
      areaId: linjiangStreet.id,
      name: '新版本队伍',
      values: valuesOf(saved.fields),
    });
    const listedNew = await districtAdmin.collection.list({ typeCode: volunteer.code, q: '新版本队伍' });
    expect(listedNew.rows.map((r) => r.id)).toEqual([fresh.id]);
    expect(listedNew.rows[0]?.fields.map((f) => f.label)).toContain('服务时段');
  });
});
