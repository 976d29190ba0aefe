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
  /** 街长制: the chief post the account holds in its street's grids (`<district>.street_chief` is the 管理街长). */
  chiefPost?: { line: 'management' | 'enforcement'; level: 'street' | 'area' } | null;
  /** Post title when it is not the role's name (执法街长, 夜班街长…). */
  title?: string;
}

/**
 * 街长制 accounts besides `<district>.street_chief` (管理街长): the other three chief
 * posts of the street's grids, and a night-duty chief to hand grids to (交接班).
 */
const CHIEF_ACCOUNTS: readonly { suffix: string; title: string; chiefPost: DemoAccount['chiefPost'] }[] = [
  { suffix: 'enforce_chief', title: '执法街长', chiefPost: { line: 'enforcement', level: 'street' } },
  { suffix: 'area_chief', title: '管理片长', chiefPost: { line: 'management', level: 'area' } },
  { suffix: 'enforce_area_chief', title: '执法片长', chiefPost: { line: 'enforcement', level: 'area' } },
  { suffix: 'night_chief', title: '夜班街长', chiefPost: null },
];

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
  '贾立新',
  '夏雨晴',
  '蒋文涛',
  '钟丽萍',
  '汪德胜',
  '田晓梅',
  '任国栋',
  '姜慧玲',
  '范志华',
  '方春兰',
  '石永红',
  '姚建明',
  '谭秀芳',
  '廖宏伟',
  '邹雪莲',
  '熊卫国',
];

function buildAccounts(): DemoAccount[] {
  const specs: Omit<DemoAccount, 'displayName'>[] = [
    ...CITY_ROLES.map((role) => ({ username: role, role, districtSlug: null })),
    ...DEMO_DISTRICTS.flatMap((d) =>
      ROLE_CODES.map((role) => ({
        username: `${d.slug}.${role}`,
        role,
        districtSlug: d.slug,
        ...(role === 'street_chief'
          ? { title: '管理街长', chiefPost: { line: 'management' as const, level: 'street' as const } }
          : {}),
      })),
    ),
    // Appended after the original 40, so their display names and phones stay as they were.
    ...DEMO_DISTRICTS.flatMap((d) =>
      CHIEF_ACCOUNTS.map((c) => ({
        username: `${d.slug}.${c.suffix}`,
        role: 'street_chief' as const,
        districtSlug: d.slug,
        title: c.title,
        chiefPost: c.chiefPost,
      })),
    ),
  ];
  return specs.map((spec, i) => {
    const displayName = DISPLAY_NAMES[i];
    if (!displayName) throw new Error(`no demo display name for account #${i}`);
    return { ...spec, displayName };
  });
}

/** 4 city accounts, `${districtSlug}.${role}` for every district and role, then the district's other chiefs. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = buildAccounts();
