import { users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { and, count, eq } from 'drizzle-orm';
import { permissionProcedure, router } from '../../trpc/procedures';
import { hasLoginLock } from '../auth/api';
import { withinAreaScope } from '../org/api';

export interface TodoItem {
  key: string;
  label: string;
  count: number;
  href: string;
}

/** The three theme entries of the portal (三大专题). */
const THEMES = [
  { key: 'street', name: '街面治理', description: '街长/片长街面处置、网格巡查、信息采集', href: '/street' },
  { key: 'smart', name: '智慧城管', description: '一口受理、协同派遣、处置核查、指挥调度', href: '/smart' },
  { key: 'inspection', name: '督查考核', description: '交叉抽查、综合评价、督办考核', href: '/inspection' },
] as const;

export const portalRouter = router({
  /** A signed-in user's home: theme entries and to-do counts for what their role does. */
  home: permissionProcedure('portal.view').query(async ({ ctx }) => {
    const todos: TodoItem[] = [];
    if (ctx.user.permissions.has('user.manage')) {
      const [locked] = await ctx.db
        .select({ n: count() })
        .from(users)
        .innerJoin(areas, eq(areas.id, users.areaId))
        .where(and(withinAreaScope(ctx.user, areas.path), hasLoginLock(users.username)));
      const [inactive] = await ctx.db
        .select({ n: count() })
        .from(users)
        .innerJoin(areas, eq(areas.id, users.areaId))
        .where(and(withinAreaScope(ctx.user, areas.path), eq(users.active, false)));
      todos.push(
        { key: 'lockedUsers', label: '被锁定账号', count: locked?.n ?? 0, href: '/admin/users?status=locked' },
        { key: 'inactiveUsers', label: '已停用账号', count: inactive?.n ?? 0, href: '/admin/users?status=inactive' },
      );
    }
    return { themes: THEMES, todos };
  }),
});
