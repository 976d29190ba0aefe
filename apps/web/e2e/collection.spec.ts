import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login, logout } from './helpers';

// 信息采集: the back office enters a shop by hand, sees its numbers masked, shows one in full
// and approves it, and switches an issued QR code off and on (1920×1080); a shop owner scans a
// QR code on a 390×844 phone, fills the form with the address from the phone's position,
// previews and submits it; once reviewed, signs in with the SMS code the gateway simulator
// took for their number and edits the record, which goes back to the back office for review.

const SHOTS = '/tmp/shots-collection';
mkdirSync(SHOTS, { recursive: true });
const RUN = Date.now().toString(36).slice(-5);
const OWNER_PHONE = '13955550003';
/** The e2e server puts the demo's SMS gateway simulator on its HTTP port + 22000 (scripts/e2e-server.ts). */
const SMS_INBOX = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4321) + 22_000}/_sim/messages`;

/** The newest sign-in code the gateway took for a phone: what the phone's owner reads off the SMS. */
async function smsCodeTo(phone: string): Promise<string> {
  let code = '';
  await expect
    .poll(async () => {
      const response = await fetch(`${SMS_INBOX}?phone=${phone}`);
      const inbox = (await response.json()) as { params: Record<string, string> | string[] }[];
      const last = inbox.at(-1)?.params;
      code = (Array.isArray(last) ? last[0] : last?.code) ?? '';
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Inside 临江区's 望江街道 (the same spot the cross-check spec reports at). */
function pointInWangjiang(): { longitude: number; latitude: number } {
  const file = join(import.meta.dirname, '../public/basemap/streets.geojson');
  const streets = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[];
  };
  const ring = streets.features.find((f) => f.properties.name === '望江街道')?.geometry.coordinates[0] ?? [];
  const average = (i: number) => ring.reduce((sum, p) => sum + (p[i] ?? 0), 0) / ring.length;
  return { longitude: average(0) + 0.0035, latitude: average(1) - 0.0035 };
}

test.describe('desk', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the back office adds a shop, shows a masked number in full and approves it', async ({ page }) => {
    await login(page, 'linjiang.admin');
    await page.getByRole('link', { name: '信息采集' }).click();
    await expect(page.getByRole('heading', { name: '信息采集' })).toBeVisible();
    await page.getByRole('tab', { name: /沿街商铺/ }).click();

    await page.getByRole('button', { name: '新增' }).click();
    const dialog = page.getByRole('dialog', { name: '新增采集信息' });
    await pick(page, '所属街道/社区', '望江街道');
    const name = `望江面馆${RUN}`;
    await dialog.getByLabel('名称', { exact: true }).fill(name);
    await dialog.getByLabel('地址').fill('望江路 18 号');
    await dialog.getByLabel('业主手机号').fill('13955550001');
    await dialog.getByLabel('店铺名称').fill(name);
    await pick(page, '经营类别', '餐饮');
    await dialog.getByLabel('负责人', { exact: true }).fill('陈小明');
    await dialog.getByLabel('负责人身份证号').fill('330102198505051234');
    await dialog.getByLabel('联系电话').fill('13955550002');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存，等待审核')).toBeVisible();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('待审核');
    await expect(row).toContainText('139****0001');
    await expect(row).toContainText('330***********1234');
    await expect(row).not.toContainText('13955550001');
    await page.screenshot({ path: join(SHOTS, 'desk-collection.png') });

    await row
      .getByRole('button', { name: `显示完整 ${name}` })
      .first()
      .click();
    await expect(row).toContainText('13955550001');
    await page.screenshot({ path: join(SHOTS, 'desk-collection-revealed.png') });
    await row.getByRole('button', { name: `审核通过 ${name}` }).click();
    await expect(row).toContainText('已通过');
    await expect(row.getByRole('button', { name: `申请注销 ${name}` })).toBeVisible();
    // 修改: the numbers stay masked in the form and are kept as they were.
    await row.getByRole('button', { name: `修改 ${name}` }).click();
    const edit = page.getByRole('dialog', { name: '修改采集信息' });
    await expect(edit.getByLabel('负责人身份证号')).toHaveValue('330***********1234');
    await edit.getByLabel('地址').fill('望江路 19 号');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText('望江路 19 号');
    await expect(row).toContainText('330***********1234');

    // 导入: a sheet with two good rows and one bad one; the bad row is reported with its number and reason.
    const sheet = await writeXlsxFile([
      ['名称', '地址', '业主手机号', '店铺名称', '经营类别', '负责人', '联系电话'],
      [`导入甲${RUN}`, '望江路 20 号', '13955550011', '甲店', '零售', '甲', '13955550011'],
      [`导入乙${RUN}`, '望江路 22 号', '', '乙店', '赌场', '乙', '13955550012'],
      [`导入丙${RUN}`, '望江路 24 号', '', '丙店', '服务', '丙', '13955550013'],
    ]).toBuffer();
    await page.getByRole('button', { name: '导入' }).click();
    const importer = page.getByRole('dialog', { name: '导入采集信息' });
    await pick(page, '导入到街道/社区', '望江街道');
    await importer.locator('input[type=file]').setInputFiles({
      name: '沿街商铺.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sheet,
    });
    await importer.getByRole('button', { name: '开始导入' }).click();
    await expect(importer.getByText('共 3 行，已导入 2 行，有误 1 行')).toBeVisible();
    await expect(importer.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(importer.getByRole('row', { name: /^3\s/ })).toContainText('「经营类别」须为');
    await page.screenshot({ path: join(SHOTS, 'desk-import.png') });
    await importer.getByRole('button', { name: '关闭' }).last().click();
    await expect(page.getByRole('row', { name: new RegExp(`导入甲${RUN}`) })).toContainText('待审核');

    // The QR dialog makes a code and shows its address.
    await page.getByRole('button', { name: '生成二维码' }).click();
    const qr = page.getByRole('dialog', { name: '生成采集二维码' });
    await pick(page, '二维码所属区域', '望江街道');
    await qr.getByLabel('二维码名称').fill(`望江路沿街${RUN}`);
    await qr.getByRole('button', { name: '生成' }).click();
    await expect(qr.getByRole('img', { name: '采集二维码' })).toBeVisible();
    await expect(qr.getByRole('link', { name: '二维码地址' })).toContainText('/collect/');
    await page.screenshot({ path: join(SHOTS, 'desk-qr.png') });
  });
});

test.describe('二维码管理', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the back office lists issued codes, switches one off (its phone page says so) and on again', async ({
    page,
    baseURL,
    browser,
  }) => {
    const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
    const catalog = await trpcQuery<{ places: { id: number; name: string }[] }>(api, 'collection.types');
    const street = catalog.places.find((p) => p.name === '望江街道') ?? catalog.places[0];
    const label = `望江公园门口${RUN}`;
    const qr = await trpcMutation<{ url: string; token: string }>(api, 'collection.createQr', {
      typeCode: 'shop',
      areaId: street?.id,
      label,
    });
    await trpcMutation(api, 'collection.publicRegister', {
      token: qr.token,
      name: `公园小卖部${RUN}`,
      ownerPhone: '13955550031',
      values: { shopName: `公园小卖部${RUN}`, business: '零售', ownerName: '周五', contactPhone: '13955550031' },
    });

    await login(page, 'linjiang.admin');
    await page.goto('/collection');
    await page.getByRole('button', { name: '二维码管理' }).click();
    const drawer = page.getByRole('dialog', { name: '已发放的二维码' });
    const row = drawer.getByRole('row', { name: new RegExp(label) });
    await expect(row).toContainText('望江街道');
    await expect(row).toContainText('沿街商铺');
    await expect(row).toContainText('地点二维码');
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await expect(row).toContainText('启用中');

    await row.getByRole('button', { name: `停用 ${label}` }).click();
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await expect(page.getByText(`已停用「${label}」，扫码将无法登记`)).toBeVisible();
    await expect(row).toContainText('已停用');
    await expect(row.getByRole('button', { name: `重新启用 ${label}` })).toBeVisible();
    // The notice sits over the drawer's title: the shot waits for it to go.
    await expect(page.getByText(`已停用「${label}」，扫码将无法登记`)).toBeHidden();
    await shootIfAsked(page, 'collection-qr-list-1920');

    // A phone scanning the switched-off code is told so and gets no form.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(qr.url);
    await expect(phone.getByText('此二维码已停用')).toBeVisible();
    await expect(phone.getByText(/不能再用于登记/)).toBeVisible();
    await expect(phone.getByRole('button', { name: '预览' })).toHaveCount(0);
    await shootIfAsked(phone, 'collect-qr-switched-off-390');

    // 重新启用: the page takes registrations again.
    await row.getByRole('button', { name: `重新启用 ${label}` }).click();
    await expect(row).toContainText('启用中');
    await phone.reload();
    await expect(phone.getByRole('button', { name: '预览' })).toBeVisible();
    await phone.close();
  });
});

test.describe('表单设置', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the city administrator renames, adds and reorders fields; the phone form shows the new version', async ({
    page,
    baseURL,
    browser,
  }) => {
    // A district administrator reads the city-wide form only.
    await login(page, 'linjiang.admin');
    await page.goto('/collection');
    await page.getByRole('button', { name: '表单设置' }).click();
    const readOnly = page.getByRole('dialog', { name: '表单设置' });
    await expect(readOnly.getByText(/仅市级系统管理员可以修改/)).toBeVisible();
    await expect(readOnly.getByRole('button', { name: '保存为新版本' })).toHaveCount(0);
    await readOnly.getByRole('button', { name: '关闭' }).last().click();
    await logout(page);

    await login(page, 'admin');
    await page.goto('/collection');
    await page.getByRole('button', { name: '表单设置' }).click();
    const editor = page.getByRole('dialog', { name: '表单设置' });
    await pick(page, '表单所属采集类型', '志愿者队伍');
    await expect(editor.getByText('当前第 1 版')).toBeVisible();
    await editor.getByLabel('字段名称 1').fill('团队名称');
    await editor.getByRole('button', { name: '添加字段' }).click();
    await editor.getByLabel('字段名称 5').fill('服务时段');
    await editor.getByRole('switch', { name: '必填 5' }).click();
    // Up to second place, under the name.
    for (const n of [5, 4, 3]) await editor.getByRole('button', { name: `上移 ${n}` }).click();
    await expect(editor.getByLabel('字段名称 2')).toHaveValue('服务时段');
    await shootIfAsked(page, 'collection-form-editor-1920');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByText('已保存为第 2 版表单')).toBeVisible();

    // A QR code of the type opens the new form on a phone.
    const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
    const catalog = await trpcQuery<{ places: { id: number; name: string }[] }>(api, 'collection.types');
    const street = catalog.places.find((p) => p.name === '望江街道') ?? catalog.places[0];
    const qr = await trpcMutation<{ url: string }>(api, 'collection.createQr', {
      typeCode: 'volunteer',
      areaId: street?.id,
      label: `望江志愿者${RUN}`,
    });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(qr.url);
    await expect(phone.getByText(/志愿者队伍登记/)).toBeVisible();
    const labels = phone.locator('.ant-form-item-label label');
    await expect(labels).toContainText(['名称', '地址', '手机号', '团队名称', '服务时段', '人数', '队长', '联系电话']);
    await phone.close();
  });
});

test.describe('phone', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: pointInWangjiang(),
    permissions: ['geolocation'],
  });

  test('a shop owner registers through a QR code, with a preview before submitting', async ({ page, baseURL }) => {
    const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
    const catalog = await trpcQuery<{ places: { id: number; name: string }[] }>(api, 'collection.types');
    const street = catalog.places.find((p) => p.name === '望江街道') ?? catalog.places[0];
    const qr = await trpcMutation<{ url: string }>(api, 'collection.createQr', {
      typeCode: 'shop',
      areaId: street?.id,
      label: `望江路沿街${RUN}`,
    });

    await page.goto(qr.url);
    await expect(page.getByText(/沿街商铺登记/)).toBeVisible();
    // The address comes from the phone's position.
    await expect(page.getByLabel('地址')).toHaveValue(/附近$/);
    const name = `小陈超市${RUN}`;
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByLabel('手机号').fill(OWNER_PHONE);
    await page.getByLabel('店铺名称').fill(name);
    await pick(page, '经营类别', '零售');
    await page.getByLabel('负责人', { exact: true }).fill('陈大');
    await page.getByLabel('联系电话').fill(OWNER_PHONE);
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, 'phone-collect-form.png'), fullPage: true });
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByText('请核对登记信息')).toBeVisible();
    await expect(page.getByRole('cell', { name })).toHaveCount(2);
    await page.screenshot({ path: join(SHOTS, 'phone-collect-preview.png') });
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText('提交成功，等待审核')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'phone-collect-done.png') });

    // The record waits for review in the back office, masked.
    const list = await trpcQuery<{ rows: { name: string; status: string; ownerPhone: string; source: string }[] }>(
      api,
      'collection.list',
      { typeCode: 'shop', q: name },
    );
    expect(list.rows).toEqual([
      expect.objectContaining({ status: 'pending', ownerPhone: '139****0003', source: 'qr' }),
    ]);

    // A wrong token says so.
    await page.goto('/collect/no-such-token-000');
    await expect(page.getByText('二维码无效或已停用').first()).toBeVisible();

    // The back office reviews it.
    const registered = await trpcQuery<{ rows: { id: number }[] }>(api, 'collection.list', {
      typeCode: 'shop',
      q: name,
    });
    await trpcMutation(api, 'collection.review', { id: registered.rows[0]?.id, verdict: 'approve' });

    // The owner's page asks for the phone and a code; the code arrives by SMS (the gateway simulator's inbox).
    await page.goto('/collect/me');
    await expect(page.getByRole('button', { name: '获取验证码' })).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'phone-collect-me.png') });
    await shootIfAsked(page, 'collect-me-sign-in-390');
    await page.getByLabel('手机号').fill(OWNER_PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByText('验证码已发送，请查看短信')).toBeVisible();
    const code = await smsCodeTo(OWNER_PHONE);
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    // Signed in: their record, approved; they change the contact number.
    const card = page.locator('.ant-card', { hasText: name });
    await expect(page.getByText(`已登录：${OWNER_PHONE}`)).toBeVisible();
    await expect(card).toContainText('已通过');
    await shootIfAsked(page, 'collect-me-records-390');
    await card.getByRole('button', { name: '修改信息' }).click();
    await card.getByLabel('联系电话').fill('13955550004');
    await shootIfAsked(page, 'collect-me-editing-390');
    await card.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存，等待工作人员审核')).toBeVisible();
    // Shops need review: the change goes back to 待审核 and the owner sees so.
    await expect(card).toContainText('待审核');
    await expect(card).toContainText('13955550004');
    await shootIfAsked(page, 'collect-me-saved-390');

    // The back office sees the changed record waiting for review.
    const after = await trpcQuery<{ rows: { status: string; values: Record<string, string> }[] }>(
      api,
      'collection.list',
      { typeCode: 'shop', q: name },
    );
    expect(after.rows).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(JSON.stringify(after.rows[0]?.values)).toContain('0004');
  });
});
