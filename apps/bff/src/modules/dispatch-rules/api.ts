/** What other modules may use of the dispatch-rules module; every other file in this folder is internal. */
export { ruleForCase } from './rule-for-case';
