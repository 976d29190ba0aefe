import { permissionProcedure, router } from '../../trpc/procedures';
import { issueDepartmentOrder, replyDepartmentOrder } from './department-orders';
import { listOrders } from './order-queries';
import { ZIssueDepartmentOrderInput, ZListOrdersInput, ZReplyDepartmentOrderInput } from './supervision-schemas';

/** 督办单: lists in scope, and orders to a department about its work (case orders are `cases.act`). */
export const supervisionRouter = router({
  orders: permissionProcedure('case.view')
    .input(ZListOrdersInput)
    .query(({ ctx, input }) => listOrders(ctx.db, ctx.user, input)),

  issueDepartmentOrder: permissionProcedure('case.supervise')
    .input(ZIssueDepartmentOrderInput)
    .mutation(({ ctx, input }) => issueDepartmentOrder(ctx.db, ctx.user, input)),

  replyDepartmentOrder: permissionProcedure('case.handle')
    .input(ZReplyDepartmentOrderInput)
    .mutation(({ ctx, input }) => replyDepartmentOrder(ctx.db, ctx.user, input)),
});
