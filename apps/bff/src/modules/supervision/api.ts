/** What other modules may use of the supervision module: the 督办单 counts (leader's tablet). */
export { listOrders, orderCounts } from './order-queries';
