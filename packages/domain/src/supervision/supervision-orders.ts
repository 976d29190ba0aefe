/**
 * 督办单 (supervision orders): issued to a department with a reply due time; the
 * department replies (回复). An order not replied by its due time, or replied after it,
 * is 逾期 and shows as escalated (已升级) to the issuer's superiors.
 */
export const SUPERVISION_ORDER_STATUSES = ['open', 'replied'] as const;
export type SupervisionOrderStatus = (typeof SUPERVISION_ORDER_STATUSES)[number];

export type SupervisionOrderState = 'awaiting' | 'escalated' | 'replied' | 'replied_late';

export const SUPERVISION_ORDER_STATE_NAMES: Record<SupervisionOrderState, string> = {
  awaiting: '待回复',
  escalated: '逾期未回复（已升级）',
  replied: '已回复',
  replied_late: '逾期回复（已升级）',
};

/** Where an order stands at a moment: awaiting or escalated while open, replied in time or late. */
export function supervisionOrderState(
  order: { replyDueAt: Date; repliedAt: Date | null },
  now: Date,
): SupervisionOrderState {
  const due = order.replyDueAt.getTime();
  if (order.repliedAt) return order.repliedAt.getTime() <= due ? 'replied' : 'replied_late';
  return now.getTime() > due ? 'escalated' : 'awaiting';
}

export function isEscalated(state: SupervisionOrderState): boolean {
  return state === 'escalated' || state === 'replied_late';
}

/** The shortest and longest reply time an issuer may set, in hours. */
export const REPLY_HOURS_MIN = 1;
export const REPLY_HOURS_MAX = 24 * 30;
