import { PrinterOutlined } from '@ant-design/icons';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { Alert, Button, Card, Progress, Steps } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { analyticsInputFromSearch } from '../../features/analytics/analytics-input';
import { useAnalyticsView } from '../../features/analytics/api/analytics';
import { MonthlyReport } from '../../features/analytics/components/monthly-report';
import { RequireSession } from '../../features/auth/components/require-session';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import styles from '../desk/case-print-page.module.css';

function ReportView() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const month = /^20\d{2}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : chinaDate(new Date()).slice(0, 7);
  const search = new URLSearchParams(params);
  search.set('from', month);
  search.set('to', month);
  const input = analyticsInputFromSearch(search, month);
  const view = useAnalyticsView(input);
  useEffect(() => {
    document.title = `月度分析报告 ${month}`;
  }, [month]);
  const step = view.data ? 2 : view.error ? 1 : 1;
  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <Button onClick={() => navigate(`/analytics?${new URLSearchParams({ from: month, to: month }).toString()}`)}>
          返回统计分析
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!view.data} onClick={() => window.print()}>
          打印 / 另存为PDF
        </Button>
      </div>
      {!view.data ? (
        <Card style={{ width: '210mm', margin: '0 auto' }} aria-label="报告生成进度">
          <Steps
            current={step}
            status={view.error ? 'error' : 'process'}
            items={[{ title: '选择月份与区域' }, { title: '汇总本月数据' }, { title: '排版报告' }]}
          />
          <Progress
            percent={view.error ? 50 : 60}
            status={view.error ? 'exception' : 'active'}
            style={{ marginTop: 16 }}
          />
          {view.error ? <Alert type="error" showIcon message={apiErrorMessage(view.error)} /> : null}
        </Card>
      ) : (
        <MonthlyReport view={view.data} printedBy={user.displayName} />
      )}
    </div>
  );
}

/** 月度分析报告 (/analytics/report?month=YYYY-MM&area=code): outside the shell, so it prints as the report itself. */
export function MonthlyReportPage() {
  return (
    <RequireSession>
      <ReportView />
    </RequireSession>
  );
}
