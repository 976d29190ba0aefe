import { statusNameOf } from '@citygov/domain/cases/case-states';
import { Alert, App, Button, Input, Modal, Select, Spin, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useLeaderCase, useOrderSupervision } from '../api/leader';

const REPLY_OPTIONS = [
  { value: 4, label: '4 小时内回复' },
  { value: 24, label: '24 小时内回复' },
  { value: 72, label: '3 天内回复' },
];

const CARD: React.CSSProperties = {
  background: '#fff',
  borderRadius: 12,
  padding: 16,
  boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
};

/** One case on the tablet: what and where, its clock, the last steps, and 下达督办 in one tap. */
export function LeaderCase({ id }: { id: number }) {
  const { message } = App.useApp();
  const detail = useLeaderCase(id);
  const order = useOrderSupervision();
  const [open, setOpen] = useState(false);
  const [instruction, setInstruction] = useState('');
  const [replyHours, setReplyHours] = useState(24);
  if (detail.isPending) return <Spin size="large" />;
  if (detail.error) return <Alert type="error" showIcon message={apiErrorMessage(detail.error)} />;
  const { case: c, category, clock, timeline, actions } = detail.data;
  const canOrder = actions.find((a) => a.action === 'orderSupervision');
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div style={CARD}>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 16, color: '#595959' }}>
          <span>{c.caseNo}</span>
          <span>
            <Tag color="blue">{statusNameOf(c.status)}</Tag>
            {c.supervised ? <Tag color="red">督办中</Tag> : null}
          </span>
        </div>
        <h2 style={{ fontSize: 24, margin: '8px 0' }}>{category?.name ?? c.categoryCode}</h2>
        <p style={{ fontSize: 17, margin: '4px 0' }}>{c.address}</p>
        <p style={{ fontSize: 17, margin: '4px 0', color: '#434343' }}>{c.description}</p>
        {clock ? (
          <p style={{ fontSize: 17, margin: '8px 0 0', color: clock.remainingMinutes < 0 ? '#cf1322' : '#1f1f1f' }}>
            本阶段：{clock.text}（截止 {formatDateTime(c.stageDeadlineAt)}）
          </p>
        ) : null}
        {canOrder ? (
          <Button
            type="primary"
            danger
            size="large"
            style={{ marginTop: 12, height: 56, fontSize: 20, minWidth: 200 }}
            disabled={!canOrder.enabled}
            title={canOrder.disabledReason ?? undefined}
            onClick={() => setOpen(true)}
          >
            下达督办
          </Button>
        ) : null}
        {canOrder && !canOrder.enabled ? <div style={{ color: '#8c8c8c' }}>{canOrder.disabledReason}</div> : null}
      </div>
      <div style={CARD}>
        <h3 style={{ fontSize: 18, marginTop: 0 }}>流转记录</h3>
        <Timeline
          items={[...timeline]
            .reverse()
            .slice(0, 10)
            .map((e) => ({
              children: (
                <div style={{ fontSize: 16 }}>
                  <b>{e.label}</b> · {e.actorName} · {formatDateTime(e.at)}
                  {e.reason ? <div style={{ color: '#595959' }}>{e.reason}</div> : null}
                </div>
              ),
            }))}
        />
      </div>
      <Modal
        open={open}
        title="下达督办单"
        okText="下达"
        cancelText="取消"
        okButtonProps={{ size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        confirmLoading={order.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          order
            .mutateAsync({
              caseId: c.id,
              expectedVersion: c.version,
              action: 'orderSupervision',
              reason: instruction,
              replyHours,
              attachmentIds: [],
            })
            .then(
              () => {
                setOpen(false);
                setInstruction('');
                message.success('督办单已下达');
              },
              (e: unknown) => message.error(apiErrorMessage(e)),
            )
        }
      >
        <Input.TextArea
          aria-label="督办要求"
          rows={4}
          style={{ fontSize: 18 }}
          placeholder="如：请今日内处置完毕并回复"
          value={instruction}
          onChange={(e) => setInstruction(e.target.value)}
        />
        <Select
          aria-label="回复时限"
          size="large"
          style={{ width: '100%', marginTop: 12 }}
          value={replyHours}
          options={REPLY_OPTIONS}
          onChange={setReplyHours}
        />
      </Modal>
    </div>
  );
}
