import { FormOutlined, MergeCellsOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCaseList, useCaseQueues } from '../../features/cases/api/cases';
import { CaseTable } from '../../features/cases/components/case-table';
import { QueueCards } from '../../features/cases/components/queue-cards';
import { OPEN_STATUSES } from '../../features/cases/labels';
import { useSuspectCount } from '../../features/duplicates/api/duplicates';
import { OrderList } from '../../features/supervision/components/order-list';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

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
        <CaseTable
          rows={urgent.data?.rows ?? []}
          loading={urgent.isPending}
          pagination={false}
          sort="deadline.asc"
          onSortChange={() => navigate('/desk/cases?sort=deadline.asc')}
          onOpen={(id) => navigate(`/desk/cases/${id}`)}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <OrderList canReply={can('case.handle')} />
      </div>
    </div>
  );
}
