import type { Queryable } from '@citygov/db/client';
import { firstLineOf, isStreetGovernance } from '@citygov/domain/street-chiefs/chief-lines';
import { receiverForPost } from '../street-chiefs/api';
import { SYSTEM_ACTORS } from './case-actor';
import type { CaseRow } from './load-case';
import { transitionCase } from './transition-case';

/**
 * 街面派单: a new street-governance report (街面秩序类) goes at once to the 街长 of its
 * grid on the category's first line (or to their delegate during a 交接班), through the
 * transition core, so the routing is on the timeline. A grid without that chief leaves
 * the report to the desk's usual chain.
 */
export async function routeStreetCase(db: Queryable, row: CaseRow, now: Date): Promise<CaseRow> {
  if (row.status !== 'reported' || !isStreetGovernance(row.kind, row.categoryCode)) return row;
  const line = firstLineOf(row.categoryCode);
  const receiver = await receiverForPost(db, row.gridId, line, 'street', now);
  if (!receiver) return row;
  const route = {
    line,
    chiefUserId: receiver.userId,
    chiefName: receiver.displayName,
    delegatedFrom: receiver.delegatedFrom?.displayName ?? null,
  };
  return transitionCase(db, SYSTEM_ACTORS.streetRouting, row, 'routeToChief', route, now);
}
