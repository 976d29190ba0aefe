import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { spotCellBox } from '@citygov/domain/analytics/analytics-rules';
import { chinaInstant } from '@citygov/domain/deadlines/china-time';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { countBounded } from '../../lib/bounded-count';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope, caseSummaryColumns } from '../cases/api';
import type { WallArea } from '../wall/api';
import { type Period, periodDays } from './analytics-period';
import type { TDrillFilter } from './analytics-schemas';

function areaCondition(area: WallArea): SQL | undefined {
  if (area.level === 'district') return eq(cases.districtId, area.id);
  if (area.level === 'street') return eq(cases.streetId, area.id);
  return undefined;
}

const chinaHour = sql`extract(hour from ${cases.reportedAt} at time zone 'Asia/Shanghai')`;
const chinaWeekday = sql`extract(dow from ${cases.reportedAt} at time zone 'Asia/Shanghai')`;

function drillCondition(filter: TDrillFilter): SQL | undefined {
  switch (filter.by) {
    case 'all':
      return undefined;
    case 'category': {
      const [kind, code] = filter.key.split(':') as ['component' | 'event', string];
      return and(eq(cases.kind, kind), eq(cases.categoryCode, code));
    }
    case 'source':
      return eq(cases.source, filter.key);
    case 'area':
      return sql`(${cases.districtId} = ${filter.areaId} or ${cases.streetId} = ${filter.areaId})`;
    case 'department':
      return eq(cases.leadDepartmentId, filter.departmentId);
    case 'day': {
      const start = chinaInstant(filter.day);
      return and(gte(cases.reportedAt, start), lt(cases.reportedAt, new Date(start.getTime() + 86_400_000)));
    }
    case 'weekHour':
      return sql`${chinaWeekday} = ${filter.weekday} and ${chinaHour} = ${filter.hour}`;
    case 'hour':
      return sql`${chinaHour} = ${filter.hour}`;
    case 'grid':
      return eq(cases.gridId, filter.gridId);
    case 'spot': {
      const [category = '', cell = '0,0'] = filter.key.split('|');
      const [kind, code] = category.split(':') as ['component' | 'event', string];
      const [west, south, east, north] = spotCellBox(cell);
      return and(
        eq(cases.kind, kind),
        eq(cases.categoryCode, code),
        sql`${cases.lat} >= ${south} and ${cases.lat} < ${north} and ${cases.lng} >= ${west} and ${cases.lng} < ${east}`,
      );
    }
    case 'overdue':
      // Closed late: under 督办, or the clock running at the close was past its deadline.
      return sql`${cases.status} = 'closed' and exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id}
        and e.action in ('close', 'quickClose') and (${cases.supervised} or e.deadline_at < e.at))`;
    case 'reworked':
      return sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id} and e.action = 'rework')`;
  }
}

/**
 * The cases behind a chart item: reported in the period, in the area and the viewer's
 * scope, matching the item; newest first, a page at a time, the total bounded.
 */
export async function analyticsCases(
  db: Queryable,
  user: SessionUser,
  area: WallArea,
  period: Period,
  filter: TDrillFilter,
  page: number,
  pageSize: number,
) {
  const { first, last } = periodDays(period);
  const where = and(
    gte(cases.reportedAt, chinaInstant(first)),
    lt(cases.reportedAt, new Date(chinaInstant(last).getTime() + 86_400_000)),
    areaCondition(area),
    caseScope(user),
    drillCondition(filter),
  );
  const [rows, counted] = await Promise.all([
    db
      .select({ ...caseSummaryColumns, reportedAt: cases.reportedAt, closedAt: cases.closedAt })
      .from(cases)
      .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
      .where(where)
      .orderBy(desc(cases.reportedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    // Totals above COUNT_BOUND read as "10,000+" instead of reading a district's history.
    countBounded(db, cases, where),
  ]);
  return { rows, ...counted };
}
