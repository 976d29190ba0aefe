import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { open311Requests } from '@citygov/db/schema/open311';
import { areas, departments } from '@citygov/db/schema/org';
import {
  CASE_STAGE_NAMES,
  CASE_STATUS_NAMES,
  type CaseStage,
  type CaseStatus,
  FINAL_STATUSES,
} from '@citygov/domain/cases/case-states';
import { and, desc, eq, gte, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type ServiceKey, serviceCodeOf } from './open311-services';
import { formatChinaMinute, toW3 } from './open311-time';

/** Our case number is the service_request_id: year + 8 digits, e.g. 202600000123. */
export const SERVICE_REQUEST_ID = /^\d{12}$/;
/** The spec's response volume: at most 1000 requests, over at most 90 days. */
export const MAX_REQUESTS = 1000;
export const MAX_WINDOW_MS = 90 * 86_400_000;

export type Open311Status = 'open' | 'closed';

export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string;
  zipcode: null;
  lat: number;
  long: number;
  media_url: string | null;
}

export type RequestFilter =
  | { ids: string[] }
  | { serviceKeys: ServiceKey[]; from: Date; to: Date; statuses: Open311Status[] };

const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);
const statusName = (status: string) => CASE_STATUS_NAMES[status as CaseStatus] ?? status;

// Why the case is where it is: the reason given with the last change of status (never
// a remark or a pending request, which do not move the case and may be internal).
const lastStatusReason = sql<string | null>`(
  select e.reason from case_events e
  where e.case_id = ${cases.id} and e.from_status is distinct from e.to_status
  order by e.id desc limit 1)`;

const columns = {
  caseNo: cases.caseNo,
  status: cases.status,
  kind: cases.kind,
  categoryCode: cases.categoryCode,
  categoryName: categories.name,
  description: cases.description,
  agency: departments.name,
  reportedAt: cases.reportedAt,
  updatedAt: cases.updatedAt,
  closedAt: cases.closedAt,
  stage: cases.stage,
  stageDeadlineAt: cases.stageDeadlineAt,
  pausedAt: cases.pausedAt,
  address: cases.address,
  gridCode: areas.code,
  lat: cases.lat,
  lng: cases.lng,
  mediaUrl: open311Requests.mediaUrl,
  reason: lastStatusReason,
};
function queryRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(columns)
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.gridId))
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .leftJoin(departments, eq(departments.id, cases.leadDepartmentId))
    .leftJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .where(where)
    .orderBy(desc(cases.reportedAt), desc(cases.id))
    .limit(MAX_REQUESTS);
}
type Row = Awaited<ReturnType<typeof queryRows>>[number];

function notice(row: Row): string | null {
  if (row.status === 'closed') return '问题已处理完毕，案件已结案';
  if (row.status === 'voided') return '经核实不属于受理范围或为重复反映，案件已作废';
  if (row.pausedAt) return '问题需长期处理，已列入挂账计划';
  const stage = row.stage ? CASE_STAGE_NAMES[row.stage as CaseStage] : null;
  if (!stage) return statusName(row.status);
  const until = row.stageDeadlineAt ? `，预计 ${formatChinaMinute(row.stageDeadlineAt)} 前完成本环节` : '';
  return `${stage}环节办理中${until}`;
}

function toRequest(row: Row): Open311Request {
  const closed = isFinal(row.status);
  return {
    service_request_id: row.caseNo,
    status: closed ? 'closed' : 'open',
    status_notes: row.reason ? `${statusName(row.status)}：${row.reason}` : statusName(row.status),
    service_name: row.categoryName,
    service_code: serviceCodeOf({ kind: row.kind, code: row.categoryCode }),
    description: row.description,
    agency_responsible: row.agency,
    service_notice: notice(row),
    requested_datetime: toW3(row.reportedAt),
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: toW3(closed && row.closedAt ? row.closedAt : row.updatedAt),
    expected_datetime: !closed && row.stageDeadlineAt ? toW3(row.stageDeadlineAt) : null,
    address: row.address,
    address_id: row.gridCode,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.mediaUrl,
  };
}

/**
 * Service requests for GET requests / requests/{id}: every case of the city (the public
 * record of what was reported and how it went), never who reported it.
 */
export async function listServiceRequests(db: Queryable, filter: RequestFilter): Promise<Open311Request[]> {
  const conditions: (SQL | undefined)[] = [];
  if ('ids' in filter) {
    const ids = filter.ids.filter((id) => SERVICE_REQUEST_ID.test(id));
    if (ids.length === 0) return [];
    conditions.push(inArray(cases.caseNo, ids));
  } else {
    conditions.push(gte(cases.reportedAt, filter.from), lte(cases.reportedAt, filter.to));
    if (filter.serviceKeys.length > 0) {
      conditions.push(
        or(...filter.serviceKeys.map((k) => and(eq(cases.kind, k.kind), eq(cases.categoryCode, k.code)))),
      );
    }
    const wantOpen = filter.statuses.includes('open');
    const wantClosed = filter.statuses.includes('closed');
    if (wantOpen !== wantClosed) {
      conditions.push(
        wantOpen ? notInArray(cases.status, [...FINAL_STATUSES]) : inArray(cases.status, [...FINAL_STATUSES]),
      );
    }
  }
  const rows = await queryRows(db, and(...conditions));
  return rows.map(toRequest);
}

/**
 * tokens/{token}: we answer POSTs in real time, so a request's token is its own
 * service_request_id; only requests made through Open311 have one.
 */
export async function findRequestByToken(db: Queryable, token: string) {
  if (!SERVICE_REQUEST_ID.test(token)) return null;
  const [row] = await db
    .select({ caseNo: cases.caseNo })
    .from(cases)
    .innerJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .where(eq(cases.caseNo, token));
  return row ? { service_request_id: row.caseNo, token } : null;
}
