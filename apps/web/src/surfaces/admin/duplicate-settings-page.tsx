import { Alert, Card, Skeleton } from 'antd';
import { useDuplicateThresholds } from '../../features/duplicates/api/duplicates';
import { ThresholdForm } from '../../features/duplicates/components/threshold-form';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

/** 判重设置: the city's duplicate-detection thresholds (rules.manage). */
export function DuplicateSettingsPage() {
  const thresholds = useDuplicateThresholds();
  return (
    <div>
      <PageHeader
        title="判重设置"
        description="智能判重按位置、时间、类别和描述计算新上报与已有案件的相似度，再按以下两个阈值决定如何处理"
      />
      <Card>
        {thresholds.isError ? <Alert type="error" showIcon title={apiErrorMessage(thresholds.error)} /> : null}
        {thresholds.isPending ? <Skeleton active /> : null}
        {thresholds.data ? <ThresholdForm view={thresholds.data} /> : null}
      </Card>
    </div>
  );
}
