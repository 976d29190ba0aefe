import { PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Tag } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type SceneCall, useCallNearest } from '../api/command';
import { CALL_STATE_COLORS, CALL_STATE_NAMES, formatDistance } from '../format';

/**
 * 呼叫最近人员 and the calls made on the case with their answers (呼叫中 / 已接受 / 已拒绝 /
 * 超时未接). After a 拒绝 the same button reaches the next nearest; a call nobody answers in
 * time passes on by itself, and 无人接听 shows when nobody was left.
 */
export function CallPanel({
  caseId,
  calls,
  unanswered,
  canCall,
}: {
  caseId: number;
  calls: readonly SceneCall[];
  unanswered: boolean;
  canCall: boolean;
}) {
  const { message } = App.useApp();
  const call = useCallNearest();
  const waiting = calls.some((c) => c.state === 'calling');
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {canCall ? (
        <Button
          type="primary"
          size="large"
          icon={<PhoneOutlined aria-hidden="true" />}
          loading={call.isPending}
          onClick={() =>
            call.mutate(
              { caseId },
              {
                onSuccess: (called) =>
                  message.success(
                    called ? `已呼叫 ${called.name}（距案件 ${formatDistance(called.distanceM)}）` : '已呼叫',
                  ),
                onError: (error) => message.error(apiErrorMessage(error)),
              },
            )
          }
        >
          {calls.length > 0 ? '呼叫下一位最近人员' : '呼叫最近人员'}
        </Button>
      ) : null}
      {call.isError ? <Alert type="warning" showIcon message={apiErrorMessage(call.error)} /> : null}
      {waiting ? (
        <Alert
          type="info"
          showIcon
          message={`已发送浙政钉工作通知，等待对方在手机上接受；${formatDateTime(calls.find((c) => c.state === 'calling')?.expiresAt)} 前未应答将自动转呼下一位最近人员。`}
        />
      ) : null}
      {unanswered ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="无人接听"
          description="呼叫超时未接，附近已没有可呼叫的在岗人员。请联系人员上岗后重新呼叫，或改用其他方式派遣。"
        />
      ) : null}
      <section aria-label="呼叫记录">
        <List
          size="small"
          dataSource={[...calls]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未呼叫" /> }}
          renderItem={(c) => (
            <List.Item
              extra={<Tag color={CALL_STATE_COLORS[c.state]}>{CALL_STATE_NAMES[c.state]}</Tag>}
              aria-label={`${c.name} ${CALL_STATE_NAMES[c.state]}`}
            >
              <List.Item.Meta
                title={`${c.name} · ${formatDistance(c.distanceM)}`}
                description={`呼叫于 ${formatDateTime(c.calledAt)}${c.answeredAt ? `，${c.state === 'expired' ? '超时于' : '应答于'} ${formatDateTime(c.answeredAt)}` : ''}`}
              />
            </List.Item>
          )}
        />
      </section>
    </div>
  );
}
