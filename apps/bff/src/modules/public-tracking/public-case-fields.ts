import { CASE_STAGE_NAMES, type CaseStage } from '@citygov/domain/cases/case-states';
import { PUBLIC_REPLY_ACTIONS, publicStatusName } from '@citygov/domain/tracking/public-progress';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { formatChinaMinute } from '../../lib/w3-time';

/**
 * What the public (the citizen's tracking page, Open311) may read of a case beyond its
 * own report, as SQL pieces for any query over `cases`: the reply written for the
 * reporter, and the department in charge by its public name.
 */

const replyActions = sql.join(
  PUBLIC_REPLY_ACTIONS.map((action) => sql`${action}`),
  sql`, `,
);

/** The reply to the reporter (答复): the reason of the last closing or refusing action, never any other reason. */
export const publicReplyOf = (caseId: AnyPgColumn | SQL) => sql<string | null>`(
  select e.reason from case_events e
  where e.case_id = ${caseId} and e.action in (${replyActions}) and e.reason is not null
  order by e.id desc limit 1)`;

/**
 * The department in charge as the public knows it: the lead department, or, once it
 * passed the case to one of its own teams (二级派遣, a sub-unit), the nearest unit above
 * that is not a team — how a department organises its crews is its own business.
 */
export const publicAgencyOf = (departmentId: AnyPgColumn | SQL) => sql<string | null>`(
  select a.name from departments d join departments a on d.path like a.path || '%'
  where d.id = ${departmentId} and a.kind <> 'sub_unit'
  order by length(a.path) desc limit 1)`;

export interface ProgressFields {
  status: string;
  stage: string | null;
  stageDeadlineAt: Date | null;
  pausedAt: Date | null;
}

/** One sentence on where the report stands, in plain words (service_notice, the tracking page). */
export function publicNotice(progress: ProgressFields): string {
  if (progress.status === 'closed') return '问题已处理完毕，案件已办结';
  if (progress.status === 'voided') return '经核实不属于受理范围或为重复反映，案件已作废';
  if (progress.pausedAt) return '问题需长期处理，已列入挂账计划';
  const stage = progress.stage ? CASE_STAGE_NAMES[progress.stage as CaseStage] : null;
  if (!stage) return publicStatusName(progress.status);
  const until = progress.stageDeadlineAt ? `，预计 ${formatChinaMinute(progress.stageDeadlineAt)} 前完成本环节` : '';
  return `${stage}环节办理中${until}`;
}
