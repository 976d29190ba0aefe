import type { Queryable } from '@citygov/db/client';
import type { cases } from '@citygov/db/schema/cases';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import type { PlannedAction } from '@citygov/domain/cases/plan-case-action';
import { ValidationError } from '@citygov/domain/errors';
import type { z } from 'zod';
import type { ChiefPosts } from '../../street-chiefs/api';
import type { CaseActor } from '../case-actor';
import type { DepartmentPart } from '../case-snapshot';
import type { CaseRow } from '../load-case';

export type CaseUpdate = Partial<typeof cases.$inferInsert>;

/** What one action sees: the case as read, the plan the rules made, and its own validated input. */
export interface ActionContext<I> {
  db: Queryable;
  actor: CaseActor;
  row: CaseRow;
  plan: PlannedAction;
  input: I;
  /** The actor's department's part in the case (department staff only). */
  part: DepartmentPart | undefined;
  /** The actor's chief posts for the case's grid (street-governance cases only). */
  chief?: ChiefPosts | undefined;
  now: Date;
  /** Columns this action sets on the case row besides the state (written by the core's one conditional update). */
  update: CaseUpdate;
  /** Facts for the timeline and the event stream (departments, rule, score…). */
  detail: Record<string, unknown>;
  /** Writes to other tables, run only after the conditional update claimed the case. */
  after(write: () => Promise<void>): void;
}

/** The erased form the core runs; built by `defineAction`, which keeps each action's input typed. */
export interface ActionHandler {
  prepare(context: Omit<ActionContext<unknown>, 'input'>, rawInput: object): Promise<void>;
  /** A step that follows in the same transaction (立案 → 自动派遣), taken by the core like any other. */
  followUp?: ((db: Queryable, updated: CaseRow) => Promise<FollowUp | null>) | undefined;
}

export interface FollowUp {
  actor: CaseActor;
  action: CaseAction;
  input: object;
}

export interface ActionSpec<S extends z.ZodType<object>> {
  /** The fields this action needs beyond the common ones (reason, confirmed, photos), with their rules. */
  input?: S;
  effects?(context: ActionContext<z.output<S>>): Promise<void> | void;
  followUp?: ActionHandler['followUp'];
}

/** One action's particular part: its input schema and its effects. */
export function defineAction<S extends z.ZodType<object>>(spec: ActionSpec<S>): ActionHandler {
  return {
    async prepare(context, rawInput) {
      const parsed = spec.input ? spec.input.safeParse(rawInput) : { success: true as const, data: {} };
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') || undefined;
        throw new ValidationError(issue?.message ?? '输入有误', field ? { field } : {});
      }
      await spec.effects?.({ ...context, input: parsed.data as z.output<S> });
    },
    followUp: spec.followUp,
  };
}

/** An action with nothing particular: the table row says all. */
export const stateOnly: ActionHandler = defineAction({});
