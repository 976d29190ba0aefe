import { maskPhone } from '@citygov/domain/personal-data';
import type { SessionUser } from '../../trpc/session-user';
import type { CaseRow } from './load-case';
import { pendingDataOf } from './pending-data';

/**
 * A case as the desk and the phone see it: the facts of the case and its clock, never the
 * raw row. The reporter's phone is masked for everyone (the full number is one logged call
 * away for holders of `personal.view`, `cases.revealReporterPhone`); the client's request
 * id and who filed it stay on the server; a pending request shows as what it asks.
 */
export function caseView(row: CaseRow, _viewer: SessionUser) {
  const pending = row.pendingKind ? { kind: row.pendingKind, ...pendingDataOf(row) } : null;
  return {
    id: row.id,
    caseNo: row.caseNo,
    source: row.source,
    kind: row.kind,
    categoryCode: row.categoryCode,
    urgency: row.urgency,
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    gridId: row.gridId,
    componentId: row.componentId,
    /** 查询码 of a report from the public, so staff can tell the caller again; null for staff reports. */
    trackingCode: row.trackingCode,
    reporterName: row.reporterName,
    reporterPhone: maskPhone(row.reporterPhone),
    status: row.status,
    version: row.version,
    pendingKind: row.pendingKind,
    pending,
    checkResult: row.checkResult,
    hungUpFrom: row.hungUpFrom,
    leadDepartmentId: row.leadDepartmentId,
    forced: row.forced,
    mergedIntoId: row.mergedIntoId,
    /** 街长制: the line holding the case, whether it was filed for enforcement, who signed the joint close. */
    chiefLine: row.chiefLine,
    enforcementFiled: row.enforcementFiled,
    closeSignedLine: row.closeSignedLine,
    stage: row.stage,
    stageUnit: row.stageUnit,
    stageStartedAt: row.stageStartedAt,
    stageWarnAt: row.stageWarnAt,
    stageDeadlineAt: row.stageDeadlineAt,
    pausedAt: row.pausedAt,
    supervised: row.supervised,
    difficult: row.difficult,
    reportedAt: row.reportedAt,
    filedAt: row.filedAt,
    dispatchedAt: row.dispatchedAt,
    closedAt: row.closedAt,
    updatedAt: row.updatedAt,
  };
}
