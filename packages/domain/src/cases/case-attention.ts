import type { CaseAction } from './case-actions';

/**
 * 返工 / 批示 / 督办 / 催办 on a case, as the person working it must see them: what was asked and
 * why. A case under supervision shows its latest supervision; a rework shows until the next
 * feedback answers it; a leader's instruction (批示) stands while the case is open; an urging
 * (催办) shows for the stage it was given in.
 */
export type AttentionKind = 'rework' | 'instruct' | 'supervise' | 'remind';

export const ATTENTION_NAMES: Record<AttentionKind, string> = {
  rework: '返工',
  instruct: '批示',
  supervise: '督办',
  remind: '催办',
};

/** The actions that raise each kind (a 督办单 is supervision too). */
const RAISED_BY: Partial<Record<CaseAction, AttentionKind>> = {
  rework: 'rework',
  instruct: 'instruct',
  supervise: 'supervise',
  orderSupervision: 'supervise',
  remind: 'remind',
};

/** Actions whose events the attention needs: the raising ones and the feedback that answers a rework. */
export const ATTENTION_EVENT_ACTIONS: readonly CaseAction[] = [...(Object.keys(RAISED_BY) as CaseAction[]), 'feedBack'];

export interface AttentionEvent {
  action: string;
  reason: string | null;
  actorName: string | null;
  at: Date;
}

export interface Attention {
  kind: AttentionKind;
  label: string;
  reason: string | null;
  actorName: string | null;
  at: Date;
}

export interface AttentionCase {
  /** Under 督办 (the case's flag): a supervision stays shown while it holds. */
  supervised: boolean;
  /** The running stage's start: an urging given before it was answered by moving on. */
  stageStartedAt: Date | null;
}

/** The attentions standing on a case, in kind order (返工, 批示, 督办, 催办), each the latest of its kind. */
export function caseAttention(c: AttentionCase, events: readonly AttentionEvent[]): Attention[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastFeedback =
    ordered
      .filter((e) => e.action === 'feedBack')
      .at(-1)
      ?.at.getTime() ?? -Infinity;
  const latest = new Map<AttentionKind, AttentionEvent>();
  for (const event of ordered) {
    const kind = RAISED_BY[event.action as CaseAction];
    if (kind) latest.set(kind, event);
  }
  const standing = (kind: AttentionKind, event: AttentionEvent): boolean => {
    if (kind === 'rework') return event.at.getTime() > lastFeedback;
    if (kind === 'supervise') return c.supervised;
    if (kind === 'instruct') return true;
    return c.stageStartedAt === null || event.at.getTime() >= c.stageStartedAt.getTime();
  };
  return (Object.keys(ATTENTION_NAMES) as AttentionKind[]).flatMap((kind) => {
    const event = latest.get(kind);
    if (!event || !standing(kind, event)) return [];
    return [{ kind, label: ATTENTION_NAMES[kind], reason: event.reason, actorName: event.actorName, at: event.at }];
  });
}
