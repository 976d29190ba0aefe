import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCaseDetail } from '../../features/cases/api/cases';
import { apiErrorCode, apiErrorMessage } from '../../lib/api-error';
import { CaseDetailSkeleton } from './case-detail-skeleton';

// The page asks for the case first; the view's code (cards, timeline, photos, map) loads beside
// that request instead of before it, and the skeleton stays until both are here.
const CaseDetailView = lazy(async () => ({ default: (await import('./case-detail-view')).CaseDetailView }));

/** 案件详情: the case's request, its error screen, and the view rendered at once (it waits for the data itself). */
export function CaseDetailPage() {
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = useCaseDetail(Number.isInteger(id) ? id : 0);

  if (detail.isError || (!detail.isPending && !detail.data?.case)) {
    return (
      <Result
        status={apiErrorCode(detail.error) === 'NOT_FOUND' ? '404' : 'error'}
        title="无法打开案件"
        subTitle={apiErrorMessage(detail.error)}
        extra={
          <Button type="primary" onClick={() => navigate('/desk/cases')}>
            返回案件列表
          </Button>
        }
      />
    );
  }
  return (
    <Suspense fallback={<CaseDetailSkeleton />}>
      <CaseDetailView detail={detail.data} />
    </Suspense>
  );
}
