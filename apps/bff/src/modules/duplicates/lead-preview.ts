import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { NotFoundError, ValidationError } from '@citygov/domain/errors';
import { haversineM } from '@citygov/domain/intake/duplicate-score';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope, loadCaseInScope } from '../cases/api';
import { caseBriefs } from './case-briefs';
import type { TLeadPreviewInput } from './duplicate-schemas';

/**
 * 并案 from a case's detail page: the lead typed by number, checked as the merge itself
 * will check it (in scope, not itself ended), with its brief and how far apart the two are.
 */
export async function leadPreview(db: Queryable, user: SessionUser, input: TLeadPreviewInput) {
  const row = await loadCaseInScope(db, user, input.caseId);
  const [found] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.caseNo, input.caseNo), caseScope(user)));
  if (!found) throw new NotFoundError(`未找到案件 ${input.caseNo}，或不在您的管辖范围内`);
  if (found.id === row.id) throw new ValidationError('不能与自身并案', { field: 'caseNo' });
  const lead = await loadCaseInScope(db, user, found.id);
  if (lead.status === 'voided' || lead.status === 'merged') {
    const why = lead.status === 'voided' ? '作废' : '并入其他案件';
    throw new ValidationError(`主案件 ${lead.caseNo} 已${why}，不能作为并案主案件`, { field: 'caseNo' });
  }
  const brief = (await caseBriefs(db, [lead.id])).get(lead.id);
  if (!brief) throw new NotFoundError(`未找到案件 ${input.caseNo}`);
  return { ...brief, distanceM: Math.round(haversineM(row.lng, row.lat, lead.lng, lead.lat)) };
}
