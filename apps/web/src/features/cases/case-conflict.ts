import { apiAppCode } from '../../lib/api-error';

/**
 * Someone else changed the case first, or its state no longer allows the action: the
 * dialog closes, says what happened, and the case reloads.
 */
export function isCaseConflict(error: unknown): boolean {
  const code = apiAppCode(error);
  return code === 'CASE_VERSION_CONFLICT' || code === 'CASE_STATE_CONFLICT';
}
