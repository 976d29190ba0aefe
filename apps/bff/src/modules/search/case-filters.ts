import { cases } from '@citygov/db/schema/cases';
import { CASE_STATUSES } from '@citygov/domain/cases/case-states';
import { chinaInstant } from '@citygov/domain/deadlines/china-time';
import { and, eq, gte, inArray, like, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { zDay } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';

/**
 * The case filters /search and the case map share (and the map's link from /search carries):
 * statuses, a category as 'event', 'event:01' (大类) or 'event:01001' (小类), and a day range.
 */
export const caseFilterFields = {
  statuses: z.array(z.enum(CASE_STATUSES)).max(20).optional(),
  category: z
    .string()
    .regex(/^(component|event)(:\d{2}(\d{3})?)?$/, '类别编码无效')
    .optional(),
  from: zDay.optional(),
  to: zDay.optional(),
};

const ZCaseFilters = z.object(caseFilterFields);

/** The viewer's scope and the filters as one condition (`to` takes in the whole day, China time). */
export function caseFilterConditions(user: SessionUser, input: z.infer<typeof ZCaseFilters>): SQL | undefined {
  const [kind, code] = (input.category ?? '').split(':');
  return and(
    caseScope(user),
    input.statuses && input.statuses.length > 0 ? inArray(cases.status, input.statuses) : undefined,
    kind === 'component' || kind === 'event' ? eq(cases.kind, kind) : undefined,
    code ? (code.length === 2 ? like(cases.categoryCode, `${code}%`) : eq(cases.categoryCode, code)) : undefined,
    input.from ? gte(cases.reportedAt, chinaInstant(input.from)) : undefined,
    input.to ? lt(cases.reportedAt, new Date(chinaInstant(input.to).getTime() + 86_400_000)) : undefined,
  );
}
