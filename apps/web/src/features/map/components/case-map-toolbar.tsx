import { CASE_STATUS_NAMES, type CaseStatus } from '@citygov/domain/cases/case-states';
import { Button, DatePicker, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { CaseMapFilters } from '../case-map-params';

const STATUS_OPTIONS = (Object.keys(CASE_STATUS_NAMES) as CaseStatus[]).map((value) => ({
  value,
  label: CASE_STATUS_NAMES[value],
}));

/** 关键词: applied on Enter or the search button (not per keystroke), cleared by its ×. */
function KeywordInput({
  value,
  disabled,
  onSearch,
}: {
  value: string;
  disabled: boolean;
  onSearch: (q: string) => void;
}) {
  const [text, setText] = useState(value);
  // A link or the back button changes the URL: show its words.
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      aria-label="关键词"
      placeholder="关键词（描述、地址）"
      allowClear
      maxLength={50}
      style={{ width: 280 }}
      disabled={disabled}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(q) => onSearch(q.trim())}
      enterButton="查找"
    />
  );
}

/** The case filters (关键词, status, report dates; a category from /search shows as a tag) and 框选. */
export function CaseMapToolbar({
  filters,
  onChange,
  drawing,
  draftSize,
  casesAvailable,
  onStartDrawing,
  onFinishDrawing,
  onCancelDrawing,
}: {
  filters: CaseMapFilters;
  onChange: (next: CaseMapFilters) => void;
  drawing: boolean;
  draftSize: number;
  casesAvailable: boolean;
  onStartDrawing: () => void;
  onFinishDrawing: () => void;
  onCancelDrawing: () => void;
}) {
  return (
    <Space wrap size="small">
      <KeywordInput
        value={filters.q ?? ''}
        disabled={!casesAvailable}
        onSearch={(q) => {
          const { q: _q, ...rest } = filters;
          onChange(q ? { ...rest, q } : rest);
        }}
      />
      <Select
        aria-label="状态"
        mode="multiple"
        allowClear
        placeholder="全部状态"
        style={{ minWidth: 180 }}
        maxTagCount="responsive"
        options={STATUS_OPTIONS}
        disabled={!casesAvailable}
        value={filters.statuses}
        onChange={(statuses: CaseStatus[]) => onChange({ ...filters, statuses })}
      />
      <DatePicker.RangePicker
        aria-label="上报日期"
        disabled={!casesAvailable}
        value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
        onChange={(range) => {
          const [from, to] = range ?? [];
          const { from: _f, to: _t, ...rest } = filters;
          onChange(from && to ? { ...rest, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') } : rest);
        }}
      />
      {filters.category ? (
        <Tag
          closable
          onClose={() => {
            const { category: _c, ...rest } = filters;
            onChange(rest);
          }}
        >
          类别{' '}
          {filters.category.replace(/^(event|component):?/, (_, kind: string) =>
            kind === 'event' ? '事件 ' : '部件 ',
          )}
        </Tag>
      ) : null}
      {drawing ? (
        <>
          <Button type="primary" disabled={draftSize < 3} onClick={onFinishDrawing}>
            完成框选
          </Button>
          <Button onClick={onCancelDrawing}>取消框选</Button>
          <span style={{ color: '#595959' }}>在地图上依次点击顶点（已点 {draftSize} 个），双击或点“完成框选”结束</span>
        </>
      ) : (
        <Button disabled={!casesAvailable} onClick={onStartDrawing}>
          框选
        </Button>
      )}
      {!drawing && filters.polygon ? (
        <Button
          danger
          onClick={() => {
            const { polygon: _p, ...rest } = filters;
            onChange(rest);
          }}
        >
          清除框选
        </Button>
      ) : null}
    </Space>
  );
}
