import { Empty } from 'antd';
import { useState } from 'react';
import type { Subject } from '../../features/enforcement/api/enforcement';
import { SubjectCases } from '../../features/enforcement/components/subject-cases';
import { SubjectHistory } from '../../features/enforcement/components/subject-history';
import { SubjectSearch } from '../../features/enforcement/components/subject-search';
import { PhonePage, PhoneSection } from '../../features/street-tasks/components/phone-page';
import { phoneCaseHref } from './case-subjects';

/** /m/subjects — 当事人查询 on the phone (以人查事): a subject's 违法 / 处罚记录 and the cases linked to it. */
export function SubjectsPage() {
  const [subject, setSubject] = useState<Subject | null>(null);
  return (
    <PhonePage title="当事人查询" backTo="/" backLabel="返回首页">
      <PhoneSection title="查询执法系统" labelledBy="subject-search-title">
        <SubjectSearch selectedId={subject?.subjectId ?? null} onSelect={setSubject} />
      </PhoneSection>
      {subject ? (
        <section aria-label={`${subject.name}的记录`}>
          <SubjectHistory subject={subject} />
          <SubjectCases subjectId={subject.subjectId} caseHref={phoneCaseHref} />
        </section>
      ) : (
        <PhoneSection>
          <Empty description="按姓名、身份证号、单位名称或统一社会信用代码查询，点选当事人查看其违法、处罚记录和关联案件" />
        </PhoneSection>
      )}
    </PhonePage>
  );
}
