import { CaseEnforcementCard } from '../../features/enforcement/components/case-enforcement-card';
import { useSession } from '../../lib/session/session-context';

/** Where a case opens on the phone (read-only, with its actions if any are open to the user). */
export const phoneCaseHref = (caseId: number) => `/m/cases/${caseId}`;

/** 当事人 on the phone's case pages (以事查人), for those who may see enforcement information. */
export function CaseSubjects({ caseId }: { caseId: number }) {
  const { can } = useSession();
  if (!can('enforcement.view')) return null;
  return (
    <CaseEnforcementCard caseId={caseId} canPush={can('enforcement.push')} title="当事人" caseHref={phoneCaseHref} />
  );
}
