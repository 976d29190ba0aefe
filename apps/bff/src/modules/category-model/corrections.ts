/**
 * The acceptors' category corrections (`category_feedback` rows with `corrected`), kept
 * in the model's correction memory so the next suggestion for the same or a similar text
 * changes at once. This process applies its own corrections when recording them; other
 * BFF processes' corrections arrive by polling (new ids, at most every `POLL_EVERY_MS`).
 */
import type { Queryable } from '@citygov/db/client';
import { categoryFeedback } from '@citygov/db/schema/intake';
import type { CategoryKind, CategoryModel } from '@citygov/domain/intake/category-model';
import { type CorrectionMemory, MAX_CORRECTIONS, rememberCorrection } from '@citygov/domain/intake/category-suggest';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { categoryTokens } from '../../lib/text/segment';

export const POLL_EVERY_MS = 2_000;

interface MemoryState {
  /** Highest feedback id read from the database. */
  lastId: number;
  polledAt: number;
  /** Ids this process applied when recording (skipped when polled). */
  own: Set<number>;
  applied: number;
}

const states = new WeakMap<CorrectionMemory, MemoryState>();

function stateOf(memory: CorrectionMemory): MemoryState {
  let state = states.get(memory);
  if (!state) {
    state = { lastId: 0, polledAt: 0, own: new Set(), applied: 0 };
    states.set(memory, state);
  }
  return state;
}

function apply(
  model: CategoryModel,
  memory: CorrectionMemory,
  row: { text: string; kind: CategoryKind; code: string },
) {
  // The description alone, as the suggestion for it is scored (address words only add a little there).
  rememberCorrection(memory, model, categoryTokens(row.text), { kind: row.kind, code: row.code });
  stateOf(memory).applied++;
}

const columns = {
  id: categoryFeedback.id,
  text: categoryFeedback.text,
  address: categoryFeedback.address,
  kind: categoryFeedback.chosenKind,
  code: categoryFeedback.chosenCode,
};

export interface CategoryChoice {
  caseId: number | null;
  text: string;
  address: string | null;
  suggested: { kind: CategoryKind; code: string; score: number }[];
  modelVersion: string;
  chosen: { kind: CategoryKind; code: string };
  userId: number | null;
  at: Date;
}

export const corrections = {
  /** Loads the newest corrections into a fresh memory (at model build). */
  async reload(db: Queryable, model: CategoryModel, memory: CorrectionMemory): Promise<void> {
    const rows = await db
      .select(columns)
      .from(categoryFeedback)
      .where(eq(categoryFeedback.corrected, true))
      .orderBy(desc(categoryFeedback.id))
      .limit(MAX_CORRECTIONS);
    const state = stateOf(memory);
    for (const row of rows.reverse()) apply(model, memory, row);
    state.lastId = rows[rows.length - 1]?.id ?? 0;
    state.polledAt = Date.now();
  },

  /** Other processes' corrections since the last poll (at most every POLL_EVERY_MS). */
  async poll(db: Queryable, model: CategoryModel, memory: CorrectionMemory, now = Date.now()): Promise<void> {
    const state = stateOf(memory);
    if (now - state.polledAt < POLL_EVERY_MS) return;
    state.polledAt = now;
    const rows = await db
      .select(columns)
      .from(categoryFeedback)
      .where(and(eq(categoryFeedback.corrected, true), gt(categoryFeedback.id, state.lastId)))
      .orderBy(asc(categoryFeedback.id))
      .limit(MAX_CORRECTIONS);
    for (const row of rows) {
      if (!state.own.delete(row.id)) apply(model, memory, row);
      state.lastId = Math.max(state.lastId, row.id);
    }
  },

  /** Saves one choice; a correction is applied to this process's memory at once. */
  async record(db: Queryable, model: CategoryModel, memory: CorrectionMemory, choice: CategoryChoice): Promise<void> {
    const first = choice.suggested[0];
    const corrected = !first || first.kind !== choice.chosen.kind || first.code !== choice.chosen.code;
    const [row] = await db
      .insert(categoryFeedback)
      .values({
        caseId: choice.caseId,
        text: choice.text,
        address: choice.address,
        suggested: choice.suggested,
        modelVersion: choice.modelVersion,
        chosenKind: choice.chosen.kind,
        chosenCode: choice.chosen.code,
        corrected,
        userId: choice.userId,
        createdAt: choice.at,
      })
      .returning({ id: categoryFeedback.id });
    if (!corrected || !row) return;
    stateOf(memory).own.add(row.id);
    apply(model, memory, { text: choice.text, ...choice.chosen });
  },

  applied(memory: CorrectionMemory): number {
    return stateOf(memory).applied;
  },
};
