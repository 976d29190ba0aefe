import { Button, DatePicker, InputNumber, Popover, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AnalyticsView, AnalyticsViewInput } from '../api/analytics';

const MONTH_FORMAT = 'YYYY-MM';

/** The analysis' controls: area (the viewer's own or one below it), months, and the warning thresholds. */
export function AnalyticsToolbar({
  input,
  view,
  onChange,
}: {
  input: AnalyticsViewInput;
  view: AnalyticsView | undefined;
  onChange: (next: AnalyticsViewInput) => void;
}) {
  const trend = input.trend ?? { momPercent: 30, yoyPercent: 30, minCases: 10 };
  const repeat = input.repeat ?? { metres: 50 as const, minCases: 3 };
  const areaOptions = [
    { value: '', label: view && !input.scope.area ? view.area.name : '本辖区' },
    ...(view?.area.level === 'street' ? [] : (view?.areas ?? []).map((a) => ({ value: a.code, label: a.name }))),
  ];
  const thresholds = (
    <Space direction="vertical">
      <Typography.Text strong>上升预警阈值</Typography.Text>
      <Space>
        <label htmlFor="analytics-mom">环比增幅≥</label>
        <InputNumber
          id="analytics-mom"
          aria-label="环比增幅阈值"
          min={0}
          max={1000}
          addonAfter="%"
          value={trend.momPercent}
          onChange={(v) => onChange({ ...input, trend: { ...trend, momPercent: v ?? 0 } })}
        />
      </Space>
      <Space>
        <label htmlFor="analytics-yoy">同比增幅≥</label>
        <InputNumber
          id="analytics-yoy"
          aria-label="同比增幅阈值"
          min={0}
          max={1000}
          addonAfter="%"
          value={trend.yoyPercent}
          onChange={(v) => onChange({ ...input, trend: { ...trend, yoyPercent: v ?? 0 } })}
        />
      </Space>
      <Space>
        <label htmlFor="analytics-tmin">本期至少</label>
        <InputNumber
          id="analytics-tmin"
          aria-label="预警最少案件数"
          min={1}
          max={100000}
          addonAfter="件"
          value={trend.minCases}
          onChange={(v) => onChange({ ...input, trend: { ...trend, minCases: v ?? 1 } })}
        />
      </Space>
      <Typography.Text strong>重复点位（同类别、约50米内）</Typography.Text>
      <Space>
        <label htmlFor="analytics-rmin">至少</label>
        <InputNumber
          id="analytics-rmin"
          aria-label="重复点位最少案件数"
          min={2}
          max={1000}
          addonAfter="件"
          value={repeat.minCases}
          onChange={(v) => onChange({ ...input, repeat: { metres: 50, minCases: v ?? 2 } })}
        />
      </Space>
    </Space>
  );
  return (
    <Space wrap size="middle">
      <Space>
        <span>区域</span>
        <Select
          aria-label="区域"
          style={{ width: 180 }}
          value={input.scope.area ?? ''}
          options={areaOptions}
          onChange={(code: string) => {
            const { area: _area, ...rest } = input.scope;
            onChange({ ...input, scope: code ? { ...rest, area: code } : rest });
          }}
        />
      </Space>
      <Space>
        <span>统计月份</span>
        <DatePicker.RangePicker
          picker="month"
          aria-label="统计月份"
          allowClear={false}
          value={[dayjs(input.scope.from, MONTH_FORMAT), dayjs(input.scope.to, MONTH_FORMAT)]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) {
              onChange({
                ...input,
                scope: { ...input.scope, from: from.format(MONTH_FORMAT), to: to.format(MONTH_FORMAT) },
              });
            }
          }}
        />
      </Space>
      <Popover content={thresholds} trigger="click" placement="bottomLeft">
        <Button>预警阈值</Button>
      </Popover>
    </Space>
  );
}
