/**
 * What other modules may use of the evaluation module: the catch-up of its stale-facts
 * consumer (start-up runs it in the background, so the first ranking after a long
 * history does not read the whole backlog).
 */
export { catchUpStaleFacts } from './stale-facts';
