import { LEADER_CASE_FILTERS, LEADER_CASES_MAX, LEADER_CASES_PAGE } from '@citygov/domain/supervision/leader-cards';
import { z } from 'zod';
import { zId } from '../../trpc/input-types';

/** The area the tablet looks at: the leader's own by default, or one below it (tapped). */
export const ZLeaderAreaInput = z.object({ areaId: zId.optional() });

export const ZLeaderCasesInput = z.object({
  areaId: zId,
  filter: z.enum(LEADER_CASE_FILTERS).default('overdue'),
  /** Cards shown; the tablet's 加载更多 grows it by a page at a time. */
  limit: z.number().int().min(1).max(LEADER_CASES_MAX).default(LEADER_CASES_PAGE),
});
