import { cases } from '@citygov/db/schema/cases';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { ConflictError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineAction } from './action-handler';
import { joinLead } from './join-lead';

/**
 * 自动并案, taken by 智能判重 on a just-saved report that scored at or above the merge
 * threshold against an open case: the same effects as a person's 并案, with the score.
 */
export const autoMerge = defineAction({
  input: z.object({ leadId: z.number().int().positive(), score: z.number().min(0).max(1) }),
  async effects(context) {
    const { db, input, detail } = context;
    const [lead] = await db.select().from(cases).where(eq(cases.id, input.leadId));
    if (!lead || FINAL_STATUSES.includes(lead.status)) throw new ConflictError('主案件已结束，不能自动并案');
    detail.score = input.score;
    joinLead(context, lead);
  },
});
