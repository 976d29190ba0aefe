import { PERIOD_KIND_NAMES, type PeriodKind } from '@citygov/domain/evaluation/periods';
import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EvaluationTarget } from '../api/evaluation';
import { LEVEL_OPTIONS, SUBJECT_OPTIONS } from '../labels';

const PERIOD_OPTIONS = (Object.keys(PERIOD_KIND_NAMES) as PeriodKind[]).map((value) => ({
  value,
  label: PERIOD_KIND_NAMES[value],
}));

function anchorOf(period: EvaluationTarget['period']): Dayjs {
  switch (period.kind) {
    case 'month':
      return dayjs(new Date(period.year, period.month - 1, 1));
    case 'quarter':
      return dayjs(new Date(period.year, period.quarter * 3 - 3, 1));
    case 'year':
      return dayjs(new Date(period.year, 0, 1));
    case 'custom':
      return dayjs(period.from);
  }
}

function periodAt(kind: PeriodKind, day: Dayjs): EvaluationTarget['period'] {
  switch (kind) {
    case 'month':
      return { kind, year: day.year(), month: day.month() + 1 };
    case 'quarter':
      return { kind, year: day.year(), quarter: Math.floor(day.month() / 3) + 1 };
    case 'year':
      return { kind, year: day.year() };
    case 'custom':
      return { kind, from: day.startOf('month').format('YYYY-MM-DD'), to: day.format('YYYY-MM-DD') };
  }
}

/** 考核周期 × 考核对象 (× 区域层级): what the page ranks. */
export function EvaluationFilters({
  target,
  onChange,
}: {
  target: EvaluationTarget;
  onChange: (next: EvaluationTarget) => void;
}) {
  const period = target.period;
  const anchor = anchorOf(period);
  return (
    <Space wrap>
      <Select
        aria-label="考核周期"
        style={{ width: 100 }}
        value={period.kind}
        options={PERIOD_OPTIONS}
        onChange={(kind: PeriodKind) => onChange({ ...target, period: periodAt(kind, anchor) })}
      />
      {period.kind === 'custom' ? (
        <DatePicker.RangePicker
          aria-label="起止日期"
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to)
              onChange({
                ...target,
                period: { kind: 'custom', from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') },
              });
          }}
        />
      ) : (
        <DatePicker
          aria-label="选择周期"
          allowClear={false}
          picker={period.kind === 'month' ? 'month' : period.kind === 'quarter' ? 'quarter' : 'year'}
          value={anchor}
          onChange={(day) => day && onChange({ ...target, period: periodAt(period.kind, day) })}
        />
      )}
      <Select
        aria-label="考核对象"
        style={{ width: 140 }}
        value={target.subjectKind}
        options={SUBJECT_OPTIONS}
        onChange={(subjectKind) => onChange({ ...target, subjectKind })}
      />
      {target.subjectKind === 'area' ? (
        <Select
          aria-label="区域层级"
          style={{ width: 110 }}
          value={target.areaLevel ?? 'district'}
          options={LEVEL_OPTIONS}
          onChange={(areaLevel) => onChange({ ...target, areaLevel })}
        />
      ) : null}
    </Space>
  );
}
