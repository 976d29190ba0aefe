/**
 * 派遣助手 latency after the many-cases load: `dispatchAssistance` (rule, grid members,
 * similar closed cases, department records) called directly as linjiang.dispatcher for
 * filed cases of the district, each a different case so no plan or page is reused by luck.
 */
import { performance } from 'node:perf_hooks';
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { dispatchAssistance } from '../apps/bff/src/modules/dispatch-assistant/dispatch-assistant';
import { type OpenDatabase, rowsOf } from '../packages/db/src/client';
import { type Summary, summarise } from './stats';

export const ASSISTANT_CALLS = 100;

export interface AssistantFigures {
  latency: Summary;
  /** Mean similar closed cases and department rows per answer. */
  similar: number;
  departments: number;
}

export async function benchDispatchAssistant(open: OpenDatabase): Promise<AssistantFigures> {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'linjiang.dispatcher') });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error('no seeded linjiang.dispatcher');
  const ids = rowsOf<{ id: number }>(
    await open.db.execute(
      `select id from cases where district_id = ${user.areaId} and status = 'filed' order by id limit ${ASSISTANT_CALLS}`,
    ),
  ).map((r) => Number(r.id));
  if (ids.length === 0) throw new Error('no filed cases to assist with');
  const samples: number[] = [];
  let similar = 0;
  let departments = 0;
  for (const id of ids) {
    const started = performance.now();
    const answer = await dispatchAssistance(open.db, user, id);
    samples.push(performance.now() - started);
    similar += answer.similar.length;
    departments += answer.departments.length;
  }
  return { latency: summarise(samples), similar: similar / ids.length, departments: departments / ids.length };
}
