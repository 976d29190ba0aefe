import { permissionProcedure, router } from '../../trpc/procedures';
import { ZCaseEnforcementInput, ZLinkInput, ZLookupInput, ZPushInput, ZSubjectCasesInput } from './enforcement-schemas';
import {
  caseEnforcement,
  casesOfSubject,
  linkSubject,
  lookupSubjects,
  pushCaseSource,
  unlinkSubject,
} from './enforcement-service';

/** 执法布控: subject lookup in the enforcement system, case ↔ subject links both ways, 案源 push. */
export const enforcementRouter = router({
  lookup: permissionProcedure('enforcement.view')
    .input(ZLookupInput)
    .query(({ ctx, input }) => lookupSubjects(ctx.db, ctx.user, ctx.config, input)),

  /** 以人查事 */
  subjectCases: permissionProcedure('enforcement.view')
    .input(ZSubjectCasesInput)
    .query(({ ctx, input }) => casesOfSubject(ctx.db, ctx.user, input.subjectId)),

  /** 以事查人, with the push state and feedback. */
  caseView: permissionProcedure('enforcement.view')
    .input(ZCaseEnforcementInput)
    .query(({ ctx, input }) => caseEnforcement(ctx.db, ctx.user, input.caseId)),

  link: permissionProcedure('enforcement.push')
    .input(ZLinkInput)
    .mutation(({ ctx, input }) => linkSubject(ctx.db, ctx.user, ctx.config, input)),

  unlink: permissionProcedure('enforcement.push')
    .input(ZLinkInput)
    .mutation(({ ctx, input }) => unlinkSubject(ctx.db, ctx.user, input)),

  push: permissionProcedure('enforcement.push')
    .input(ZPushInput)
    .mutation(({ ctx, input }) => pushCaseSource(ctx.db, ctx.user, input)),
});
