import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { open311Requests } from '@citygov/db/schema/open311';
import { areas } from '@citygov/db/schema/org';
import type { CaseSource } from '@citygov/domain/cases/case-states';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { publicStatusNote } from '@citygov/domain/tracking/public-progress';
import { normalizeTrackingCode } from '@citygov/domain/tracking/tracking-code';
import { and, desc, eq, gte, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { toW3 } from '../../lib/w3-time';
import { publicAgencyOf, publicNotice, publicReplyOf } from '../public-tracking/api';
import { type ServiceKey, serviceCodeOf } from './open311-services';

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

/** The cases the city publishes (open311-settings.ts: by source); every other case is as if missing. */
export type PublishedSources = readonly CaseSource[];

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
  agency: publicAgencyOf(sql`coalesce(${lead.leadDepartmentId}, ${cases.leadDepartmentId})`),
  reply: publicReplyOf(cases.id),
  lead: {
    caseNo: lead.caseNo,
    source: lead.source,
    status: lead.status,
    stage: lead.stage,
    stageDeadlineAt: lead.stageDeadlineAt,
    pausedAt: lead.pausedAt,
    updatedAt: lead.updatedAt,
    closedAt: lead.closedAt,
    reply: publicReplyOf(lead.id),
  },
};
function queryRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(columns)
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.gridId))
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .leftJoin(lead, eq(lead.id, cases.mergedIntoId))
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
  /** The reply written for the reporter (答复), the only reason text that is ever published. */
  reply: string | null;
}

/** A merged request's progress is its lead's; the lead is named only when the lead is itself published. */
function progressOf(row: Row, published: PublishedSources): { progress: Progress; merged: string | null } {
  if (row.lead?.caseNo && row.lead.status && row.lead.updatedAt) {
    const { caseNo, source, status, updatedAt, ...rest } = row.lead;
    const named = source !== null && published.includes(source) ? `案件 ${caseNo} ` : '同一问题的其他反映';
    return { progress: { ...rest, status, updatedAt }, merged: named };
  }
  return { progress: row, merged: null };
}

function statusNotes(progress: Progress, merged: string | null): string {
  const own = publicStatusNote(progress.status, progress.reply);
  return merged ? `已与${merged}合并处理，当前状态：${own}` : own;
}

function toRequest(row: Row, published: PublishedSources): Open311Request {
  const { progress, merged } = progressOf(row, published);
  const closed = isFinal(progress.status);
  return {
    service_request_id: row.caseNo,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(progress, merged),
    service_name: row.categoryName,
    service_code: serviceCodeOf({ kind: row.kind, code: row.categoryCode }),
    description: row.description,
    agency_responsible: row.agency,
    service_notice: publicNotice(progress),
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
 * Service requests for GET requests / requests/{id}: the cases the city publishes (by
 * source, citizens' own reports by default) with their public fields only — the reply
 * written for the reporter, never an internal reason, a staff name or who reported it.
 */
export async function listServiceRequests(
  db: Queryable,
  filter: RequestFilter,
  published: PublishedSources,
): Promise<Open311Request[]> {
  if (published.length === 0) return [];
  const conditions: (SQL | undefined)[] = [inArray(cases.source, [...published])];
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
  return rows.map((row) => toRequest(row, published));
}

export interface TokenAnswer {
  token: string;
  /** Absent when the city does not publish the request (GET requests/{id} would answer 404). */
  service_request_id?: string;
}

/**
 * tokens/{token}: our token is the reporter's 查询码 (we answer POSTs at once, so it is
 * not a placeholder for a pending request but the key the citizen keeps). It resolves
 * to the case number when the request is published; null for an unknown code.
 */
export async function findRequestByToken(
  db: Queryable,
  typed: string,
  published: PublishedSources,
): Promise<TokenAnswer | null> {
  const code = normalizeTrackingCode(typed);
  if (!code) return null;
  const [row] = await db
    .select({ caseNo: cases.caseNo, source: cases.source })
    .from(cases)
    .where(eq(cases.trackingCode, code));
  if (!row) return null;
  return published.includes(row.source) ? { service_request_id: row.caseNo, token: code } : { token: code };
}
