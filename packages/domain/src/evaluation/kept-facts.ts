import { COUNTER_KEYS, POSITION_KINDS } from './subjects';
import type { TimelineFacts } from './timeline-facts';

/**
 * Timeline facts as kept in the database: a compact JSON array, since a month of a large
 * city keeps hundreds of thousands of them and reads them all for one ranking. The version
 * changes whenever counters, positions or the facts' rules change, so facts kept under
 * older rules read as missing and are computed afresh.
 */
export const KEPT_FACTS_VERSION = 1;

/** [version, voided, area counters, department counters or null, people triples]. */
type Kept = [number, 0 | 1, readonly number[], readonly number[] | null, readonly number[]];

export function keepFacts(facts: TimelineFacts): Kept {
  return [KEPT_FACTS_VERSION, facts.voided ? 1 : 0, facts.area, facts.department, facts.people];
}

/** Whether every entry is an index below `size` (a counter or position that exists). */
function indexesBelow(value: unknown, size: number, stride = 1, offset = 0): value is number[] {
  if (!Array.isArray(value) || value.length % stride !== 0) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) return false;
    if (i % stride === offset && (v < 0 || v >= size)) return false;
  }
  return true;
}

/** Kept facts read back; anything else (another version, damaged) is null, to be computed afresh. */
export function readKeptFacts(value: unknown): TimelineFacts | null {
  const kept = typeof value === 'string' ? safeParse(value) : value;
  if (!Array.isArray(kept) || kept.length !== 5 || kept[0] !== KEPT_FACTS_VERSION) return null;
  const [, voided, area, department, people] = kept as unknown[];
  if (!indexesBelow(area, COUNTER_KEYS.length)) return null;
  const departmentCounters = department === null || indexesBelow(department, COUNTER_KEYS.length) ? department : false;
  if (departmentCounters === false) return null;
  // People: position, actor, counter — positions and counters are checked, actors are ids.
  if (!indexesBelow(people, POSITION_KINDS.length, 3, 0)) return null;
  for (let i = 2; i < people.length; i += 3) {
    const counter = people[i] as number;
    if (counter < 0 || counter >= COUNTER_KEYS.length) return null;
  }
  return { voided: voided === 1, area, department: departmentCounters, people };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
