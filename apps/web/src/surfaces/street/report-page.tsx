import { PhonePage } from '../../features/street-tasks/components/phone-page';
import { ReportForm } from '../../features/street-tasks/components/report-form';

export function ReportPage() {
  return (
    <PhonePage title="上报问题" backTo="/" backLabel="返回首页">
      <ReportForm />
    </PhonePage>
  );
}
