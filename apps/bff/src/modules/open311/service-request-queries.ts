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
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
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
const lastStatusReason = (caseId: AnyPgColumn) => sql<string | null>`(
  select e.reason from case_events e
  where e.case_id = ${caseId} and e.from_status is distinct from e.to_status
  order by e.id desc limit 1)`;

/**
 * 并案: a merged request follows its lead case — open while the lead is, closed when it
 * is, with the lead's notes. (Merging keeps every link one hop, see cases/merge-links.ts.)
 */
const lead = alias(cases, 'lead');
const effectiveStatus = sql<string>`coalesce(${lead.status}, ${cases.status})`;

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
  reason: lastStatusReason(cases.id),
  lead: {
    caseNo: lead.caseNo,
    status: lead.status,
    stage: lead.stage,
    stageDeadlineAt: lead.stageDeadlineAt,
    pausedAt: lead.pausedAt,
    updatedAt: lead.updatedAt,
    closedAt: lead.closedAt,
    reason: lastStatusReason(lead.id),
  },
};
function queryRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(columns)
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.gridId))
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .leftJoin(lead, eq(lead.id, cases.mergedIntoId))
    .leftJoin(departments, eq(departments.id, sql`coalesce(${lead.leadDepartmentId}, ${cases.leadDepartmentId})`))
    .leftJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .where(where)
    .orderBy(desc(cases.reportedAt), desc(cases.id))
    .limit(MAX_REQUESTS);
}
type Row = Awaited<ReturnType<typeof queryRows>>[number];

/** The fields that describe progress: the lead's for a merged request, else the request's own. */
interface Progress {
  status: string;
  stage: string | null;
  stageDeadlineAt: Date | null;
  pausedAt: Date | null;
  updatedAt: Date;
  closedAt: Date | null;
  reason: string | null;
}

function progressOf(row: Row): { progress: Progress; leadNo: string | null } {
  if (row.lead?.caseNo && row.lead.status && row.lead.updatedAt) {
    const { caseNo, status, updatedAt, ...rest } = row.lead;
    return { progress: { ...rest, status, updatedAt }, leadNo: caseNo };
  }
  return { progress: row, leadNo: null };
}

function statusNotes(progress: Progress, leadNo: string | null): string {
  const own = progress.reason ? `${statusName(progress.status)}：${progress.reason}` : statusName(progress.status);
  return leadNo ? `已与案件 ${leadNo} 合并处理，当前状态：${own}` : own;
}

function notice(row: Progress): string | null {
  if (row.status === 'closed') return '问题已处理完毕，案件已结案';
  if (row.status === 'voided') return '经核实不属于受理范围或为重复反映，案件已作废';
  if (row.pausedAt) return '问题需长期处理，已列入挂账计划';
  const stage = row.stage ? CASE_STAGE_NAMES[row.stage as CaseStage] : null;
  if (!stage) return statusName(row.status);
  const until = row.stageDeadlineAt ? `，预计 ${formatChinaMinute(row.stageDeadlineAt)} 前完成本环节` : '';
  return `${stage}环节办理中${until}`;
}

function toRequest(row: Row): Open311Request {
  const { progress, leadNo } = progressOf(row);
  const closed = isFinal(progress.status);
  return {
    service_request_id: row.caseNo,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(progress, leadNo),
    service_name: row.categoryName,
    service_code: serviceCodeOf({ kind: row.kind, code: row.categoryCode }),
    description: row.description,
    agency_responsible: row.agency,
    service_notice: notice(progress),
    requested_datetime: toW3(row.reportedAt),
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: toW3(closed && progress.closedAt ? progress.closedAt : progress.updatedAt),
    expected_datetime: !closed && progress.stageDeadlineAt ? toW3(progress.stageDeadlineAt) : null,
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
        wantOpen ? notInArray(effectiveStatus, [...FINAL_STATUSES]) : inArray(effectiveStatus, [...FINAL_STATUSES]),
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
