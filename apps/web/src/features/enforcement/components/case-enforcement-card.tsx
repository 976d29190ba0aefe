import { App, Button, Card, Descriptions, Grid, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useCaseEnforcement, useLinkSubject, usePushCaseSource, useUnlinkSubject } from '../api/enforcement';
import { LinkedSubjectRecords } from './linked-subject-records';
import { type LinkedSubject, LinkedSubjects } from './linked-subjects';
import { SubjectSearch } from './subject-search';

const PUSH_COLORS: Record<string, string> = { pending: 'blue', sending: 'blue', sent: 'green', dead: 'red' };

/**
 * The case page's 执法 section (以事查人): the subjects linked to the case with their 违法 /
 * 处罚记录 and other cases, 关联当事人 (a search in the enforcement system), 推送案源 with its
 * push state, and the system's feedback. Desk and phone share it; below md it lays out for a
 * thumb. `caseHref` says where another case opens (the desk's case page by default).
 */
export function CaseEnforcementCard({
  caseId,
  canPush,
  title = '执法信息',
  caseHref,
}: {
  caseId: number;
  canPush: boolean;
  title?: string;
  caseHref?: (caseId: number) => string;
}) {
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const buttonSize = narrow ? 'large' : 'small';
  const [openId, setOpenId] = useState<string | null>(null);
  const view = useCaseEnforcement(caseId);
  const link = useLinkSubject();
  const unlink = useUnlinkSubject();
  const push = usePushCaseSource();
  const [linking, setLinking] = useState(false);
  const [pushing, setPushing] = useState(false);
  const [note, setNote] = useState('');
  const data = view.data;
  const linkedIds = new Set(data?.subjects.map((s) => s.subjectId));

  const doLink = (subjectId: string, name: string) =>
    link.mutate(
      { caseId, subjectId },
      {
        onSuccess: () => message.success(`已关联当事人 ${name}`),
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );
  const doUnlink = (s: LinkedSubject) =>
    unlink.mutate(
      { caseId, subjectId: s.subjectId },
      {
        onSuccess: () => message.success(`已取消关联 ${s.name}`),
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );
  const doPush = () =>
    push.mutate(
      { caseId, note: note.trim() || null },
      {
        onSuccess: () => {
          setPushing(false);
          setNote('');
          message.success('案源已提交推送');
        },
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );

  return (
    <Card
      role="region"
      aria-label={title}
      title={title}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        canPush ? (
          <Space>
            <Button size={buttonSize} onClick={() => setLinking(true)}>
              关联当事人
            </Button>
            <Button
              size={buttonSize}
              type="primary"
              disabled={!data || data.push !== null}
              onClick={() => setPushing(true)}
            >
              推送案源
            </Button>
          </Space>
        ) : null
      }
    >
      {view.isError ? <Typography.Text type="danger">{apiErrorMessage(view.error)}</Typography.Text> : null}
      <LinkedSubjects
        subjects={data?.subjects ?? []}
        loading={view.isPending}
        narrow={narrow}
        openId={openId}
        onToggle={(s) => setOpenId((current) => (current === s.subjectId ? null : s.subjectId))}
        onUnlink={canPush ? doUnlink : undefined}
        unlinking={unlink.isPending}
      />
      {openId && linkedIds.has(openId) ? (
        <div style={{ marginTop: 12 }}>
          <LinkedSubjectRecords subjectId={openId} caseHref={caseHref} />
        </div>
      ) : null}
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label="案源推送">
          {data?.push ? (
            <Space wrap>
              <Tag color={PUSH_COLORS[data.push.status]}>{data.push.statusLabel}</Tag>
              {data.push.caseSourceId ? <span>案源编号 {data.push.caseSourceId}</span> : null}
              <Typography.Text type="secondary">
                {data.push.sentAt
                  ? `送达于 ${formatDateTime(data.push.sentAt)}`
                  : `提交于 ${formatDateTime(data.push.queuedAt)}`}
              </Typography.Text>
              {data.push.lastError && data.push.status !== 'sent' ? (
                <Typography.Text type="danger">{data.push.lastError}</Typography.Text>
              ) : null}
            </Space>
          ) : (
            <Typography.Text type="secondary">未推送</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {data && data.feedback.length > 0 ? (
        <section aria-label="执法反馈">
          <List
            size="small"
            header={<Typography.Text strong>执法反馈</Typography.Text>}
            dataSource={data.feedback}
            renderItem={(f) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space>
                    <Tag color="volcano">{f.stageLabel}</Tag>
                    {f.reference ? <span>{f.reference}</span> : null}
                    <Typography.Text type="secondary">{formatDateTime(f.at)}</Typography.Text>
                  </Space>
                  <span>{f.opinion}</span>
                </Space>
              </List.Item>
            )}
          />
        </section>
      ) : null}
      <Modal
        title="关联当事人"
        open={linking}
        width={760}
        footer={<Button onClick={() => setLinking(false)}>关闭</Button>}
        onCancel={() => setLinking(false)}
        destroyOnHidden
      >
        <SubjectSearch
          action={(s) =>
            linkedIds.has(s.subjectId) ? (
              <Tag color="green">已关联</Tag>
            ) : (
              <Button
                size="small"
                type="primary"
                aria-label={`关联 ${s.name}`}
                loading={link.isPending}
                onClick={() => doLink(s.subjectId, s.name)}
              >
                关联
              </Button>
            )
          }
        />
      </Modal>
      <Modal
        title="推送案源到执法系统"
        open={pushing}
        okText="确认推送"
        cancelText="取消"
        confirmLoading={push.isPending}
        onOk={doPush}
        onCancel={() => setPushing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          将本案件连同已关联的 {data?.subjects.length ?? 0} 名当事人作为案源推送到执法办案系统；每个案件只推送一次。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="推送说明"
          placeholder="推送说明（可不填）"
          maxLength={500}
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </Card>
  );
}
