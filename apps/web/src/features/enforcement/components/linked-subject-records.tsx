import { Alert, Skeleton } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { useSubject } from '../api/enforcement';
import { SubjectCases } from './subject-cases';
import { SubjectHistory } from './subject-history';

/**
 * 以事查人, one step further: a linked subject's 违法记录 / 处罚记录 as the enforcement system
 * holds them now, and the other cases it is linked to.
 */
export function LinkedSubjectRecords({
  subjectId,
  caseHref,
}: {
  subjectId: string;
  caseHref?: (caseId: number) => string;
}) {
  const subject = useSubject(subjectId);
  if (subject.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (subject.isError) return <Alert type="error" showIcon message={apiErrorMessage(subject.error)} />;
  if (!subject.data) return <Alert type="warning" showIcon message="执法系统中已查不到该当事人" />;
  return (
    <section aria-label={`${subject.data.name}的记录`}>
      <SubjectHistory subject={subject.data} />
      <SubjectCases subjectId={subjectId} caseHref={caseHref} />
    </section>
  );
}
