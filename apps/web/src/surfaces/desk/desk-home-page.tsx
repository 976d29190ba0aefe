import { FormOutlined, MergeCellsOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCaseList, useCaseQueues } from '../../features/cases/api/cases';
import { QueueCards } from '../../features/cases/components/queue-cards';
import { OPEN_STATUSES } from '../../features/cases/labels';
import { useSuspectCount } from '../../features/duplicates/api/duplicates';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

// The queue cards are what the desk opens for; the deadline table and the 督办 list below them
// load beside their own data (the table and list code is most of the page's weight), so the
// cards show without waiting for it.
const CaseTable = lazy(async () => ({
  default: (await import('../../features/cases/components/case-table')).CaseTable,
}));
const OrderList = lazy(async () => ({
  default: (await import('../../features/supervision/components/order-list')).OrderList,
}));

/** Open cases whose clock runs: a hung-up case's clock is paused (its old deadline would head the list for ever). */
const RUNNING_STATUSES = OPEN_STATUSES.filter((status) => status !== 'hung_up');

/** 案件办理 home: the role's to-do queues with live counts, and the open cases closest to their deadline. */
export function DeskHomePage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const queues = useCaseQueues();
  const suspects = useSuspectCount();
  const urgent = useCaseList({ statuses: [...RUNNING_STATUSES], sort: 'deadline.asc', page: 1, pageSize: 8 });
  return (
    <div>
      <PageHeader
        title="案件办理"
        description="待办队列实时更新，点击队列查看案件"
        extra={
          <>
            <Link to="/desk/cases">
              <Button icon={<UnorderedListOutlined />}>案件查询</Button>
            </Link>
            {can('case.file') ? (
              <Link to="/desk/duplicates">
                <Badge count={suspects.data ?? 0} size="small">
                  <Button icon={<MergeCellsOutlined />}>疑似重复</Button>
                </Badge>
              </Link>
            ) : null}
            {can('case.report') ? (
              <Link to="/desk/intake">
                <Button type="primary" icon={<FormOutlined />}>
                  案件登记
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {queues.isError ? <Alert type="error" showIcon title={apiErrorMessage(queues.error)} /> : null}
      <section aria-label="待办队列">
        <QueueCards queues={queues.data ?? []} loading={queues.isPending} />
      </section>
      <Card
        title="临近截止的在办案件"
        style={{ marginTop: 16 }}
        extra={<Link to="/desk/cases?sort=deadline.asc">查看全部</Link>}
      >
        <Suspense fallback={<Skeleton active />}>
          <CaseTable
            rows={urgent.data?.rows ?? []}
            loading={urgent.isPending}
            pagination={false}
            sort="deadline.asc"
            onSortChange={() => navigate('/desk/cases?sort=deadline.asc')}
            onOpen={(id) => navigate(`/desk/cases/${id}`)}
          />
        </Suspense>
      </Card>
      <div style={{ marginTop: 16 }}>
        <Suspense fallback={<Skeleton active />}>
          <OrderList canReply={can('case.handle')} />
        </Suspense>
      </div>
    </div>
  );
}
