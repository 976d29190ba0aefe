import { cases } from '@citygov/db/schema/cases';
import { eq } from 'drizzle-orm';
import { appendCaseEvent } from '../../events/api';
import type { CaseRow } from '../load-case';
import type { ActionContext } from './action-handler';
import { settlePairsOnMerge } from './settle-duplicate-pairs';

/**
 * What 并案 and 自动并案 share: this case ends as part of the lead; cases merged into it
 * before follow it to the lead (a link is always one hop); the lead's timeline says who
 * joined; the suspected-duplicate pairs it was in are settled.
 */
export function joinLead({ db, actor, row, plan, now, update, detail, after }: ActionContext<unknown>, lead: CaseRow) {
  update.mergedIntoId = lead.id;
  detail.into = lead.caseNo;
  detail.intoId = lead.id;
  after(async () => {
    await db.update(cases).set({ mergedIntoId: lead.id }).where(eq(cases.mergedIntoId, row.id));
    await appendCaseEvent(db, {
      caseId: lead.id,
      action: 'mergeIn',
      label: '并入案件',
      actor,
      fromStatus: lead.status,
      toStatus: lead.status,
      reason: plan.reason,
      detail: { merged: row.caseNo, mergedId: row.id },
      at: now,
    });
    await settlePairsOnMerge(db, { mergedId: row.id, leadId: lead.id, actor, now });
  });
}
