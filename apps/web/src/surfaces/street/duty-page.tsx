import { DutyPanel } from '../../features/command/components/duty-panel';
import { MyCalls } from '../../features/command/components/my-calls';
import { PhonePage, PhoneSection } from '../../features/street-tasks/components/phone-page';

/** /m/duty: 上岗/下岗 with today's mileage, and the calls (呼叫任务) a chief sent me. */
export function DutyPage() {
  return (
    <PhonePage title="在岗" backTo="/" backLabel="返回首页">
      <PhoneSection>
        <DutyPanel />
      </PhoneSection>
      <PhoneSection title="呼叫任务" labelledBy="calls-title">
        <MyCalls />
      </PhoneSection>
    </PhonePage>
  );
}
