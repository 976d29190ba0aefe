/**
 * What other modules may use of the evaluation module: its stale-facts consumer's catch-up
 * (start-up runs it in the background) and its start at the head after a history is
 * seeded, so the first ranking does not read the whole backlog.
 */
export { catchUpStaleFacts, startStaleFactsAtHead } from './stale-facts';
