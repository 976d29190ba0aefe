import type { Role } from '@citygov/domain/permissions';
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { type UserRow, useCreateUser, useUpdateUser } from '../api/users';
import { UserFormFields } from './user-form-fields';

export interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  areaId: number;
  departmentId?: number | null;
  position?: string;
  phone?: string;
}

const FIELDS = ['username', 'displayName', 'password', 'role', 'areaId', 'departmentId', 'position', 'phone'] as const;

function toInitialValues(user: UserRow | null): Partial<UserFormValues> {
  if (!user) return { position: '' };
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    areaId: user.areaId,
    departmentId: user.departmentId,
    position: user.position,
    // The list sends the phone masked: the field starts empty and means "unchanged" when left so.
    phone: '',
  };
}

/** 新增用户 / 编辑用户. Server validation messages land next to their fields. */
export function UserDialog({
  open,
  editing,
  canAssignAdmin,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: UserRow | null;
  canAssignAdmin: boolean;
  onClose: () => void;
  onSaved: (username: string) => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  const submit = (values: UserFormValues) => {
    setServerError(null);
    const phone = values.phone?.trim() ? values.phone.trim() : undefined;
    const fields = {
      displayName: values.displayName.trim(),
      role: values.role,
      areaId: values.areaId,
      departmentId: values.departmentId ?? null,
      position: values.position?.trim() ?? '',
      phone,
    };
    const onError = (error: unknown) => setServerError(applyServerErrors(form, error, FIELDS));
    const done = (username: string) => () => {
      onSaved(username);
      onClose();
    };
    if (editing) {
      update.mutate({ id: editing.id, data: fields }, { onSuccess: done(editing.username), onError });
    } else {
      const username = values.username.trim();
      create.mutate({ ...fields, username, password: values.password }, { onSuccess: done(username), onError });
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `编辑用户：${editing.username}` : '新增用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      {serverError ? (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={toInitialValues(editing)}
        onFinish={submit}
      >
        <UserFormFields creating={!editing} canAssignAdmin={canAssignAdmin} maskedPhone={editing?.phone} />
      </Form>
    </Modal>
  );
}
