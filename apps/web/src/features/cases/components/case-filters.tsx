import type { CaseStatus } from '@citygov/domain/cases/case-states';
import { Button, Cascader, Checkbox, Col, DatePicker, Form, Input, Row, Select, Tag, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { TreeOption } from '../../../lib/tree-options';
import type { CascaderOption } from '../category-options';
import { categoryPath, categoryValue } from '../category-options';
import type { CaseFilterValues } from '../hooks/use-case-filters';
import { SOURCE_OPTIONS, STATUS_OPTIONS, URGENCY_OPTIONS } from '../labels';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Col xs={24} md={12} lg={8} xxl={6}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

/** The desk's multi-filter query; every change goes straight to the URL. */
export function CaseFilters({
  values,
  onChange,
  onReset,
  queueLabel,
  categoryOptions,
  areaOptions,
}: {
  values: CaseFilterValues;
  onChange: (next: Partial<CaseFilterValues>) => void;
  onReset: () => void;
  queueLabel: string | undefined;
  categoryOptions: CascaderOption[];
  /** Absent for roles without org.view: the area filter is hidden. */
  areaOptions: TreeOption[] | undefined;
}) {
  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '76px' }}
      wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      component="div"
    >
      {values.queue ? (
        <div style={{ marginBottom: 12 }}>
          待办队列：
          <Tag color="blue" closable closeIcon onClose={() => onChange({ queue: undefined })}>
            {queueLabel ?? values.queue}
          </Tag>
        </div>
      ) : null}
      <Row gutter={16}>
        <Field id="case-filter-q" label="关键词">
          <Input.Search
            id="case-filter-q"
            key={values.q}
            placeholder="案件编号、描述或地址"
            allowClear
            defaultValue={values.q}
            onSearch={(q) => onChange({ q: q.trim() })}
            enterButton="查询"
          />
        </Field>
        <Field id="case-filter-status" label="状态">
          <Select<CaseStatus[]>
            id="case-filter-status"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部状态"
            value={values.statuses}
            options={STATUS_OPTIONS}
            onChange={(statuses) => onChange({ statuses })}
          />
        </Field>
        <Field id="case-filter-category" label="类别">
          <Cascader
            id="case-filter-category"
            options={categoryOptions}
            changeOnSelect
            showSearch
            placeholder="全部类别"
            value={categoryPath(values.category)}
            onChange={(path) => onChange({ category: categoryValue(path) })}
          />
        </Field>
        <Field id="case-filter-source" label="来源">
          <Select
            id="case-filter-source"
            allowClear
            placeholder="全部来源"
            value={values.source}
            options={SOURCE_OPTIONS}
            onChange={(source) => onChange({ source })}
          />
        </Field>
        <Field id="case-filter-urgency" label="紧急程度">
          <Select
            id="case-filter-urgency"
            allowClear
            placeholder="全部"
            value={values.urgency}
            options={URGENCY_OPTIONS}
            onChange={(urgency) => onChange({ urgency })}
          />
        </Field>
        {areaOptions ? (
          <Field id="case-filter-area" label="区域">
            <TreeSelect
              id="case-filter-area"
              allowClear
              showSearch
              treeNodeFilterProp="title"
              placeholder="全部区域"
              value={values.areaId}
              treeData={areaOptions}
              onChange={(areaId?: number) => onChange({ areaId })}
            />
          </Field>
        ) : null}
        <Field id="case-filter-reported" label="上报时间">
          <DatePicker.RangePicker
            id={{ start: 'case-filter-reported' }}
            style={{ width: '100%' }}
            value={values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : null}
            onChange={(range) =>
              onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Field>
        <Col xs={24} md={12} lg={8} xxl={6}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, height: 32, marginBottom: 12 }}>
            <Checkbox checked={values.overdue} onChange={(event) => onChange({ overdue: event.target.checked })}>
              只看已超时
            </Checkbox>
            <Button onClick={onReset}>重置</Button>
          </div>
        </Col>
      </Row>
    </Form>
  );
}
