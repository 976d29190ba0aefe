/**
 * 街长制 street governance: every grid has a 街长 (street chief) and a 片长 (area chief)
 * on two lines, 管理 (management: persuade, educate, verify) and 执法 (enforcement: act
 * on the spot, escalate for filing). Street-governance cases go to the chiefs instead of
 * the desk's dispatch chain. Pure rules only; the assignments and delegations live in
 * the street-chiefs module.
 */
export const CHIEF_LINES = { management: '管理', enforcement: '执法' } as const;
export type ChiefLine = keyof typeof CHIEF_LINES;
export const CHIEF_LINE_KEYS = Object.keys(CHIEF_LINES) as [ChiefLine, ...ChiefLine[]];

export const CHIEF_LEVELS = { street: '街长', area: '片长' } as const;
export type ChiefLevel = keyof typeof CHIEF_LEVELS;
export const CHIEF_LEVEL_KEYS = Object.keys(CHIEF_LEVELS) as [ChiefLevel, ...ChiefLevel[]];

/** 管理街长, 执法片长… */
export function chiefTitle(line: ChiefLine, level: ChiefLevel): string {
  return `${CHIEF_LINES[line]}${CHIEF_LEVELS[level]}`;
}

/** The catalogue's 街面秩序类 (event major 09) is what the chiefs handle. */
export const STREET_GOVERNANCE_MAJOR = '09';

export function isStreetGovernance(kind: string, categoryCode: string): boolean {
  return kind === 'event' && categoryCode.startsWith(STREET_GOVERNANCE_MAJOR);
}

/**
 * Categories that need enforcement from the start (游商, 临街屠宰, 无证餐饮, 铁轮车上路);
 * everything else in 街面秩序 goes to the management line first, which may hand it over.
 */
const ENFORCEMENT_FIRST: ReadonlySet<string> = new Set(['09001', '09013', '09015', '09018']);

export function firstLineOf(categoryCode: string): ChiefLine {
  return ENFORCEMENT_FIRST.has(categoryCode) ? 'enforcement' : 'management';
}

/** A chief's 交接班 (A/B post): grids handed to another person for a time window. */
export interface DelegationWindow {
  fromUserId: number;
  toUserId: number;
  /** null: all of the chief's grids. */
  gridIds: readonly number[] | null;
  startsAt: Date;
  endsAt: Date;
  /** Ended early by hand. */
  endedAt: Date | null;
}

export type DelegationState = 'scheduled' | 'active' | 'ended';

export const DELEGATION_STATE_NAMES: Record<DelegationState, string> = {
  scheduled: '未开始',
  active: '生效中',
  ended: '已结束',
};

/** Delegations end by themselves: no job flips a flag, the window is read at the time asked. */
export function delegationState(d: DelegationWindow, now: Date): DelegationState {
  if (d.endedAt && d.endedAt <= now) return 'ended';
  if (now >= d.endsAt) return 'ended';
  return now < d.startsAt ? 'scheduled' : 'active';
}

export function delegationCovers(d: DelegationWindow, gridId: number, now: Date): boolean {
  return delegationState(d, now) === 'active' && (d.gridIds === null || d.gridIds.includes(gridId));
}

/**
 * Who receives a case for a chief post now: the chief, or the delegate of the newest
 * delegation covering the grid. One hop only: a delegate's own delegation does not pass
 * the case on again (a night-duty lead who delegates must say so to the chief).
 */
export function receiverFor(
  chiefUserId: number,
  gridId: number,
  delegations: readonly DelegationWindow[],
  now: Date,
): { userId: number; delegatedFrom: number | null } {
  const covering = delegations
    .filter((d) => d.fromUserId === chiefUserId && delegationCovers(d, gridId, now))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  const newest = covering[0];
  return newest
    ? { userId: newest.toUserId, delegatedFrom: chiefUserId }
    : { userId: chiefUserId, delegatedFrom: null };
}

/** Refusals of a delegation request, in Chinese (null = fine). */
export function delegationProblem(
  input: { fromUserId: number; toUserId: number; startsAt: Date; endsAt: Date },
  now: Date,
): string | null {
  if (input.toUserId === input.fromUserId) return '不能交接给自己';
  if (input.endsAt <= input.startsAt) return '结束时间须晚于开始时间';
  if (input.endsAt <= now) return '结束时间已过';
  if (input.endsAt.getTime() - input.startsAt.getTime() > 31 * 24 * 3600_000) return '交接时段最长 31 天';
  return null;
}

/**
 * The education SMS (教育短信) a management chief sends the subject of a case; the city
 * configures one text per major later, this is the default.
 */
export function educationMessage(categoryName: string, address: string): string {
  return `【城市管理】您在${address}的「${categoryName}」行为影响街面秩序，请立即整改。如有疑问请联系所在街道城管。`;
}
