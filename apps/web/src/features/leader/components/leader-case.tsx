import { statusNameOf } from '@citygov/domain/cases/case-states';
import { Alert, App, Button, Input, Modal, Select, Space, Spin, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useLeaderAct, useLeaderCase } from '../api/leader';

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

const ACTION_BUTTON: React.CSSProperties = { marginTop: 12, height: 56, fontSize: 20, minWidth: 200 };

type LeaderAction = 'orderSupervision' | 'instruct';

/** What each of the leader's two actions asks for, in the words on the tablet. */
const DIALOGS: Record<LeaderAction, { title: string; ok: string; field: string; placeholder: string; done: string }> = {
  orderSupervision: {
    title: '下达督办单',
    ok: '下达',
    field: '督办要求',
    placeholder: '如：请今日内处置完毕并回复',
    done: '督办单已下达',
  },
  instruct: {
    title: '领导批示',
    ok: '批示',
    field: '批示内容',
    placeholder: '如：请城管局牵头，三日内彻底整治',
    done: '批示已送达处置人员',
  },
};

/** One case on the tablet: what and where, its clock, the last steps, and 下达督办 / 领导批示 in one tap. */
export function LeaderCase({ id }: { id: number }) {
  const { message } = App.useApp();
  const detail = useLeaderCase(id);
  const act = useLeaderAct();
  const [open, setOpen] = useState<LeaderAction | null>(null);
  const [text, setText] = useState('');
  const [replyHours, setReplyHours] = useState(24);
  if (detail.isPending) return <Spin size="large" />;
  if (detail.error) return <Alert type="error" showIcon message={apiErrorMessage(detail.error)} />;
  const { case: c, category, clock, timeline, actions } = detail.data;
  const offered = (['orderSupervision', 'instruct'] as const).flatMap((action) => {
    const a = actions.find((x) => x.action === action);
    return a ? [{ ...a, action }] : [];
  });
  const dialog = open ? DIALOGS[open] : null;
  const submit = (action: LeaderAction) =>
    act
      .mutateAsync({
        caseId: c.id,
        expectedVersion: c.version,
        action,
        reason: text,
        ...(action === 'orderSupervision' ? { replyHours } : {}),
        attachmentIds: [],
      })
      .then(
        () => {
          setOpen(null);
          setText('');
          message.success(DIALOGS[action].done);
        },
        (e: unknown) => message.error(apiErrorMessage(e)),
      );
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
        <Space wrap size={12}>
          {offered.map((a) => (
            <Button
              key={a.action}
              type={a.action === 'orderSupervision' ? 'primary' : 'default'}
              danger={a.action === 'orderSupervision'}
              size="large"
              style={ACTION_BUTTON}
              disabled={!a.enabled}
              title={a.disabledReason ?? undefined}
              onClick={() => setOpen(a.action)}
            >
              {a.action === 'orderSupervision' ? '下达督办' : '领导批示'}
            </Button>
          ))}
        </Space>
        {offered
          .filter((a) => !a.enabled)
          .map((a) => (
            <div key={a.action} style={{ color: '#595959' }}>
              {DIALOGS[a.action].title}：{a.disabledReason}
            </div>
          ))}
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
        open={open !== null}
        title={dialog?.title}
        okText={dialog?.ok}
        cancelText="取消"
        okButtonProps={{ size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        confirmLoading={act.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => (open ? submit(open) : undefined)}
      >
        <Input.TextArea
          aria-label={dialog?.field}
          rows={4}
          style={{ fontSize: 18 }}
          placeholder={dialog?.placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {open === 'orderSupervision' ? (
          <Select
            aria-label="回复时限"
            size="large"
            style={{ width: '100%', marginTop: 12 }}
            value={replyHours}
            options={REPLY_OPTIONS}
            onChange={setReplyHours}
          />
        ) : null}
      </Modal>
    </div>
  );
}
