import type { Database } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { tracked } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures';
import { resolveWallArea, type WallArea } from './wall-area';
import { wallCase } from './wall-cases';
import { wallRollupOf } from './wall-rollup-runner';
import { loadWall } from './wall-view';

const ZWallInput = z.object({
  /** The area's administrative code (市 / 区 / 街道); the viewer's own area when absent. */
  area: z
    .string()
    .regex(/^\d{6,14}$/, '区域编码应为6至14位数字')
    .optional(),
});

/**
 * Waits for the rollup to catch up, but not for long: after a long backlog (first start
 * with a year of history) the wall answers with what is counted so far and fills in.
 */
const CATCH_UP_WAIT_MS = 2_000;
function caughtUp(db: Database): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
    wallRollupOf(db)
      .catchUp()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

async function coversCase(db: Database, area: WallArea, districtId: number, caseId: number) {
  if (area.level === 'city') return true;
  if (area.level === 'district') return districtId === area.id;
  const [row] = await db.select({ streetId: cases.streetId }).from(cases).where(eq(cases.id, caseId));
  return row?.streetId === area.id;
}

export const wallRouter = router({
  /** Everything on the wall in one answer (its full refresh), for an area in the viewer's scope. */
  view: permissionProcedure('dashboard.view')
    .input(ZWallInput)
    .query(async ({ ctx, input }) => {
      const area = await resolveWallArea(ctx.db, ctx.user, input.area);
      await caughtUp(ctx.db);
      return loadWall(ctx.db, ctx.user, area, new Date());
    }),

  /**
   * Server push (SSE): each change to a case within the wall's area, after the rollup has
   * counted it, so the refetch it triggers already shows it. A new report carries its
   * list row. Fed by the event stream, so changes through any BFF process arrive.
   */
  onChange: permissionProcedure('dashboard.view')
    .input(ZWallInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const area = await resolveWallArea(ctx.db, ctx.user, input.area);
      if (!ctx.caseFeed) return;
      for await (const change of ctx.caseFeed.changes(signal)) {
        if (!(await coversCase(ctx.db, area, change.districtId, change.caseId))) continue;
        await caughtUp(ctx.db);
        const row = change.action === 'report' ? await wallCase(ctx.db, change.caseId) : null;
        yield tracked(String(change.seq), { seq: change.seq, action: change.action, caseNo: change.caseNo, row });
      }
    }),
});
