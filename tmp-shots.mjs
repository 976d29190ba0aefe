import { chromium } from '@playwright/test';
const base = 'http://localhost:8080';
const [, , user, path, w, h, out, extra] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
if (user !== '-') {
  await page.goto(base + '/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('Citygov@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(base + '/');
}
await page.goto(base + path);
await page.waitForTimeout(1500);
if (extra === 'map') await page.waitForSelector('section[data-state="ready"]', { timeout: 30000 }).catch((e) => console.log('map not ready', e.message));
if (extra && extra.startsWith('click:')) { await page.getByRole('button', { name: extra.slice(6) }).first().click(); await page.waitForTimeout(800); }
await page.screenshot({ path: `/work/main/screenshots/${out}.png` });
await browser.close();
