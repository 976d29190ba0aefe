import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type UserRow, useRevealPhone } from '../api/users';

/**
 * A user's phone as the list sends it (masked), with 查看 for holders of personal.view:
 * the full number comes from a logged call and stays shown in this row only.
 */
export function PhoneCell({ user, canReveal }: { user: UserRow; canReveal: boolean }) {
  const { message } = App.useApp();
  const reveal = useRevealPhone();
  const [full, setFull] = useState<string | null>(null);
  if (!user.phone) return <>—</>;
  if (full) return <span>{full}</span>;
  return (
    <Space size={4}>
      <span>{user.phone}</span>
      {canReveal ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          aria-label={`查看${user.displayName}的完整手机号`}
          loading={reveal.isPending}
          onClick={() =>
            reveal.mutate(
              { id: user.id },
              {
                onSuccess: (data) => setFull(data.phone ?? '—'),
                onError: (error) => message.error(apiErrorMessage(error)),
              },
            )
          }
        >
          查看
        </Button>
      ) : null}
    </Space>
  );
}
