import type { CaseRow } from './load-case';

/**
 * 推送执法系统: a case filed by the enforcement area chief (执法立案) goes to the
 * enforcement case system. TODO(integrations): the enforcement-system adapter is being
 * built separately; wire it here (through an outbox table written in this transaction,
 * as the style guide's adapters do). Until then the timeline records the push as
 * 'pending' and nothing leaves the platform.
 */
export async function pushToEnforcementSystem(_row: CaseRow): Promise<{ pushState: 'pending' }> {
  return { pushState: 'pending' };
}
