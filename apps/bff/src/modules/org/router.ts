import { z } from 'zod';
import { zId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import {
  createDepartment,
  deleteDepartment,
  updateDepartment,
  ZCreateDepartmentInput,
  ZUpdateDepartmentInput,
} from './department-actions';
import { listAreaChildren, listAreaTree, listDepartments } from './org-queries';
import { requireAreaInScope } from './scope';

const ZId = z.object({ id: zId });

export const orgRouter = router({
  areaTree: permissionProcedure('org.view').query(({ ctx }) => listAreaTree(ctx.db, ctx.user)),

  areaChildren: permissionProcedure('org.view')
    .input(z.object({ parentId: zId }))
    .query(async ({ ctx, input }) => {
      await requireAreaInScope(ctx.db, ctx.user, input.parentId);
      return listAreaChildren(ctx.db, ctx.user, input.parentId);
    }),

  departments: permissionProcedure('org.view').query(({ ctx }) => listDepartments(ctx.db, ctx.user)),

  createDepartment: permissionProcedure('org.manage')
    .input(ZCreateDepartmentInput)
    .mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.user, input)),

  updateDepartment: permissionProcedure('org.manage')
    .input(ZUpdateDepartmentInput)
    .mutation(({ ctx, input }) => updateDepartment(ctx.db, ctx.user, input)),

  deleteDepartment: permissionProcedure('org.manage')
    .input(ZId)
    .mutation(({ ctx, input }) => deleteDepartment(ctx.db, ctx.user, input.id)),
});
