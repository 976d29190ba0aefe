import { MyReports } from '../../features/street-tasks/components/my-reports';
import { PhonePage } from '../../features/street-tasks/components/phone-page';

export function MinePage() {
  return (
    <PhonePage title="我的上报" backTo="/" backLabel="返回首页">
      <MyReports />
    </PhonePage>
  );
}
