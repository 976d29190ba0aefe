import { auditLog } from '@citygov/db/schema/audit';
import { and, count, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { zLine, zPage } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { withinAreaScope } from '../org/api';
import { withSafeKeys } from './audit-detail';

const ZListAuditInput = z.object({
  username: zLine().max(40).optional(),
  action: zLine().max(60).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  page: zPage,
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const auditRouter = router({
  /** Newest first (audit_log_at_idx). Rows without an area (unknown-user logins) are city-level. */
  list: permissionProcedure('auditLog.view')
    .input(ZListAuditInput)
    .query(async ({ ctx, input }) => {
      const inScope = withinAreaScope(ctx.user, auditLog.areaPath);
      const scope = ctx.user.areaLevel === 'city' ? or(inScope, isNull(auditLog.areaPath)) : inScope;
      const conditions: (SQL | undefined)[] = [scope];
      if (input.username) conditions.push(ilike(auditLog.username, `%${input.username}%`));
      if (input.action) conditions.push(ilike(auditLog.action, `%${input.action}%`));
      if (input.outcome) conditions.push(eq(auditLog.outcome, input.outcome));
      const where = and(...conditions);
      const rows = await ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize);
      const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
      return {
        rows: rows.map((row) => ({ ...row, detail: withSafeKeys(row.detail) as typeof row.detail })),
        total: total?.n ?? 0,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),
});
