/**
 * The demo city's organisation: the department tree (command centres,
 * professional departments, their sub-units and enforcement squadrons) and the
 * demo users. Pure data derived from the geography; ids are resolved by the
 * seed writer, so departments and users refer to areas by code and to other
 * departments by key.
 */
import { ROLES, type Role } from '@citygov/domain/permissions';
import type { departments } from '../schema/org';
import { DEMO_ACCOUNTS } from './demo-accounts';
import type { DemoArea, DemoCityGeography } from './demo-city-geography';
import { DEMO_CITY } from './demo-districts';

export type DepartmentKind = (typeof departments.$inferInsert)['kind'];

export interface DepartmentSpec {
  /** Stable key used to refer to the department before it has an id. */
  key: string;
  parentKey: string | null;
  name: string;
  kind: DepartmentKind;
  /** Code of the area the department serves. */
  areaCode: string;
  phone: string;
}

export interface UserSpec {
  username: string;
  displayName: string;
  role: Role;
  position: string;
  phone: string;
  /** Code of the area the user is scoped to. */
  areaCode: string;
  departmentKey: string | null;
}

/** Department keys other modules (and the users below) rely on. */
export const CITY_COMMAND_CENTRE_KEY = 'city.command';
export const districtMunicipalKey = (slug: string) => `${slug}.municipal`;

interface Unit {
  key: string;
  name: string;
  kind: DepartmentKind;
  children?: readonly { key: string; name: string }[];
}

const CITY_UNITS: readonly Unit[] = [
  { key: 'command', name: `${DEMO_CITY.name}城市运行管理指挥中心`, kind: 'command_centre' },
  { key: 'urban', name: '市城管局', kind: 'professional' },
  {
    key: 'municipal',
    name: '市市政设施管理中心',
    kind: 'professional',
    children: [
      { key: 'roads', name: '道路养护所' },
      { key: 'drainage', name: '排水管理所' },
    ],
  },
  {
    key: 'sanitation',
    name: '市环境卫生管理处',
    kind: 'professional',
    children: [
      { key: 'cleaning', name: '道路清扫保洁所' },
      { key: 'toilets', name: '公厕管理所' },
    ],
  },
  {
    key: 'greening',
    name: '市园林绿化管理局',
    kind: 'professional',
    children: [
      { key: 'parks', name: '公园管理处' },
      { key: 'trees', name: '绿化养护所' },
    ],
  },
  {
    key: 'transport',
    name: '市交通运输局',
    kind: 'professional',
    children: [{ key: 'facilities', name: '交通设施养护所' }],
  },
  {
    key: 'water',
    name: '市水务集团',
    kind: 'professional',
    children: [
      { key: 'supply', name: '供水分公司' },
      { key: 'sewage', name: '排水分公司' },
    ],
  },
];

/** Per-district units; names get the district name as prefix. Squadrons are added per street. */
const DISTRICT_UNITS: readonly Unit[] = [
  { key: 'command', name: '城市运行管理中心', kind: 'command_centre' },
  { key: 'municipal', name: '市政管理所', kind: 'professional', children: [{ key: 'team', name: '第一养护班' }] },
  { key: 'sanitation', name: '环卫所', kind: 'professional', children: [{ key: 'team', name: '清扫保洁队' }] },
  { key: 'greening', name: '园林所', kind: 'professional', children: [{ key: 'team', name: '绿化养护队' }] },
  { key: 'traffic', name: '交警大队', kind: 'professional', children: [{ key: 'team', name: '秩序管理中队' }] },
  { key: 'enforcement', name: '综合行政执法局', kind: 'professional' },
];

const departmentPhone = (index: number) => `0571-8${6_000_001 + index}`;
const userPhone = (index: number) => `1390571${String(index + 1).padStart(4, '0')}`;

function pushUnits(
  out: Omit<DepartmentSpec, 'phone'>[],
  units: readonly Unit[],
  prefix: string,
  namePrefix: string,
  areaCode: string,
) {
  for (const unit of units) {
    const key = `${prefix}.${unit.key}`;
    out.push({ key, parentKey: null, name: `${namePrefix}${unit.name}`, kind: unit.kind, areaCode });
    for (const child of unit.children ?? []) {
      out.push({ key: `${key}.${child.key}`, parentKey: key, name: child.name, kind: 'sub_unit', areaCode });
    }
  }
}

/** Parents always come before their children. */
export function buildDepartments(
  geography: Pick<DemoCityGeography, 'city' | 'districts' | 'streets'>,
): DepartmentSpec[] {
  const specs: Omit<DepartmentSpec, 'phone'>[] = [];
  pushUnits(specs, CITY_UNITS, 'city', '', geography.city.code);
  for (const district of geography.districts) {
    pushUnits(specs, DISTRICT_UNITS, district.slug, district.name, district.code);
    const enforcementKey = `${district.slug}.enforcement`;
    for (const street of streetsOf(geography.streets, district.code)) {
      specs.push({
        key: `${district.slug}.squadron.${street.code}`,
        parentKey: enforcementKey,
        name: `${district.name}综合行政执法局${street.name.replace(/街道$/, '')}中队`,
        kind: 'squadron',
        areaCode: street.code,
      });
    }
  }
  return specs.map((spec, i) => ({ ...spec, phone: departmentPhone(i) }));
}

function streetsOf(streets: readonly DemoArea[], districtCode: string): DemoArea[] {
  return streets.filter((s) => s.parentCode === districtCode);
}

/** Collectors and street chiefs work one street, so street-level scope exists in the demo. */
const STREET_SCOPED_ROLES: ReadonlySet<Role> = new Set<Role>(['collector', 'street_chief']);

export function buildUsers(geography: Pick<DemoCityGeography, 'city' | 'districts' | 'streets'>): UserSpec[] {
  const districtsBySlug = new Map(geography.districts.map((d) => [d.slug, d]));
  return DEMO_ACCOUNTS.map((account, i): UserSpec => {
    const base = {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      phone: userPhone(i),
    };
    if (account.districtSlug === null) {
      return {
        ...base,
        position: `${geography.city.name}${ROLES[account.role]}`,
        areaCode: geography.city.code,
        departmentKey: account.role === 'dispatcher' ? CITY_COMMAND_CENTRE_KEY : null,
      };
    }
    const district = districtsBySlug.get(account.districtSlug);
    if (!district) throw new Error(`demo account ${account.username}: unknown district ${account.districtSlug}`);
    if (STREET_SCOPED_ROLES.has(account.role)) {
      const street = streetsOf(geography.streets, district.code)[0];
      if (!street) throw new Error(`district ${district.code} has no streets`);
      const title = account.title ?? ROLES[account.role];
      return {
        ...base,
        position: `${district.name}${street.name}${title}`,
        areaCode: street.code,
        departmentKey: null,
      };
    }
    if (account.role === 'dept_handler') {
      return {
        ...base,
        position: `${district.name}市政管理所处置员`,
        areaCode: district.code,
        departmentKey: districtMunicipalKey(district.slug),
      };
    }
    return {
      ...base,
      position: `${district.name}${ROLES[account.role]}`,
      areaCode: district.code,
      departmentKey: null,
    };
  });
}
