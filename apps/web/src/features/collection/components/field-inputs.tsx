import type { FieldDef } from '@citygov/domain/collection/forms';
import { Form, Input, Select } from 'antd';

/** The inputs of a type's form definition, under `values.<key>` of an antd Form. */
export function FieldInputs({ fields }: { fields: readonly FieldDef[] }) {
  return (
    <>
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={['values', field.key]}
          label={field.label}
          rules={[{ required: field.required, whitespace: true, message: `请填写${field.label}` }]}
        >
          {field.type === 'select' ? (
            <Select
              aria-label={field.label}
              placeholder={`请选择${field.label}`}
              options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
            />
          ) : (
            <Input
              aria-label={field.label}
              inputMode={field.type === 'phone' || field.type === 'number' ? 'numeric' : undefined}
              maxLength={field.type === 'phone' ? 11 : field.type === 'idcard' ? 18 : 200}
              placeholder={`请输入${field.label}`}
            />
          )}
        </Form.Item>
      ))}
    </>
  );
}
