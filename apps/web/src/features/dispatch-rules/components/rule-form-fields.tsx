import { Col, Form, Input, InputNumber, Radio, Row, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { areaTreeOptions, departmentTreeOptions } from '../../../lib/tree-options';
import type { DispatchRuleOptions, useRuleCatalogue } from '../api/dispatch-rules';
import { departmentsServing } from '../department-choices';
import type { RuleFormValues } from '../rule-form-values';
import { CategoryFields } from './category-fields';

const URGENCY_CHOICES = [
  { value: 'any', label: '不限' },
  { value: 'normal', label: '一般' },
  { value: 'urgent', label: '紧急' },
];

/** The fields of 新增规则 / 编辑规则; departments offered are those serving the whole chosen area. */
export function RuleFormFields({
  options,
  catalogue,
}: {
  options: DispatchRuleOptions | undefined;
  catalogue: ReturnType<typeof useRuleCatalogue>;
}) {
  const form = Form.useFormInstance<RuleFormValues>();
  const areaId = Form.useWatch('areaId', form);
  const citywide = options?.citywide ?? false;
  const areaTree = useMemo(() => areaTreeOptions(options?.areas ?? []), [options?.areas]);
  const serving = useMemo(
    () => departmentsServing(options?.departments ?? [], options?.areas ?? [], areaId ?? null),
    [options, areaId],
  );
  const departmentTree = useMemo(() => departmentTreeOptions(serving), [serving]);
  const servingIds = new Set(serving.map((d) => d.id));
  const servesArea = (id: number | undefined) => id === undefined || servingIds.has(id);
  const loading = options === undefined;

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          label="规则名称"
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, max: 40, message: '规则名称为 2–40 个字' }]}
        >
          <Input placeholder="如：临江区施工扰民" maxLength={40} />
        </Form.Item>
      </Col>
      <CategoryFields catalogue={catalogue} kindRequired={false} anyLabel="不限" />
      <Col xs={24} md={12}>
        <Form.Item
          label="区域"
          name="areaId"
          rules={[{ required: !citywide, message: '请选择区域' }]}
          extra={citywide ? '不选则适用全市' : undefined}
        >
          <TreeSelect
            treeData={areaTree}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={areaTree.map((node) => node.value)}
            placeholder={citywide ? '全市' : '请选择区域'}
            loading={loading}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="紧急程度" name="urgency">
          <Radio.Group options={URGENCY_CHOICES} optionType="button" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="主办部门"
          name="leadDepartmentId"
          dependencies={['areaId']}
          rules={[
            { required: true, message: '请选择主办部门' },
            {
              validator: (_rule, id?: number) =>
                servesArea(id) ? Promise.resolve() : Promise.reject(new Error('所选部门不服务该区域的全部范围')),
            },
          ]}
        >
          <TreeSelect
            treeData={departmentTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="选择主办部门"
            loading={loading}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="协办部门"
          name="assistingDepartmentIds"
          dependencies={['areaId', 'leadDepartmentId']}
          rules={[
            {
              validator: (_rule, ids?: number[]) => {
                if (ids?.includes(form.getFieldValue('leadDepartmentId')))
                  return Promise.reject(new Error('主办部门不能同时是协办部门'));
                if (!(ids ?? []).every(servesArea)) return Promise.reject(new Error('所选部门不服务该区域的全部范围'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <TreeSelect
            treeData={departmentTree}
            multiple
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="可选，多个协办部门"
            loading={loading}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="自动派遣"
          name="automatic"
          valuePropName="checked"
          extra="开启后，立案时符合本规则的案件直接派往所选部门，无需派遣员操作；关闭则仅作为派遣建议"
        >
          <Switch checkedChildren="自动" unCheckedChildren="人工" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="优先级"
          name="priority"
          rules={[{ required: true, type: 'integer', min: 0, max: 100, message: '优先级为 0–100 的整数' }]}
          extra="数值大的规则优先；优先级相同时，范围更具体的规则优先"
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="备注" name="note" rules={[{ max: 200, message: '备注最多 200 个字' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
