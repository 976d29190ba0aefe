import { Input, Radio, Space } from 'antd';
import type { CategoryKind } from '../api/catalogue';

export interface CategoryFilterValues {
  kind: CategoryKind | undefined;
  q: string;
}

/** 全部 / 部件 / 事件 and a search by name, synonym or code. */
export function CategoryFilters({
  values,
  onChange,
}: {
  values: CategoryFilterValues;
  onChange: (next: CategoryFilterValues) => void;
}) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Radio.Group
        aria-label="分类类型"
        optionType="button"
        buttonStyle="solid"
        value={values.kind ?? 'all'}
        options={[
          { value: 'all', label: '全部' },
          { value: 'component', label: '部件' },
          { value: 'event', label: '事件' },
        ]}
        onChange={(event) => {
          const kind = event.target.value as CategoryKind | 'all';
          onChange({ ...values, kind: kind === 'all' ? undefined : kind });
        }}
      />
      <Input.Search
        aria-label="搜索分类"
        placeholder="名称、同义词或编码"
        allowClear
        defaultValue={values.q}
        enterButton="搜索"
        onSearch={(q) => onChange({ ...values, q: q.trim() })}
        style={{ width: 300 }}
      />
    </Space>
  );
}
