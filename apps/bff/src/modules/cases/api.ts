/**
 * What other modules may use of the cases module: the transition core (the one way a
 * case changes: `transitionCase`, `openCase`), its actors, loading a case through the
 * caller's scope, the scope conditions for lists, and the case summary columns. Other
 * files here are internal.
 */
export { type CaseActor, personActor, SYSTEM_ACTORS } from './case-actor';
export { caseSummaryColumns } from './case-columns';
export { caseScope, caseWorkScope } from './case-scope';
export { type CaseRow, loadCaseForWork, loadCaseInScope } from './load-case';
export { type NewCase, openCase, requireActionPermission, transitionCase } from './transition-case';
