/** What the demo history is drawn from: the seeded city, its catalogue and staff, and the sample reports. */
import type { CaseStage, Urgency } from '@citygov/domain/cases/case-states';
import type { LimitUnit } from '@citygov/domain/deadlines/time-limits';
import type { StepRole } from './case-life';

export interface HistoryGrid {
  id: number;
  communityId: number;
  streetId: number;
  districtId: number;
  name: string;
  lng: number;
  lat: number;
}

export interface HistoryCategory {
  kind: 'component' | 'event';
  code: string;
  name: string;
}

export interface HistoryPerson {
  id: number;
  name: string;
}

export interface HistoryDepartment {
  id: number;
  name: string;
  /** A handler account of the department, who takes up and feeds back its cases. */
  handler: HistoryPerson | null;
}

/** One district's desk staff and professional departments. */
export interface DistrictStaff {
  people: Partial<Record<Exclude<StepRole, 'reporter' | 'system' | 'handler'>, HistoryPerson>>;
  /** Street id → that street's collector (监督员), where one exists. */
  streetCollectors: ReadonlyMap<number, HistoryPerson>;
  departments: readonly HistoryDepartment[];
}

/** A labelled sample report (text, 小类 code, channel, urgency). */
export interface SampleReport {
  text: string;
  code: string;
  source: string;
  urgency: Urgency;
}

export interface HistoryContext {
  grids: readonly HistoryGrid[];
  categories: readonly HistoryCategory[];
  /** `${kind}:${code}:${urgency}:${stage}` → limit. */
  limits: ReadonlyMap<string, { amount: number; unit: LimitUnit }>;
  districts: ReadonlyMap<number, DistrictStaff>;
  samples: readonly SampleReport[];
}

export function limitKey(kind: string, code: string, urgency: string, stage: CaseStage): string {
  return `${kind}:${code}:${urgency}:${stage}`;
}
