import { z } from 'zod';
import { zId } from '../../trpc/input-types';

/** The area the tablet looks at: the leader's own by default, or one below it (tapped). */
export const ZLeaderAreaInput = z.object({ areaId: zId.optional() });

export const ZLeaderCasesInput = z.object({
  areaId: zId,
  filter: z.enum(['overdue', 'open', 'supervised']).default('overdue'),
  limit: z.number().int().min(1).max(50).default(30),
});
