import type { ChiefLine } from '../street-chiefs/chief-lines';
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
  /** 街长制: the line holding a street-governance case (null or absent: not a chief case). */
  chiefLine?: ChiefLine | null;
  /** The caller's chief posts for the case's grid (own or by an active 交接班): lines per level. */
  chiefPart?: { street: readonly ChiefLine[]; area: readonly ChiefLine[] };
  /** 执法立案 done: the case closes by both lines' area chiefs. */
  enforcementFiled?: boolean;
  /** 联合结案: the line whose area chief signed first. */
  closeSignedLine?: ChiefLine | null;
}
