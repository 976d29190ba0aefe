import { App, Button, Empty, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type MyCall, useAnswerCall, useMyCalls } from '../api/command';
import { CALL_STATE_COLORS, CALL_STATE_NAMES, formatDistance } from '../format';

/** 呼叫任务: the cases a chief called me to, with 接受 / 拒绝 while the call is open. */
export function MyCalls({ caseLink }: { caseLink?: (caseId: number) => string }) {
  const calls = useMyCalls();
  return (
    <List
      loading={calls.isPending}
      dataSource={calls.data ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今日没有呼叫" /> }}
      renderItem={(call) => <CallItem call={call} caseLink={caseLink} />}
    />
  );
}

function CallItem({ call, caseLink }: { call: MyCall; caseLink?: ((caseId: number) => string) | undefined }) {
  const { message } = App.useApp();
  const answer = useAnswerCall();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const send = (accept: boolean) =>
    answer.mutate(
      { caseId: call.caseId, accept, reason: reason.trim() || undefined },
      {
        onSuccess: () => message.success(accept ? '已接受，请尽快前往现场' : '已拒绝'),
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );
  return (
    <List.Item style={{ display: 'block' }} aria-label={`呼叫 ${call.caseNo}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <strong>{caseLink ? <Link to={caseLink(call.caseId)}>{call.caseNo}</Link> : call.caseNo}</strong>
        <Tag color={CALL_STATE_COLORS[call.state]}>{CALL_STATE_NAMES[call.state]}</Tag>
      </div>
      <div style={{ margin: '4px 0' }}>{call.description}</div>
      <div style={{ fontSize: 13, color: '#595959' }}>
        {call.address} · 距您约 {formatDistance(call.distanceM)} · {formatDateTime(call.calledAt)}
      </div>
      {call.state === 'expired' ? (
        <div role="status" style={{ marginTop: 8, color: '#d48806' }}>
          呼叫已超时（{formatDateTime(call.answeredAt)}），无需再应答
        </div>
      ) : null}
      {call.state === 'calling' ? (
        <div style={{ marginTop: 8 }}>
          <div style={{ fontSize: 13, color: '#d48806', marginBottom: 8 }}>
            请在 {formatDateTime(call.expiresAt)} 前应答，超时将转呼他人
          </div>
          {declining ? (
            <Input
              aria-label="拒绝原因"
              placeholder="拒绝原因（选填）"
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              style={{ marginBottom: 8 }}
            />
          ) : null}
          <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
            <Button type="primary" block size="large" loading={answer.isPending} onClick={() => send(true)}>
              接受
            </Button>
            <Button
              danger
              block
              size="large"
              loading={answer.isPending}
              onClick={() => (declining ? send(false) : setDeclining(true))}
            >
              {declining ? '确认拒绝' : '拒绝'}
            </Button>
          </Space>
        </div>
      ) : null}
    </List.Item>
  );
}
