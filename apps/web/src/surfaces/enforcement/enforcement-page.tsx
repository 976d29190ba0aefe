import { Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import type { Subject } from '../../features/enforcement/api/enforcement';
import { SubjectCases } from '../../features/enforcement/components/subject-cases';
import { SubjectHistory } from '../../features/enforcement/components/subject-history';
import { SubjectSearch } from '../../features/enforcement/components/subject-search';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

/** 执法布控 (/enforcement): look a subject up in the enforcement system, its history and the cases linked to it. */
export function EnforcementPage() {
  const { user } = useSession();
  const [subject, setSubject] = useState<Subject | null>(null);
  return (
    <>
      <PageHeader
        title="执法布控"
        description={`${user.areaName} · 查询执法系统中的当事人（自然人、单位）及其违法、处罚记录，以人查事`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title="当事人查询">
            <SubjectSearch selectedId={subject?.subjectId ?? null} onSelect={setSubject} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {subject ? (
            <>
              <SubjectHistory subject={subject} />
              <SubjectCases subjectId={subject.subjectId} />
            </>
          ) : (
            <Card size="small">
              <Empty description="查询后点选一名当事人，查看其违法、处罚记录和关联案件" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
