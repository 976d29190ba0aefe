import { actionHasField, type CaseAction } from '@citygov/domain/cases/case-actions';
import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { DispatchAssistant } from './dispatch-assistant';

/** 派遣 / 强制派遣 dialog body: the form on the left, 派遣助手 beside it (below it on a narrow screen). */
export function DispatchDialogLayout({ caseId, children }: { caseId: number; children: ReactNode }) {
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={8} xl={9}>
        {children}
      </Col>
      <Col xs={24} lg={16} xl={15}>
        <DispatchAssistant caseId={caseId} />
      </Col>
    </Row>
  );
}

/** Actions that choose departments (the table's `departments` field) get 派遣助手 beside the form. */
export function isAssistedDispatch(action: CaseAction): boolean {
  return actionHasField(action, 'departments');
}
