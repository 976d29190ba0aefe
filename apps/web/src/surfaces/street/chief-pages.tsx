import { message } from 'antd';
import { useParams } from 'react-router';
import { ChiefCaseView } from '../../features/street-chiefs/components/chief-case-view';
import { ChiefQueue } from '../../features/street-chiefs/components/chief-queue';
import { DelegationLog } from '../../features/street-chiefs/components/delegation-log';
import { HandoverForm } from '../../features/street-chiefs/components/handover-form';
import { PhonePage, useGoBack } from '../../features/street-tasks/components/phone-page';
import { CaseSubjects } from './case-subjects';

/** /m/chief — 街长制: the chief's street-governance cases. */
export function ChiefTasksPage() {
  return (
    <PhonePage title="街面任务" backTo="/" backLabel="返回首页">
      <ChiefQueue />
    </PhonePage>
  );
}

/** /m/chief/:id — one street-governance case with the chief actions open now. */
export function ChiefCasePage() {
  const id = Number(useParams().id);
  const back = useGoBack('/m/chief');
  return (
    <PhonePage title="街面案件" backTo="/m/chief">
      <ChiefCaseView
        key={id}
        id={id}
        extra={<CaseSubjects caseId={id} />}
        onFinished={(label) => {
          void message.success(`已${label}`);
          back();
        }}
      />
    </PhonePage>
  );
}

/** /m/handover — 交接班 (A/B岗) on the phone. */
export function HandoverPage() {
  return (
    <PhonePage title="交接班" backTo="/m/chief">
      <HandoverForm />
      <DelegationLog />
    </PhonePage>
  );
}
