/**
 * 自动下岗: a phone that dies or leaves coverage sends no 下岗, so its person would stay 在岗
 * for ever — 在岗统计 hours growing without end, and 片长指挥 counting on someone who is
 * not there. A person on duty whose phone has sent no fix for the silence limit (and who
 * has not gone 上岗 since) is taken off duty by the system, dated at the last sign of life:
 * the hours after the phone went silent are not duty.
 */

/** The silence limit unless the deployment sets another (CITYGOV_DUTY_SILENCE_MINUTES). */
export const DEFAULT_DUTY_SILENCE_MINUTES = 30;

export interface DutyState {
  onDuty: boolean;
  /** When the current state began (the last 上岗 for a person on duty). */
  since: Date;
  /** The person's newest GPS fix, any time (null: never reported one). */
  lastFixAt: Date | null;
}

/**
 * The last moment the person is known to have been working: their newest fix, or 上岗
 * when no fix has come since (a fix of an earlier shift says nothing about this one).
 * This is when an automatic 下岗 is dated.
 */
export function lastSignOfLife(duty: Pick<DutyState, 'since' | 'lastFixAt'>): Date {
  const { since, lastFixAt } = duty;
  return lastFixAt && lastFixAt.getTime() > since.getTime() ? lastFixAt : since;
}

/** When an on-duty person becomes silent (lastSignOfLife + limit); null when off duty. */
export function silentAt(duty: DutyState, limitMinutes: number): Date | null {
  if (!duty.onDuty) return null;
  return new Date(lastSignOfLife(duty).getTime() + limitMinutes * 60_000);
}

/** Whether the person counts as silent at `now`: on duty and nothing heard for longer than the limit. */
export function isSilent(duty: DutyState, now: Date, limitMinutes: number): boolean {
  const at = silentAt(duty, limitMinutes);
  return at !== null && now.getTime() > at.getTime();
}

/** How an automatic 下岗 reads wherever the duty log is shown (在岗统计, the phone's card). */
export function autoOffLabel(limitMinutes: number): string {
  return `自动下岗（超过${limitMinutes}分钟无定位）`;
}

/** What the phone is told when it reports after an automatic 下岗. */
export function autoOffRefusal(limitMinutes: number): string {
  return `您已被${autoOffLabel(limitMinutes)}，之后的位置不再记录，请重新上岗`;
}
