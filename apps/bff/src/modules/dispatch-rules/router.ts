import { permissionProcedure, router } from '../../trpc/procedures';
import { createDispatchRule, removeDispatchRule, updateDispatchRule } from './dispatch-rule-actions';
import { dispatchRuleFormOptions, listDispatchRules } from './dispatch-rule-queries';
import {
  ZCreateDispatchRuleInput,
  ZPreviewDispatchRuleInput,
  ZRemoveDispatchRuleInput,
  ZUpdateDispatchRuleInput,
} from './dispatch-rule-schemas';
import { previewDispatchRule } from './preview-dispatch-rule';

/** 派遣规则: administrators keep category × area × urgency → departments, scoped to their area. */
export const dispatchRulesRouter = router({
  list: permissionProcedure('rules.manage').query(({ ctx }) => listDispatchRules(ctx.db, ctx.user)),

  /** What the rule form offers: the caller's area tree and the departments a rule may send to. */
  options: permissionProcedure('rules.manage').query(({ ctx }) => dispatchRuleFormOptions(ctx.db, ctx.user)),

  create: permissionProcedure('rules.manage')
    .input(ZCreateDispatchRuleInput)
    .mutation(({ ctx, input }) => createDispatchRule(ctx.db, ctx.user, input)),

  /** Edits a rule; `{ id, data: { enabled } }` switches it on or off. */
  update: permissionProcedure('rules.manage')
    .input(ZUpdateDispatchRuleInput)
    .mutation(({ ctx, input }) => updateDispatchRule(ctx.db, ctx.user, input)),

  remove: permissionProcedure('rules.manage')
    .input(ZRemoveDispatchRuleInput)
    .mutation(({ ctx, input }) => removeDispatchRule(ctx.db, ctx.user, input.id)),

  preview: permissionProcedure('rules.manage')
    .input(ZPreviewDispatchRuleInput)
    .query(({ ctx, input }) => previewDispatchRule(ctx.db, ctx.user, input)),
});
