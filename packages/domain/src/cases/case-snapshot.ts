import type { CaseStatus, CheckResult, PendingKind } from './case-states';

/** What the rules need to know about a case to decide an action. */
export interface CaseSnapshot {
  status: CaseStatus;
  pendingKind: PendingKind | null;
  checkResult: CheckResult | null;
  hungUpFrom: CaseStatus | null;
  /** Sent by 强制派遣: the department may not return it. */
  forced?: boolean;
  /** Under 督办 (a tag or an open 督办单). */
  supervised?: boolean;
  /**
   * The caller's department's part in the case, for department staff: lead (主办),
   * assist (协办) or none. Undefined for staff outside departments (no such check).
   */
  departmentRole?: 'lead' | 'assist' | null;
}
