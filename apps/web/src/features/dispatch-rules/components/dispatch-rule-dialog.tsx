import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { apiErrorMessage, apiFieldErrors } from '../../../lib/api-error';
import {
  type DispatchRuleOptions,
  type DispatchRuleRow,
  useCreateDispatchRule,
  useRuleCatalogue,
  useUpdateDispatchRule,
} from '../api/dispatch-rules';
import {
  formValuesOf,
  NEW_RULE,
  type RuleDraft,
  type RuleFormValues,
  ruleDataOf,
  ruleFieldErrors,
} from '../rule-form-values';
import { RuleFormFields } from './rule-form-fields';

/**
 * 新增规则 / 编辑规则. A refused save keeps the dialog open with everything typed, the
 * server's message on top and its per-field messages beside the fields.
 */
export function DispatchRuleDialog({
  open,
  editing,
  draft,
  options,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: DispatchRuleRow | null;
  draft: RuleDraft | null;
  options: DispatchRuleOptions | undefined;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const [form] = Form.useForm<RuleFormValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const catalogue = useRuleCatalogue();
  const create = useCreateDispatchRule();
  const update = useUpdateDispatchRule();

  const submit = (values: RuleFormValues) => {
    setServerError(null);
    const data = ruleDataOf(values);
    const onError = (error: unknown) => {
      form.setFields(ruleFieldErrors(apiFieldErrors(error)) as Parameters<typeof form.setFields>[0]);
      setServerError(apiErrorMessage(error));
    };
    const onSuccess = () => {
      onSaved(data.name);
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, data }, { onSuccess, onError });
    else create.mutate({ ...data, enabled: true }, { onSuccess, onError });
  };

  return (
    <Modal
      open={open}
      title={editing ? `编辑规则：${editing.name}` : '新增派遣规则'}
      width={760}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form<RuleFormValues>
        form={form}
        name="dispatch-rule"
        layout="vertical"
        clearOnDestroy
        initialValues={editing ? formValuesOf(editing) : { ...NEW_RULE, ...draft }}
        onFinish={submit}
      >
        <RuleFormFields options={options} catalogue={catalogue} />
      </Form>
    </Modal>
  );
}
