import { Col, Form, Select } from 'antd';
import type { useRuleCatalogue } from '../api/dispatch-rules';
import { KIND_LABELS, type RuleKind } from '../rule-labels';

type Catalogue = ReturnType<typeof useRuleCatalogue>;

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as RuleKind[]).map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
}));

/**
 * 部件/事件 → 大类 → 小类 inside a parent form (fields `kind`, `majorCode`, `categoryCode`);
 * choosing a level clears the narrower ones. `anyLabel` lets a level stay open (不限).
 */
export function CategoryFields({
  catalogue,
  kindRequired,
  anyLabel,
  span = 8,
}: {
  catalogue: Catalogue;
  kindRequired: boolean;
  anyLabel: string;
  span?: number;
}) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch<RuleKind | undefined>('kind', form);
  const majorCode = Form.useWatch<string | undefined>('majorCode', form);
  const majors = catalogue.majors
    .filter((m) => m.kind === kind)
    .map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }));
  const minors = catalogue.minors
    .filter((c) => c.kind === kind && c.majorCode === majorCode)
    .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));

  return (
    <>
      <Col xs={24} md={span}>
        <Form.Item
          label="部件/事件"
          name="kind"
          rules={kindRequired ? [{ required: true, message: '请选择部件或事件' }] : []}
        >
          <Select
            options={KIND_OPTIONS}
            allowClear={!kindRequired}
            placeholder={kindRequired ? '请选择' : anyLabel}
            onChange={() => form.setFieldsValue({ majorCode: undefined, categoryCode: undefined })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={span}>
        <Form.Item label="大类" name="majorCode">
          <Select
            options={majors}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!kind}
            loading={catalogue.loading}
            placeholder={kind ? anyLabel : '先选部件或事件'}
            onChange={() => form.setFieldsValue({ categoryCode: undefined })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={span}>
        <Form.Item label="小类" name="categoryCode">
          <Select
            options={minors}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!majorCode}
            placeholder={majorCode ? '不限（整个大类）' : '先选大类'}
          />
        </Form.Item>
      </Col>
    </>
  );
}
