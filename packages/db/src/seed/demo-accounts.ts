/**
 * The demo accounts the seed creates. The README, the login page and the tests
 * read this list, so it is the single source of truth for who can log in to the
 * demo. Pure data: safe to import from the web app.
 */
import { ROLE_CODES, type Role } from '@citygov/domain/permissions';
import { DEMO_DISTRICTS } from './demo-districts';

/** Every demo account shares this password. */
export const DEMO_PASSWORD = 'Citygov@2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** The district the account belongs to; null for city-level accounts. */
  districtSlug: string | null;
}

/** City-level accounts, scoped to the whole city. */
const CITY_ROLES: readonly Role[] = ['admin', 'leader', 'supervisor', 'dispatcher'];

/** Deterministic, plausible display names, handed out in account order. */
const DISPLAY_NAMES: readonly string[] = [
  '王建国',
  '李秀英',
  '张志强',
  '刘海燕',
  '陈国华',
  '杨丽娟',
  '赵建军',
  '黄晓燕',
  '周永刚',
  '吴桂兰',
  '徐明辉',
  '孙玉梅',
  '胡志勇',
  '朱丽华',
  '高建平',
  '林秀珍',
  '何文斌',
  '郭春燕',
  '马国强',
  '罗晓红',
  '梁振华',
  '宋雅琴',
  '郑海峰',
  '谢美玲',
  '韩东升',
  '唐雪梅',
  '冯志刚',
  '于晓静',
  '董卫东',
  '程丽君',
  '曹永平',
  '袁春梅',
  '邓建新',
  '许慧敏',
  '傅国庆',
  '沈玉兰',
  '曾德明',
  '彭晓燕',
  '吕建平',
  '苏文静',
];

function buildAccounts(): DemoAccount[] {
  const specs: { username: string; role: Role; districtSlug: string | null }[] = [
    ...CITY_ROLES.map((role) => ({ username: role, role, districtSlug: null })),
    ...DEMO_DISTRICTS.flatMap((d) =>
      ROLE_CODES.map((role) => ({ username: `${d.slug}.${role}`, role, districtSlug: d.slug })),
    ),
  ];
  return specs.map((spec, i) => {
    const displayName = DISPLAY_NAMES[i];
    if (!displayName) throw new Error(`no demo display name for account #${i}`);
    return { ...spec, displayName };
  });
}

/** 4 city accounts, then `${districtSlug}.${role}` for every district and every role. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = buildAccounts();
