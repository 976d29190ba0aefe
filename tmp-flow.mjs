import { chromium } from '@playwright/test';
const base = 'http://localhost:8080';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu'] });
async function session(user, w, h) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await page.goto(base + '/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('Citygov@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(base + '/');
  return page;
}
const shot = (page, name) => page.screenshot({ path: `/work/main/screenshots/${name}.png` });
const step = process.argv[2];
if (step === 'catalogue') {
  const page = await session('admin', 1920, 1080);
  await page.goto(base + '/catalogue');
  await page.getByRole('button', { name: '时限' }).first().click();
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: /修改一般案件处置时限/ }).click();
  await page.waitForTimeout(300);
  await shot(page, 'dev-cat-drawer');
}
if (step === 'userdialog') {
  const page = await session('admin', 1920, 1080);
  await page.goto(base + '/admin/users');
  await page.getByRole('button', { name: '新增用户' }).click();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForTimeout(500);
  await shot(page, 'dev-user-dialog');
}
if (step === 'orgtree') {
  const page = await session('admin', 1920, 1080);
  await page.goto(base + '/admin/org');
  await page.waitForTimeout(800);
  await page.locator('.ant-tree-switcher').nth(1).click();
  await page.waitForTimeout(500);
  await page.locator('.ant-tree-switcher').nth(2).click();
  await page.waitForTimeout(500);
  await page.locator('.ant-tree-switcher').nth(3).click();
  await page.waitForTimeout(800);
  await page.getByText('01号网格').first().click().catch(() => {});
  await page.waitForTimeout(300);
  await shot(page, 'dev-org-tree');
}
if (step === 'map') {
  const page = await session('linjiang.shift_lead', 1920, 1080);
  await page.goto(base + '/map');
  await page.waitForSelector('section[data-state="ready"]', { timeout: 30000 });
  const box = await page.locator('section[aria-label="网格地图"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(1200);
  await shot(page, 'dev-map-click');
  for (let i = 0; i < 4; i++) { await page.getByRole('button', { name: '放大' }).click(); await page.waitForTimeout(400); }
  await page.waitForTimeout(1500);
  await shot(page, 'dev-map-zoom');
}
if (step === 'phone') {
  const page = await session('linjiang.admin', 390, 844);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.waitForTimeout(600);
  await shot(page, 'dev-phone-drawer');
  await page.getByRole('link', { name: '用户管理', exact: true }).click();
  await page.waitForTimeout(1200);
  await shot(page, 'dev-phone-users');
  await page.goto(base + '/map');
  await page.waitForSelector('section[data-state="ready"]', { timeout: 30000 });
  await shot(page, 'dev-phone-map');
}
if (step === 'tablet') {
  const page = await session('admin', 1024, 768);
  await page.goto(base + '/admin/users');
  await page.waitForTimeout(1000);
  await shot(page, 'dev-tablet-users');
  await page.goto(base + '/admin/org');
  await page.waitForTimeout(1000);
  await shot(page, 'dev-tablet-org');
}
await browser.close();
