/**
 * What other modules may use of the cases module: the transition core (the one way a
 * case changes: `transitionCase`, `openCase`), its actors, loading a case through the
 * caller's scope, the scope conditions for lists, the case summary columns, linking
 * uploads to a case, a grid's members and a merged case's lead. Other files here are
 * internal.
 */

export { nextToCall } from './actions/case-calls';
export { remarkOnCase } from './add-remark';
export { attachUploads } from './attach-uploads';
export { type CaseActor, personActor, SYSTEM_ACTORS } from './case-actor';
export { gridMembersFor } from './case-assignments';
export { caseSummaryColumns } from './case-columns';
export { caseScope, caseWorkScope } from './case-scope';
export { type CaseRow, loadCaseForWork, loadCaseInScope } from './load-case';
export { mergeLeadOf } from './merge-links';
export { routeStreetCase } from './street-routing';
export {
  type NewCase,
  openCase,
  type ReadBeforeOpen,
  readBeforeOpen,
  requireActionPermission,
  transitionCase,
} from './transition-case';
