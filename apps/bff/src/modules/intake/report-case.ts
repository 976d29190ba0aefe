import type { Queryable } from '@citygov/db/client';
import { categories } from '@citygov/db/schema/catalogue';
import { CASE_SOURCES } from '@citygov/domain/cases/case-states';
import { ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import { stage } from '../../lib/stage-profile';
import type { SessionUser } from '../../trpc/session-user';
import { attachUploads, openCase, personActor, readBeforeOpen, routeStreetCase } from '../cases/api';
import { recordCategoryChoice } from '../category-model/api';
import { duplicatesOfReport, settleReportDuplicates } from '../duplicates/api';
import { findGridAt } from '../geo/api';
import { newTrackingCode, trackingCodeFor } from '../public-tracking/api';
import type { TReportCaseInput } from './report-schemas';

/** Area ids of each level above a grid, from its materialised path "/city/district/street/community/grid/". */
function levelsOf(path: string) {
  const ids = path.split('/').filter(Boolean).map(Number);
  const [, districtId, streetId, communityId] = ids;
  if (!districtId || !streetId || !communityId) throw new ValidationError('网格数据不完整');
  return { districtId, streetId, communityId };
}

/**
 * 上报: files a new report. The grid comes from the location (refused outside the city),
 * the accept-stage clock starts, and the first timeline row says who reported it. Then
 * 智能判重 decides, in the same transaction: merged into an open case automatically,
 * flagged as a suspected duplicate for the shift lead, or left alone.
 */
export async function reportCase(db: Queryable, user: SessionUser, input: TReportCaseInput, now = new Date()) {
  if (!user.permissions.has('case.report')) throw new ForbiddenError('没有上报案件的权限');
  // The lookups are independent, so they go out together and share a round trip to the
  // database (postgres.js pipelines them on the transaction's connection). Among them are
  // openCase's own reads: a retried report (same clientRequestId) found as saved, and the clock.
  const [grid, [category], duplicates, read] = await stage('lookups: grid, category, duplicates, retry, clock', () =>
    Promise.all([
      findGridAt(db, input.lng, input.lat),
      db
        .select()
        .from(categories)
        .where(and(eq(categories.kind, input.kind), eq(categories.code, input.categoryCode))),
      duplicatesOfReport(db, input, now, user.id),
      readBeforeOpen(db, { ...input, reportedBy: user.id, clientRequestId: input.clientRequestId ?? null }, now),
    ]),
  );
  if (!grid) throw new ValidationError('所选位置不在本市范围内，请在地图上重新选择');
  if (!category) throw new ValidationError('事部件小类不存在');

  const opened = await stage('open case (number, insert, timeline + stream)', () =>
    openCase(
      db,
      personActor(user),
      {
        source: input.source,
        kind: input.kind,
        categoryCode: input.categoryCode,
        urgency: input.urgency,
        description: input.description,
        address: input.address || `${grid.name}附近`,
        lng: input.lng,
        lat: input.lat,
        gridId: grid.id,
        ...levelsOf(grid.path),
        componentId: input.componentId ?? null,
        reporterName: input.reporterName ?? user.displayName,
        reporterPhone: input.reporterPhone ?? null,
        reportedBy: user.id,
        clientRequestId: input.clientRequestId ?? null,
        trackingCode: trackingCodeFor(input.source),
        reportedAt: now,
        updatedAt: now,
      },
      { source: CASE_SOURCES[input.source], category: category.name, grid: grid.code },
      now,
      { reissueTrackingCode: newTrackingCode, read },
    ),
  );
  // A retry of a report already saved: the same case back, nothing more.
  if (!opened.created) return opened.row;
  const created = opened.row;
  if (input.attachmentIds.length > 0) {
    await attachUploads(db, {
      caseId: created.id,
      eventId: opened.eventId,
      attachmentIds: input.attachmentIds,
      userId: user.id,
    });
  }
  const suggestion = input.suggestion;
  if (suggestion) {
    await stage('category feedback', () =>
      recordCategoryChoice(db, {
        caseId: created.id,
        text: input.description,
        address: input.address ?? null,
        suggested: suggestion.categories,
        modelVersion: suggestion.modelVersion,
        chosen: { kind: input.kind, code: input.categoryCode },
        userId: user.id,
        at: now,
      }),
    );
  }
  const settled = await stage('settle duplicates (merge or flag)', () =>
    settleReportDuplicates(
      db,
      created,
      duplicates,
      { distinct: input.confirmedDistinct === true, sameAs: input.sameAsCaseId ?? null },
      now,
    ),
  );
  // 街长制: a street-governance report not merged goes straight to its grid's chief.
  return stage('street routing', () => routeStreetCase(db, settled, now));
}
