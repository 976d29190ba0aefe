import type { Queryable } from '@citygov/db/client';
import { categories, categoryMajors } from '@citygov/db/schema/catalogue';
import { and, asc, desc, eq } from 'drizzle-orm';

/**
 * Service codes: the category's kind and its 5-digit GB/T 47678.5 code, e.g.
 * `event-06001` (事件 · 市容环境类 · first minor class) or `component-01001`. The kind
 * is needed because component and event codes overlap; both parts are stable keys.
 */
export type CategoryKind = 'component' | 'event';
export interface ServiceKey {
  kind: CategoryKind;
  code: string;
}

const SERVICE_CODE = /^(event|component)-(\d{5})$/;

export function serviceCodeOf(key: ServiceKey): string {
  return `${key.kind}-${key.code}`;
}

export function parseServiceCode(value: string): ServiceKey | null {
  const match = SERVICE_CODE.exec(value);
  if (!match) return null;
  const [, kind, code] = match;
  return kind === 'event' || kind === 'component' ? { kind, code: code ?? '' } : null;
}

const KIND_NAMES: Record<CategoryKind, string> = { event: '事件', component: '部件' };

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

type CategoryRow = {
  kind: CategoryKind;
  code: string;
  name: string;
  synonyms: string[];
  fileCondition: string;
  majorName: string | null;
};

function toService(row: CategoryRow): Open311Service {
  return {
    service_code: serviceCodeOf(row),
    service_name: row.name,
    // The 立案条件 tells a citizen what the city takes on under this category.
    description: row.fileCondition || row.name,
    // Every service has attributes (urgency at least), so clients should fetch the definition.
    metadata: true,
    type: 'realtime',
    keywords: row.synonyms.join(', '),
    group: `${KIND_NAMES[row.kind]}：${row.majorName ?? row.code.slice(0, 2)}`,
  };
}

function selectCategories(db: Queryable) {
  return db
    .select({
      kind: categories.kind,
      code: categories.code,
      name: categories.name,
      synonyms: categories.synonyms,
      fileCondition: categories.fileCondition,
      majorName: categoryMajors.name,
    })
    .from(categories)
    .leftJoin(
      categoryMajors,
      and(eq(categoryMajors.kind, categories.kind), eq(categoryMajors.code, categories.majorCode)),
    );
}

/** Every category as a service, events first (what citizens report most), then by code. */
export async function listServices(db: Queryable): Promise<Open311Service[]> {
  const rows = await selectCategories(db).orderBy(desc(categories.kind), asc(categories.code));
  return rows.map(toService);
}

export async function findService(db: Queryable, key: ServiceKey): Promise<Open311Service | null> {
  const [row] = await selectCategories(db).where(and(eq(categories.kind, key.kind), eq(categories.code, key.code)));
  return row ? toService(row) : null;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

export const URGENCY_ATTRIBUTE = 'urgency';
export const COMPONENT_ID_ATTRIBUTE = 'component_id';
export const COMPONENT_ID_PATTERN = /^\d{17}$/;

/** The attributes a report of this service may carry (attribute[code]=value). */
export function serviceAttributes(key: ServiceKey): Open311Attribute[] {
  const attributes: Open311Attribute[] = [
    {
      variable: true,
      code: URGENCY_ATTRIBUTE,
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '不选按「一般」处理 (defaults to normal)',
      order: 1,
      description: '紧急程度：危及人身安全或严重影响通行时选「紧急」 (urgency)',
      values: [
        { key: 'normal', name: '一般' },
        { key: 'urgent', name: '紧急' },
      ],
    },
  ];
  if (key.kind === 'component') {
    attributes.push({
      variable: true,
      code: COMPONENT_ID_ATTRIBUTE,
      datatype: 'string',
      required: false,
      datatype_description: '17 位数字：6 位行政区划代码 + 2 位大类 + 3 位小类 + 6 位序号 (17 digits)',
      order: 2,
      description: '部件编码：部件标识牌上的编号，不清楚可不填 (component id on the asset tag)',
      values: [],
    });
  }
  return attributes;
}
