import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RequireSession } from '../../features/auth/components/require-session';
import { useCaseDetail } from '../../features/cases/api/cases';
import { CaseWorkOrder } from '../../features/cases/components/case-work-order';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import styles from './case-print-page.module.css';

function PrintView() {
  const { user } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useCaseDetail(Number.isInteger(id) ? id : 0);
  const caseNo = detail.data?.case.caseNo;
  useEffect(() => {
    if (caseNo) document.title = `案件工单 ${caseNo}`;
  }, [caseNo]);

  if (detail.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (!detail.data) return <Result status="error" title="无法打开案件" subTitle={apiErrorMessage(detail.error)} />;
  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <Button onClick={() => navigate(`/desk/cases/${id}`)}>返回详情</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <CaseWorkOrder detail={detail.data} printedBy={user.displayName} />
    </div>
  );
}

/** 打印工单: outside the app shell (no header or menu), so the page is the work order itself. */
export function CasePrintPage() {
  return (
    <RequireSession>
      <PrintView />
    </RequireSession>
  );
}
