import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { isPublicReplyAction } from '@citygov/domain/tracking/public-progress';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { apiErrorMessage, apiFieldErrors } from '../../../lib/api-error';
import { type CaseActionInput, type CaseActionOption, type CaseRecord, useCaseAction } from '../api/cases';
import { isCaseConflict } from '../case-conflict';
import { ActionFields, type ActionFormValues } from './action-fields';
import { DispatchDialogLayout, isAssistedDispatch } from './dispatch-dialog-layout';
import { PhrasePicker } from './phrase-picker';

/** The server names the input field at fault; a few are shown under another control of this form. */
const FORM_FIELD_OF: Record<string, keyof ActionFormValues> = {
  extension: 'extensionAmount',
  'extension.amount': 'extensionAmount',
  mergeIntoCaseId: 'mergeLeadNo',
};

function toInput(record: CaseRecord, action: CaseAction, values: ActionFormValues, photos: number[]): CaseActionInput {
  return {
    caseId: record.id,
    expectedVersion: record.version,
    action,
    ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
    ...(values.leadDepartmentId ? { leadDepartmentId: values.leadDepartmentId } : {}),
    ...(values.assistingDepartmentIds?.length ? { assistingDepartmentIds: values.assistingDepartmentIds } : {}),
    ...(values.extensionAmount
      ? { extension: { amount: values.extensionAmount, unit: values.extensionUnit ?? 'working_days' } }
      : {}),
    ...(values.confirmed !== undefined ? { confirmed: values.confirmed } : {}),
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    ...(values.mergeIntoCaseId ? { mergeIntoCaseId: values.mergeIntoCaseId } : {}),
    ...(values.gridMemberId ? { gridMemberId: values.gridMemberId } : {}),
    ...(values.replyHours ? { replyHours: values.replyHours } : {}),
    attachmentIds: photos,
  };
}

/**
 * One workflow action on one case: opinion (意见, with 习惯语), the action's own fields,
 * submitted against the version the user saw. A newer version means someone else acted
 * first: the server says who and what, the dialog closes and the case reloads.
 */
export function ActionDialog({
  record,
  option,
  onClose,
  onDone,
}: {
  record: CaseRecord;
  option: CaseActionOption;
  onClose: () => void;
  onDone: (label: string) => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const [photos, setPhotos] = useState<number[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const act = useCaseAction();
  const reason = Form.useWatch('reason', form) ?? '';
  const required = option.reason === 'required';
  // 派遣 and 强制派遣 open wide, with 派遣助手 beside the form.
  const assisted = isAssistedDispatch(option.action);
  // A citizen follows their report by its 查询码: the closing or refusing opinion is their reply.
  const publicReply = record.trackingCode !== null && isPublicReplyAction(option.action);

  const submit = async (values: ActionFormValues) => {
    setServerError(null);
    try {
      await act.mutateAsync(toInput(record, option.action, values, photos));
      onDone(option.label);
    } catch (error) {
      const message = apiErrorMessage(error);
      if (isCaseConflict(error)) {
        onClose();
        modal.warning({ title: '案件已被他人处理', content: message, okText: '知道了' });
        return;
      }
      const fields = Object.entries(apiFieldErrors(error)).map(([name, errors]) => ({
        name: FORM_FIELD_OF[name] ?? (name as keyof ActionFormValues),
        errors,
      }));
      if (fields.length > 0) form.setFields(fields);
      else setServerError(message);
    }
  };

  const body = (
    <>
      <ActionFields action={option.action} caseId={record.id} onPhotos={setPhotos} />
      <Form.Item
        name="reason"
        label={publicReply ? '意见（答复反映人）' : '意见'}
        extra={publicReply ? '此意见将作为办理答复向反映人公开，请勿填写内部信息、人员姓名或联系方式' : undefined}
        rules={[
          { required, whitespace: true, message: `请填写${option.label}意见` },
          { max: 1000, message: '意见最多 1000 字' },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={1000} placeholder={required ? '必填' : '选填'} />
      </Form.Item>
      <Form.Item label="习惯语" htmlFor="action-phrase" style={{ marginBottom: 0 }}>
        <PhrasePicker
          id="action-phrase"
          current={reason}
          onPick={(phrase) => form.setFieldValue('reason', reason ? `${reason}${phrase}` : phrase)}
        />
      </Form.Item>
    </>
  );

  return (
    <Modal
      open
      title={`${option.label} · 案件 ${record.caseNo}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={assisted ? 1240 : 600}
      style={assisted ? { maxWidth: 'calc(100vw - 32px)', top: 24 } : undefined}
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form<ActionFormValues> form={form} layout="vertical" onFinish={submit} requiredMark>
        {assisted ? <DispatchDialogLayout caseId={record.id}>{body}</DispatchDialogLayout> : body}
      </Form>
    </Modal>
  );
}
