import { Badge, Card, Empty, List } from 'antd';
import { Link } from 'react-router';
import type { PortalTodo } from '../api/portal-home';

/** To-do counts for what the role does; an honest empty state when there is nothing. */
export function TodoPanel({ todos, loading }: { todos: readonly PortalTodo[]; loading: boolean }) {
  return (
    <Card title="待办" loading={loading}>
      {todos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
      ) : (
        <List
          dataSource={[...todos]}
          renderItem={(todo) => (
            <List.Item>
              <Link
                to={todo.href}
                style={{ display: 'flex', justifyContent: 'space-between', width: '100%', alignItems: 'center' }}
              >
                <span>{todo.label}</span>
                <Badge
                  count={todo.count}
                  showZero
                  overflowCount={999}
                  // Nothing to do reads quieter, but its 0 still has AA contrast (white on #bfbfbf had 1.8:1).
                  style={
                    todo.count > 0 ? { backgroundColor: '#d4380d' } : { backgroundColor: '#f0f0f0', color: '#434343' }
                  }
                  aria-label={`${todo.count} 项`}
                />
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
