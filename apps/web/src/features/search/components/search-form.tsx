import { CASE_STATUS_NAMES, type CaseStatus } from '@citygov/domain/cases/case-states';
import { Cascader, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useCategoryTree } from '../api/search';
import { categoryPath, categoryValue } from '../search-params';

export interface SearchFormValues {
  q: string;
  statuses: CaseStatus[];
  category: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

const STATUS_OPTIONS = (Object.keys(CASE_STATUS_NAMES) as CaseStatus[]).map((value) => ({
  value,
  label: CASE_STATUS_NAMES[value],
}));

/** 综合查询's phrase and filters; the phrase searches on Enter or the button. */
export function SearchForm({
  values,
  onChange,
}: {
  values: SearchFormValues;
  onChange: (next: SearchFormValues) => void;
}) {
  const categories = useCategoryTree();
  const [phrase, setPhrase] = useState(values.q);
  useEffect(() => setPhrase(values.q), [values.q]);
  return (
    <Space wrap size="middle">
      <Input.Search
        aria-label="查询内容"
        placeholder="输入描述或地址中的词语，如：井盖缺失、翠微巷"
        enterButton="查询"
        allowClear
        style={{ width: 460 }}
        value={phrase}
        maxLength={50}
        onChange={(e) => setPhrase(e.target.value)}
        onSearch={(q) => onChange({ ...values, q: q.trim() })}
      />
      <Select
        aria-label="状态"
        mode="multiple"
        allowClear
        placeholder="全部状态"
        style={{ minWidth: 200 }}
        maxTagCount="responsive"
        options={STATUS_OPTIONS}
        value={values.statuses}
        onChange={(statuses: CaseStatus[]) => onChange({ ...values, statuses })}
      />
      <Cascader
        aria-label="类别"
        changeOnSelect
        placeholder="全部类别"
        style={{ width: 240 }}
        options={categories}
        value={categoryPath(values.category)}
        onChange={(path) => onChange({ ...values, category: categoryValue(path as string[] | undefined) })}
      />
      <DatePicker.RangePicker
        aria-label="上报日期"
        value={values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : null}
        onChange={(range) => {
          const [from, to] = range ?? [];
          onChange({ ...values, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
        }}
      />
    </Space>
  );
}
