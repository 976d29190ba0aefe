/** What other parts may use of the search module: the index runner (start-up catch-up, the bench). */

export { caseFilterConditions, caseFilterFields } from './case-filters';
export { searchIndexOf } from './search-index';
