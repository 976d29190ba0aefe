import type { CaseStatus } from '../cases/case-states';
import { type AreaLevel, COUNTER_KEYS, type Counter, POSITION_KINDS, type SubjectKind } from './subjects';
import { counterIndex, type TimelineFacts, type TimelineStep, timelineFacts } from './timeline-facts';

export type { TimelineStep } from './timeline-facts';

/** A case as it stands now, without its timeline: its place, department and running clock. */
export interface CaseState {
  id: number;
  source: string;
  areaIds: Record<AreaLevel, number>;
  leadDepartmentId: number | null;
  status: CaseStatus;
  /** The running clock now (for cases still open past their deadline). */
  stageDeadlineAt: Date | null;
  paused: boolean;
}

/** A case and its timeline, oldest event first; the facts every indicator is computed from. */
export interface CaseRecord extends CaseState {
  steps: readonly TimelineStep[];
}

/** A case with its timeline's facts already read (kept facts, timeline-facts.ts). */
export interface CaseWithFacts extends CaseState {
  facts: TimelineFacts;
}

/** One counted fact: this case counts in this counter of this subject. */
export interface Tally {
  subject: number;
  counter: Counter;
}

export interface TallyContext {
  /** The level areas are ranked at. */
  areaLevel: AreaLevel;
  /** Collectors whose patrol area holds the case (for 漏报: a problem someone else reported first). */
  collectorsCovering: (state: CaseState) => readonly number[];
  /** The evaluation's moment: an open case past its running deadline then is overdue. */
  asOf: Date;
}

function overdueNow(state: CaseState, asOf: Date): boolean {
  return !state.paused && state.stageDeadlineAt !== null && state.stageDeadlineAt.getTime() < asOf.getTime();
}

const isFinal = (status: CaseStatus) => status === 'closed' || status === 'voided' || status === 'merged';

const OVERDUE = counterIndex('overdue');
const OVERDUE_HANDLING = counterIndex('overdueHandling');

/**
 * The counters one case adds for one kind of subject, passed to `add`: its timeline's
 * facts, plus what depends on the moment and on patrol areas. People count by the actor
 * of each step, areas by the case's area at the ranked level, departments by the case's
 * lead department.
 */
export function tallyFacts(
  kind: SubjectKind,
  state: CaseState,
  facts: TimelineFacts,
  context: TallyContext,
  add: (subject: number, counter: Counter) => void,
): void {
  const addAll = (subject: number | null, counters: readonly number[]) => {
    if (subject === null) return;
    for (const i of counters) {
      const counter = COUNTER_KEYS[i];
      if (counter) add(subject, counter);
    }
  };
  switch (kind) {
    case 'area': {
      const area = state.areaIds[context.areaLevel];
      addAll(area, facts.area);
      const stillOverdue = !isFinal(state.status) && overdueNow(state, context.asOf);
      if (stillOverdue && !facts.area.includes(OVERDUE)) add(area, 'overdue');
      return;
    }
    case 'department': {
      const dept = state.leadDepartmentId;
      if (facts.department === null || dept === null) return;
      addAll(dept, facts.department);
      const stillHandling = state.status === 'dispatched' || state.status === 'handling';
      if (stillHandling && overdueNow(state, context.asOf) && !facts.department.includes(OVERDUE_HANDLING)) {
        add(dept, 'overdueHandling');
      }
      return;
    }
    default: {
      if (kind === 'collector') {
        for (const collector of context.collectorsCovering(state)) {
          add(collector, 'areaCases');
          if (state.source !== 'collector' && !facts.voided) add(collector, 'missed');
        }
      }
      const position = POSITION_KINDS.indexOf(kind);
      const people = facts.people;
      for (let i = 0; i + 2 < people.length; i += 3) {
        const counter = COUNTER_KEYS[people[i + 2] as number];
        if (people[i] === position && counter) add(people[i + 1] as number, counter);
      }
    }
  }
}

/** The counters one case adds for one kind of subject, read from its timeline in order. */
export function tallyCase(kind: SubjectKind, record: CaseRecord, context: TallyContext): Tally[] {
  const out: Tally[] = [];
  tallyFacts(kind, record, timelineFacts(record.source, record.steps), context, (subject, counter) =>
    out.push({ subject, counter }),
  );
  return out;
}

/** Every subject's counters over a set of cases: subject → counter → the ids of the cases it counts. */
export type SubjectCounters = Map<number, Map<Counter, number[]>>;

/** Every subject's counters over cases whose timeline facts are already read. */
export function tallyCasesWithFacts(
  kind: SubjectKind,
  items: readonly CaseWithFacts[],
  context: TallyContext,
): SubjectCounters {
  const out: SubjectCounters = new Map();
  let id = 0;
  const add = (subject: number, counter: Counter) => {
    let counters = out.get(subject);
    if (!counters) {
      counters = new Map();
      out.set(subject, counters);
    }
    const ids = counters.get(counter);
    if (ids) ids.push(id);
    else counters.set(counter, [id]);
  };
  for (const item of items) {
    id = item.id;
    tallyFacts(kind, item, item.facts, context, add);
  }
  return out;
}

export function tallyCases(kind: SubjectKind, records: readonly CaseRecord[], context: TallyContext): SubjectCounters {
  return tallyCasesWithFacts(
    kind,
    records.map((record) => ({ ...record, facts: timelineFacts(record.source, record.steps) })),
    context,
  );
}
