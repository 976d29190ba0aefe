import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { useSession } from '../../../lib/session/session-context';
import { useRevealReporterPhone } from '../api/cases';

/**
 * 上报人 with the phone as the server sends it (masked, 138****5678). Holders of
 * 查看完整个人信息 may show the full number; the server logs each look.
 */
export function ReporterContact({
  caseId,
  name,
  maskedPhone,
}: {
  caseId: number;
  name: string | null;
  maskedPhone: string | null;
}) {
  const { can } = useSession();
  const reveal = useRevealReporterPhone();
  const [full, setFull] = useState<string | null>(null);
  const phone = full ?? maskedPhone;
  return (
    <Space size={8} wrap>
      <span>{name ?? '—'}</span>
      {phone ? <span>电话 {phone}</span> : null}
      {maskedPhone && !full && can('personal.view') ? (
        <Button
          size="small"
          type="link"
          loading={reveal.isPending}
          onClick={() => reveal.mutate({ caseId }, { onSuccess: (answer) => setFull(answer.phone ?? maskedPhone) })}
        >
          查看完整号码
        </Button>
      ) : null}
      {reveal.isError ? <Typography.Text type="danger">{apiErrorMessage(reveal.error)}</Typography.Text> : null}
    </Space>
  );
}
