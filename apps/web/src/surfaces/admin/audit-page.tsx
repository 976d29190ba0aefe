import { Alert, Card } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuditLog } from '../../features/audit/api/audit';
import { AuditFilters, type AuditFilterValues } from '../../features/audit/components/audit-filters';
import { AuditTable } from '../../features/audit/components/audit-table';
import { isOutcome } from '../../features/audit/labels';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

const PAGE_SIZE = 20;

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const outcome = params.get('outcome');
  const filters: AuditFilterValues = {
    username: params.get('username') ?? '',
    action: params.get('action') ?? '',
    outcome: isOutcome(outcome) ? outcome : undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const log = useAuditLog({
    username: filters.username.trim() || undefined,
    action: filters.action.trim() || undefined,
    outcome: filters.outcome,
    page,
    pageSize: PAGE_SIZE,
  });

  const navigate = (next: AuditFilterValues, nextPage = 1) => {
    const search = new URLSearchParams();
    if (next.username.trim()) search.set('username', next.username.trim());
    if (next.action.trim()) search.set('action', next.action.trim());
    if (next.outcome) search.set('outcome', next.outcome);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search, { replace: true });
  };

  return (
    <div>
      <PageHeader title="操作日志" description="登录与各项管理操作的记录（时间为北京时间）" />
      <Card>
        <AuditFilters values={filters} onChange={(next) => navigate(next)} />
        {log.isError ? (
          <Alert type="error" showIcon title={apiErrorMessage(log.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <AuditTable
          rows={log.data?.rows ?? []}
          loading={log.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: log.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条记录`,
            onChange: (next) => navigate(filters, next),
          }}
        />
      </Card>
    </div>
  );
}
