import { PhonePage } from '../../features/street-tasks/components/phone-page';
import { TaskList } from '../../features/street-tasks/components/task-list';

export function TasksPage() {
  return (
    <PhonePage title="我的任务" backTo="/" backLabel="返回首页">
      <TaskList />
    </PhonePage>
  );
}
