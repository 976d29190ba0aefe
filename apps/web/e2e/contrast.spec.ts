import { expect, type Page, test } from '@playwright/test';
import { apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { lowContrastTexts } from './contrast';
import { login } from './helpers';

/**
 * Text contrast (WCAG 2.x 1.4.3, AA) on the screens each kind of user works in all day:
 * every visible text and shown placeholder, at the user's screen size.
 */
const DESK = { width: 1920, height: 1080 };
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  // Transitions (menus, fades) end before colours are read.
  await page.waitForTimeout(400);
}

const screens: {
  title: string;
  size: typeof DESK;
  user: string | null;
  path: string;
  ready: (page: Page) => Promise<void>;
}[] = [
  {
    title: 'login, desk',
    size: DESK,
    user: null,
    path: '/login',
    ready: (page) => expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible(),
  },
  {
    title: 'acceptor intake, desk',
    size: DESK,
    user: 'linjiang.acceptor',
    path: '/desk/intake',
    ready: (page) => expect(page.getByRole('textbox').first()).toBeVisible(),
  },
  {
    title: 'dispatcher case list, desk',
    size: DESK,
    user: 'linjiang.dispatcher',
    path: '/desk/cases',
    ready: (page) => expect(page.getByRole('table').first()).toBeVisible(),
  },
  {
    title: 'dispatcher desk home (queue cards), desk',
    size: DESK,
    user: 'linjiang.dispatcher',
    path: '/desk',
    ready: (page) => expect(page.getByRole('link', { name: /^待派遣 / })).toBeVisible(),
  },
  {
    title: 'department handler tasks, phone',
    size: PHONE,
    user: 'linjiang.dept_handler',
    path: '/m/tasks',
    ready: (page) => expect(page.getByRole('heading', { name: '我的任务' })).toBeVisible(),
  },
  {
    title: 'citizen report, phone',
    size: PHONE,
    user: null,
    path: '/public/report',
    ready: (page) => expect(page.getByRole('textbox').first()).toBeVisible(),
  },
  {
    title: 'shift lead home, desk',
    size: DESK,
    user: 'linjiang.shift_lead',
    path: '/',
    ready: (page) => expect(page.getByText('值班长工作台')).toBeVisible(),
  },
  {
    title: 'leader home, tablet',
    size: TABLET,
    user: 'leader',
    path: '/leader',
    ready: (page) => expect(page.getByRole('heading', { name: '领导驾驶舱' })).toBeVisible(),
  },
  {
    title: 'collector home, phone',
    size: PHONE,
    user: 'linjiang.collector',
    path: '/',
    ready: (page) => expect(page.getByRole('button', { name: '菜单' })).toBeVisible(),
  },
  {
    title: 'collector report form, phone',
    size: PHONE,
    user: 'linjiang.collector',
    path: '/m/report',
    ready: (page) => expect(page.getByRole('textbox').first()).toBeVisible(),
  },
  {
    // The wall's panels sit on gradients: each text is judged against the worst stop.
    title: 'command hall wall, 1920x1080',
    size: DESK,
    user: 'leader',
    path: '/wall?rotate=3600',
    ready: async (page) => {
      await expect(page.getByRole('main', { name: '指挥大厅大屏' })).toBeVisible();
      await expect(page.getByRole('list', { name: '实时案件列表' }).getByRole('listitem').first()).toBeVisible();
    },
  },
];

test.describe('text contrast (WCAG AA)', () => {
  // Lists are judged with rows in them: their status and deadline tags are coloured text.
  test.beforeAll(async ({ baseURL }) => {
    const { api: collector } = await apiAs(baseURL ?? '', 'linjiang.collector');
    const { api: chief } = await apiAs(baseURL ?? '', 'linjiang.street_chief');
    const [lng, lat] = (await trpcQuery<{ center: [number, number] }>(chief, 'geo.home')).center;
    // A category and spot no other spec reports, so no later report is taken for its duplicate.
    await trpcMutation(collector, 'cases.report', {
      source: 'collector',
      kind: 'event',
      categoryCode: '07008',
      description: '对比度检查：公益宣传栏的宣传画破损脱落',
      address: '临江区滨江路宣传栏',
      lng: lng + 0.003,
      lat: lat + 0.002,
      confirmedDistinct: true,
    });
    await Promise.all([collector.dispose(), chief.dispose()]);
  });

  for (const screen of screens) {
    test(screen.title, async ({ page }) => {
      await page.setViewportSize(screen.size);
      if (screen.user) await login(page, screen.user);
      await page.goto(screen.path);
      await screen.ready(page);
      await settled(page);
      await shootIfAsked(page, `contrast-${screen.title.replace(/[^a-z0-9]+/gi, '-')}`);
      const low = await lowContrastTexts(page);
      expect(low, JSON.stringify(low, null, 1)).toEqual([]);
    });
  }
});
