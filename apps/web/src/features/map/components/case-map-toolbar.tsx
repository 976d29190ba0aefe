import { CASE_STATUS_NAMES, type CaseStatus } from '@citygov/domain/cases/case-states';
import { Button, DatePicker, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CaseMapFilters } from '../case-map-params';

const STATUS_OPTIONS = (Object.keys(CASE_STATUS_NAMES) as CaseStatus[]).map((value) => ({
  value,
  label: CASE_STATUS_NAMES[value],
}));

/** The case filters (status, report dates; a category from /search shows as a tag) and 框选. */
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
          <span style={{ color: '#8c8c8c' }}>在地图上依次点击顶点（已点 {draftSize} 个），双击或点“完成框选”结束</span>
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
