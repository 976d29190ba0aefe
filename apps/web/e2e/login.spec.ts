import { type Permission, permissionsOf, ROLE_CODES, ROLES, type Role } from '@citygov/domain/permissions';
import { expect, test } from '@playwright/test';
import { SAME_ORIGIN_HEADERS } from './api';
import { login, logout, navItems, submitLogin } from './helpers';

/** Every side-navigation entry and the permission it needs (none: everyone signed in). */
const NAV: readonly { label: string; permission?: Permission }[] = [
  { label: '首页' },
  { label: '案件办理', permission: 'case.view' },
  { label: '案件登记', permission: 'case.report' },
  { label: '疑似重复', permission: 'case.file' },
  { label: '综合查询', permission: 'case.view' },
  { label: '统计分析', permission: 'dashboard.view' },
  { label: '案件地图', permission: 'map.view' },
  { label: '视频监控', permission: 'video.view' },
  { label: '在岗统计', permission: 'command.view' },
  { label: '物联感知', permission: 'iot.view' },
  { label: '执法布控', permission: 'enforcement.view' },
  { label: '综合评价', permission: 'evaluation.view' },
  { label: '交叉抽查', permission: 'crossCheck.review' },
  { label: '信息采集', permission: 'collection.view' },
  { label: '组织机构', permission: 'org.view' },
  { label: '用户管理', permission: 'user.view' },
  { label: '角色权限', permission: 'role.view' },
  { label: '操作日志', permission: 'auditLog.view' },
  { label: '事部件分类', permission: 'category.view' },
  { label: '派遣规则', permission: 'rules.manage' },
  { label: '判重设置', permission: 'rules.manage' },
  { label: '外部系统', permission: 'integration.manage' },
];

/** One district account per role, plus the city-wide administrator. */
const ACCOUNTS: readonly { username: string; role: Role }[] = [
  ...ROLE_CODES.map((role) => ({ username: `linjiang.${role}`, role })),
  { username: 'admin', role: 'admin' },
];

function expectedNav(role: Role): string[] {
  const granted = permissionsOf(role);
  return NAV.filter((entry) => !entry.permission || granted.has(entry.permission)).map((entry) => entry.label);
}

test.describe('login per role', () => {
  for (const { username, role } of ACCOUNTS) {
    const heading = `${ROLES[role]}工作台`;
    test(`${username} sees ${heading} and only their navigation`, async ({ page }) => {
      await login(page, username);
      await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
      await expect(navItems(page)).toHaveText(expectedNav(role));
      // The three theme entries are on every home.
      for (const theme of ['街面治理', '智慧城管', '督查考核']) {
        await expect(page.getByRole('link', { name: `进入${theme}` })).toBeVisible();
      }
    });
  }

  // Spelled out by hand, independent of the registry-derived lists above.
  test('a collector has no 用户管理 and is refused the page by URL', async ({ page }) => {
    await login(page, 'linjiang.collector');
    await expect(page.getByRole('heading', { name: '监督员工作台' })).toBeVisible();
    await expect(navItems(page).filter({ hasText: '用户管理' })).toHaveCount(0);
    await page.goto('/admin/users');
    await expect(page.getByText('无权访问')).toBeVisible();
  });

  test('an admin has 用户管理 and 操作日志', async ({ page }) => {
    await login(page, 'admin');
    await expect(page.getByRole('heading', { name: '系统管理员工作台' })).toBeVisible();
    await expect(navItems(page).filter({ hasText: '用户管理' })).toHaveCount(1);
    await expect(navItems(page).filter({ hasText: '操作日志' })).toHaveCount(1);
  });
});

test.describe('login failures', () => {
  test('a wrong password says so and how many attempts are left', async ({ page }) => {
    await submitLogin(page, 'yunshan.street_chief', 'Wrong-password-1');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误，再错 4 次将暂停登录 15 分钟');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('an unknown user gets exactly the same message', async ({ page }) => {
    await submitLogin(page, 'no.such.user', 'Wrong-password-1');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误，再错 4 次将暂停登录 15 分钟');
  });

  test('five wrong passwords pause logins to the account from this address', async ({ page }) => {
    // A dedicated account, so the lock does not touch other tests.
    await page.goto('/login');
    await page.getByLabel('用户名').fill('xingang.supervisor');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('密码').fill(`Wrong-password-${attempt}`);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      const expected = attempt < 5 ? `再错 ${5 - attempt} 次` : '尝试次数过多，请 15 分钟后再试';
      await expect(page.getByRole('alert')).toContainText(expected);
    }
    // Even the right password is refused while the lock lasts.
    await page.getByLabel('密码').fill('Citygov@2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/^尝试次数过多，请 1[45] 分钟后再试$/);
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe('session', () => {
  test('logout returns to the login page and the app stays closed', async ({ page }) => {
    await login(page, 'linjiang.shift_lead');
    await logout(page);
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    await page.goto('/admin/org');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a signed-out visitor is sent to the login page', async ({ page }) => {
    await page.goto('/catalogue');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: '云湖市城市综合管理服务平台' })).toBeVisible();
  });

  test('an ended session sends the user to login with the reason', async ({ page, context }) => {
    await login(page, 'linjiang.acceptor');
    // Another device logs the same session out (the cookie is now dead).
    const cookies = await context.cookies();
    await page.request.post('/trpc/auth.logout', { data: {}, headers: SAME_ORIGIN_HEADERS });
    await context.addCookies(cookies);
    await page.getByRole('link', { name: '事部件分类', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('alert')).toContainText('会话已失效');
  });
});
