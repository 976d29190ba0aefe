import { CheckOutlined } from '@ant-design/icons';
import { ruleOf } from '@citygov/domain/cases/case-actions';
import { PENDING_KINDS } from '@citygov/domain/cases/case-states';
import { Alert, App, Button, Drawer, Typography } from 'antd';
import { useState } from 'react';
import {
  ACTION_SPECS,
  type FormAction,
  isFormAction,
  isStreetAction,
  PRIMARY_ACTIONS,
  SECONDARY_ACTIONS,
} from '../action-specs';
import { type CaseDetail, useCaseAction } from '../api/street-cases';
import { classifyFailure, type SendFailure } from '../lib/send-failure';
import { ActionForm } from './action-form';
import { PhoneSection } from './phone-page';
import { BIG_BUTTON } from './phone-styles';
import { SendStatus } from './send-status';

/** 签收: one tap; the case moves to 处置中 and the feedback form appears. */
function TakeUp({ detail, onRefresh }: { detail: CaseDetail; onRefresh: () => void }) {
  const act = useCaseAction();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const take = async () => {
    setFailure(null);
    try {
      await act.mutateAsync({
        caseId: detail.case.id,
        expectedVersion: detail.case.version,
        action: 'takeUp',
        attachmentIds: [],
      });
      void message.success('已签收，请尽快处置并反馈');
    } catch (error) {
      setFailure(classifyFailure(error));
    }
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Text type="secondary">签收后开始处置计时，处置完成后在此提交处置反馈。</Typography.Text>
      <SendStatus
        phase={failure ? 'failed' : 'idle'}
        failure={failure}
        photoCount={0}
        uploadedCount={0}
        onRetry={() => void take()}
        onRefresh={() => {
          setFailure(null);
          onRefresh();
        }}
      />
      <Button
        type="primary"
        size="large"
        block
        icon={<CheckOutlined aria-hidden="true" />}
        loading={act.isPending}
        onClick={() => void take()}
        style={BIG_BUTTON}
      >
        签收
      </Button>
    </div>
  );
}

/** A request of the handler's waiting for approval: they may keep working meanwhile. */
function PendingRequestNote({ detail }: { detail: CaseDetail }) {
  const pending = detail.case.pending;
  if (!pending) return null;
  const name = PENDING_KINDS[pending.kind];
  // The table says which waiting requests a feedback withdraws (延期, 挂账).
  const moot = (ruleOf('feedBack').withdraws ?? []).includes(pending.kind);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      title={`${name}已提交，等待审批`}
      description={
        moot ? `审批期间可以继续处置；提交处置反馈后，${name}自动撤回。` : '审批结果出来前，案件暂不能办理。'
      }
    />
  );
}

interface TaskActionsProps {
  detail: CaseDetail;
  /** Called after a main action went through (the task leaves the user's queue). */
  onFinished: () => void;
  onRefresh: () => void;
  /** Opened from 我的上报: only show the panel when something can be done. */
  quiet?: boolean;
}

/**
 * 办理: the task's main action as a form (核实 / 核查 / 签收 / 处置反馈), side requests
 * (申请延期 / 申请回退 / 二级派遣) in a bottom sheet, and the actions not possible now with the reason.
 */
export function TaskActions({ detail, onFinished, onRefresh, quiet = false }: TaskActionsProps) {
  const [sheet, setSheet] = useState<FormAction | null>(null);
  const actions = detail.actions.filter((a) => isStreetAction(a.action));
  const primary = PRIMARY_ACTIONS.map((name) => actions.find((a) => a.action === name && a.enabled)).find(Boolean);
  // An assisting department (协办) only reports its part: the lead's side steps are not for it.
  const assisting = actions.some((a) => a.action === 'assistFeedBack');
  const secondary = assisting ? [] : SECONDARY_ACTIONS.flatMap((name) => actions.filter((a) => a.action === name));
  // With a main action open, the other main actions being impossible goes without saying.
  const unavailable = primary
    ? []
    : actions.filter((a) => !a.enabled && !(SECONDARY_ACTIONS as readonly string[]).includes(a.action));
  const anyEnabled = actions.some((a) => a.enabled);

  if (quiet && !anyEnabled) return null;
  if (detail.case.status === 'hung_up') {
    return (
      <PhoneSection title="办理" labelledBy="task-actions">
        <Typography.Text type="secondary">案件已挂账，计时暂停；解除挂账后继续办理。</Typography.Text>
      </PhoneSection>
    );
  }
  if (actions.length === 0) {
    return (
      <PhoneSection title="办理" labelledBy="task-actions">
        <Typography.Text type="secondary">您当前没有需要办理的操作。</Typography.Text>
      </PhoneSection>
    );
  }

  return (
    <>
      {primary ? (
        <PhoneSection
          title={isFormAction(primary.action) ? ACTION_SPECS[primary.action].title : '签收任务'}
          labelledBy="task-primary"
        >
          {primary.action === 'takeUp' ? (
            <TakeUp detail={detail} onRefresh={onRefresh} />
          ) : isFormAction(primary.action) ? (
            <ActionForm
              key={`${detail.case.id}-${primary.action}`}
              detail={detail}
              action={primary.action}
              onDone={onFinished}
              onRefresh={onRefresh}
            />
          ) : null}
        </PhoneSection>
      ) : null}
      {secondary.length > 0 ? (
        <PhoneSection title="其他操作" labelledBy="task-secondary">
          <PendingRequestNote detail={detail} />
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
            {secondary.map((a) => (
              <Button
                key={a.action}
                size="large"
                disabled={!a.enabled}
                onClick={() => (isFormAction(a.action) ? setSheet(a.action) : undefined)}
              >
                {a.label}
              </Button>
            ))}
          </div>
          {secondary
            .filter((a) => !a.enabled && a.disabledReason)
            .map((a) => (
              <Typography.Paragraph key={a.action} type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                {a.label}不可用：{a.disabledReason}
              </Typography.Paragraph>
            ))}
        </PhoneSection>
      ) : null}
      {unavailable.length > 0 ? (
        <PhoneSection title="暂不可办理" labelledBy="task-unavailable">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {unavailable.map((a) => (
              <li key={a.action} style={{ fontSize: 13, color: '#5c6370' }}>
                <Button size="small" disabled style={{ marginRight: 6 }}>
                  {a.label}
                </Button>
                {a.disabledReason}
              </li>
            ))}
          </ul>
        </PhoneSection>
      ) : null}
      <Drawer
        title={sheet ? ACTION_SPECS[sheet].title : ''}
        placement="bottom"
        size="70%"
        open={sheet !== null}
        onClose={() => setSheet(null)}
        destroyOnHidden
      >
        {sheet ? (
          <ActionForm
            key={`${detail.case.id}-${sheet}`}
            detail={detail}
            action={sheet}
            onDone={() => setSheet(null)}
            onRefresh={onRefresh}
          />
        ) : null}
      </Drawer>
    </>
  );
}
