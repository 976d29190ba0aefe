/**
 * The BFF counts at most 10,000 matching cases (`more` says there were more): a list total
 * or queue count reads "10,000+" past that, in the desk's pagination and queue badges.
 */
export function formatBoundedTotal(total: number, more: boolean): string {
  return `${total.toLocaleString('zh-CN')}${more ? '+' : ''}`;
}

/**
 * The total to give the pager. A bounded total leaves paging open: one page beyond the
 * current one (and at least the 10,000 counted) until a page comes back short, which is
 * the last.
 */
export function pagerTotal(
  result: { total: number; more: boolean; rows: readonly unknown[] },
  page: number,
  pageSize: number,
): number {
  if (!result.more) return result.total;
  if (result.rows.length < pageSize) return (page - 1) * pageSize + result.rows.length;
  return Math.max(result.total, page * pageSize) + pageSize;
}
