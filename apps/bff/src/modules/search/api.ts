/** What other parts may use of the search module: the shared case filters, the index runner (start-up catch-up, the bench). */

export { caseFilterConditions, caseFilterFields, fuzzyTextMatch } from './case-filters';
export { searchIndexCaughtUp, searchIndexOf } from './search-index';
