import { Alert, Button, Result, Spin } from 'antd';
import { apiErrorCode, apiErrorMessage } from '../../../lib/api-error';
import { useCaseDetail } from '../api/street-cases';
import { useKnownPosition } from '../hooks/use-geolocation';
import { CaseOverview, CaseTimeline } from './case-overview';
import { TaskActions } from './task-actions';

/** One case on the phone: the overview, then what the user can do with it. */
export function CaseDetailView({
  id,
  mode,
  onFinished,
}: {
  id: number;
  mode: 'task' | 'view';
  onFinished: () => void;
}) {
  const detail = useCaseDetail(id);
  const position = useKnownPosition();
  if (detail.isPending) return <Spin size="large" description="正在加载案件…" style={{ margin: '40px auto' }} />;
  if (detail.isError && !detail.data) {
    const code = apiErrorCode(detail.error);
    return (
      <Result
        status={code === 'NOT_FOUND' ? '404' : 'error'}
        title={code === 'NOT_FOUND' ? '案件不存在' : '加载失败'}
        subTitle={apiErrorMessage(detail.error)}
        extra={
          <Button type="primary" onClick={() => void detail.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <>
      {detail.isError ? <Alert type="warning" showIcon title="网络不可用，显示的是上次加载的内容" /> : null}
      <CaseOverview detail={detail.data} here={position.fix} />
      <TaskActions
        detail={detail.data}
        quiet={mode === 'view'}
        onFinished={onFinished}
        onRefresh={() => void detail.refetch()}
      />
      <CaseTimeline timeline={detail.data.timeline} />
    </>
  );
}
