import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_TYPES, type FieldDef, type FieldType } from '@citygov/domain/collection/forms';
import { Alert, App, Button, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type TypesAndPlaces, useSaveForm } from '../api/collection';

const TYPE_LABEL: Record<FieldType, string> = {
  text: '文本',
  phone: '手机号',
  idcard: '身份证号',
  number: '数字',
  select: '下拉选择',
};

interface Draft {
  /** A local id for React and the buttons; kept fields also carry their key. */
  id: string;
  key?: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string;
}

let nextId = 0;
const draftOf = (f: FieldDef): Draft => ({
  id: `d${nextId++}`,
  key: f.key,
  label: f.label,
  type: f.type,
  required: f.required,
  options: (f.options ?? []).join('、'),
});

/**
 * 表单设置: a type's form as a list of fields to rename, retype, mark required, reorder,
 * remove or add. Saving makes the next version; existing records keep the one they were made with.
 */
export function FormEditorDialog({
  open,
  onClose,
  catalog,
  typeCode,
  readOnlyReason,
}: {
  open: boolean;
  onClose: () => void;
  catalog: TypesAndPlaces;
  typeCode: string | undefined;
  /** Set when the user may only read the forms (a district account: the forms are city-wide). */
  readOnlyReason: string | null;
}) {
  const { message } = App.useApp();
  const save = useSaveForm();
  const [code, setCode] = useState(typeCode ?? catalog.types[0]?.code ?? '');
  const type = catalog.types.find((t) => t.code === code);
  const [drafts, setDrafts] = useState<Draft[]>(() => (type?.fields ?? []).map(draftOf));
  const readOnly = readOnlyReason !== null;

  const pickType = (next: string) => {
    setCode(next);
    setDrafts((catalog.types.find((t) => t.code === next)?.fields ?? []).map(draftOf));
  };
  const change = (id: string, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((all) => {
      const next = [...all];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });

  const submit = async () => {
    if (!type) return;
    try {
      const saved = await save.mutateAsync({
        typeCode: type.code,
        expectedVersion: type.formVersion,
        fields: drafts.map((d) => ({
          key: d.key,
          label: d.label,
          type: d.type,
          required: d.required,
          options: d.type === 'select' ? d.options.split(/[、,，\s]+/).filter(Boolean) : undefined,
        })),
      });
      message.success(`已保存为第 ${saved.formVersion} 版表单`);
      onClose();
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <Modal
      title="表单设置"
      open={open}
      onCancel={onClose}
      width={1000}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{readOnly ? '关闭' : '取消'}</Button>
          {readOnly ? null : (
            <Button type="primary" loading={save.isPending} onClick={submit}>
              保存为新版本
            </Button>
          )}
        </Space>
      }
    >
      {readOnlyReason ? <Alert type="info" showIcon message={readOnlyReason} style={{ marginBottom: 12 }} /> : null}
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label="表单所属采集类型"
          style={{ width: 180 }}
          value={code}
          onChange={pickType}
          options={catalog.types.map((t) => ({ value: t.code, label: t.name }))}
        />
        {type ? <Typography.Text type="secondary">当前第 {type.formVersion} 版</Typography.Text> : null}
        <Typography.Text type="secondary">保存后生成新版本，已有记录保留原来的字段</Typography.Text>
      </Space>
      <Table<Draft>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={drafts}
        columns={[
          { title: '序号', key: 'n', width: 56, render: (_, __, i) => i + 1 },
          {
            title: '字段名称',
            key: 'label',
            render: (_, d, i) => (
              <Input
                aria-label={`字段名称 ${i + 1}`}
                value={d.label}
                maxLength={20}
                disabled={readOnly}
                onChange={(e) => change(d.id, { label: e.target.value })}
              />
            ),
          },
          {
            title: '类型',
            key: 'type',
            width: 130,
            render: (_, d, i) => (
              <Select
                aria-label={`字段类型 ${i + 1}`}
                style={{ width: '100%' }}
                value={d.type}
                disabled={readOnly}
                onChange={(type: FieldType) => change(d.id, { type })}
                options={FIELD_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] }))}
              />
            ),
          },
          {
            title: '选项（下拉选择）',
            key: 'options',
            render: (_, d, i) =>
              d.type === 'select' ? (
                <Input
                  aria-label={`选项 ${i + 1}`}
                  value={d.options}
                  placeholder="用顿号分隔，如：餐饮、零售"
                  disabled={readOnly}
                  onChange={(e) => change(d.id, { options: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: '必填',
            key: 'required',
            width: 64,
            render: (_, d, i) => (
              <Switch
                aria-label={`必填 ${i + 1}`}
                checked={d.required}
                disabled={readOnly}
                onChange={(required) => change(d.id, { required })}
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, d: Draft, i: number) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={`上移 ${i + 1}`}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={`下移 ${i + 1}`}
                        disabled={i === drafts.length - 1}
                        onClick={() => move(i, 1)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除 ${i + 1}`}
                        onClick={() => setDrafts((all) => all.filter((x) => x.id !== d.id))}
                      />
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {readOnly ? null : (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 12 }}
          onClick={() =>
            setDrafts((all) => [...all, { id: `d${nextId++}`, label: '', type: 'text', required: false, options: '' }])
          }
        >
          添加字段
        </Button>
      )}
    </Modal>
  );
}
