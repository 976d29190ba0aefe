/**
 * What the shift lead's duplicate decisions teach at once (no retrain): each 并案 of a
 * suspected pair and each 不是重复 moves a bias on the logit of the duplicate score, one
 * step of online logistic regression (bias += rate × (label − predicted)), for the
 * candidate's category city-wide and, more strongly, for the candidate case itself (a
 * busy stall spot that keeps attracting false matches). Biases are clamped so a few
 * decisions cannot switch duplicate detection off.
 */

export interface DuplicateLearning {
  /** Category key ("event:09005") → logit bias. */
  category: Readonly<Record<string, number>>;
  /** Candidate case id → logit bias. */
  cases: Readonly<Record<string, number>>;
}

export const EMPTY_LEARNING: DuplicateLearning = { category: {}, cases: {} };

export const LEARNING_RATES = { category: 0.3, case: 1 } as const;
export const LEARNING_CLAMP = { category: 1.5, case: 3 } as const;

/** The logit bias to add when scoring against this candidate. */
export function learnedBias(learning: DuplicateLearning, categoryKey: string, caseId: number): number {
  return (learning.category[categoryKey] ?? 0) + (learning.cases[String(caseId)] ?? 0);
}

const clamp = (x: number, limit: number) => Math.max(-limit, Math.min(limit, x));

export interface DuplicateDecisionFeedback {
  categoryKey: string;
  candidateId: number;
  /** The score the pair was given when flagged (0–1). */
  predicted: number;
  /** true: merged (same problem); false: 不是重复. */
  duplicate: boolean;
}

/** The bias steps one decision makes (what to add to the stored values). */
export function learningStep(feedback: DuplicateDecisionFeedback): { category: number; case: number } {
  const error = (feedback.duplicate ? 1 : 0) - Math.min(1, Math.max(0, feedback.predicted));
  return { category: LEARNING_RATES.category * error, case: LEARNING_RATES.case * error };
}

/** The learning after one decision. */
export function learnFromDecision(learning: DuplicateLearning, feedback: DuplicateDecisionFeedback): DuplicateLearning {
  const step = learningStep(feedback);
  const caseKey = String(feedback.candidateId);
  return {
    category: {
      ...learning.category,
      [feedback.categoryKey]: clamp(
        (learning.category[feedback.categoryKey] ?? 0) + step.category,
        LEARNING_CLAMP.category,
      ),
    },
    cases: { ...learning.cases, [caseKey]: clamp((learning.cases[caseKey] ?? 0) + step.case, LEARNING_CLAMP.case) },
  };
}
