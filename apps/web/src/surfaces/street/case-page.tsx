import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useParams } from 'react-router';
import { CaseDetailView } from '../../features/street-tasks/components/case-detail-view';
import { PhonePage, useGoBack } from '../../features/street-tasks/components/phone-page';
import { useTRPC } from '../../lib/trpc';
import { CaseSubjects } from './case-subjects';

function RefreshButton({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <Button
      type="text"
      aria-label="刷新"
      icon={<ReloadOutlined aria-hidden="true" />}
      style={{ color: '#fff', width: 52, height: 52 }}
      onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.cases.byId.queryKey({ id }) })}
    />
  );
}

/** /m/tasks/:id — a task to work on; after the main action the user goes back to the list. */
export function TaskPage() {
  const id = Number(useParams().id);
  const backToList = useGoBack('/m/tasks');
  return (
    <PhonePage title="任务详情" backTo="/m/tasks" extra={<RefreshButton id={id} />}>
      <CaseDetailView key={id} id={id} mode="task" onFinished={backToList} />
      <CaseSubjects key={`subjects-${id}`} caseId={id} />
    </PhonePage>
  );
}

/** /m/cases/:id — one of the user's reports, read-only unless an action is open to them. */
export function CasePage() {
  const id = Number(useParams().id);
  return (
    <PhonePage title="案件详情" backTo="/m/mine" extra={<RefreshButton id={id} />}>
      <CaseDetailView key={id} id={id} mode="view" onFinished={() => undefined} />
      <CaseSubjects key={`subjects-${id}`} caseId={id} />
    </PhonePage>
  );
}
