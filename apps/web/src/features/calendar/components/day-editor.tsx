import { Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

export interface CalendarDay {
  day: string;
  working: boolean;
  libraryWorking: boolean;
  override: { working: boolean; note: string | null } | null;
}

/** The chosen day: what the national calendar says, the local adjustment, and the controls to change it. */
export function DayEditor({
  day,
  canManage,
  busy,
  onSet,
  onRemove,
}: {
  day: CalendarDay;
  canManage: boolean;
  busy: boolean;
  onSet: (working: boolean, note: string) => void;
  onRemove: () => void;
}) {
  const [note, setNote] = useState(day.override?.note ?? '');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'day', label: '日期', children: day.day },
          { key: 'lib', label: '国家法定日历', children: day.libraryWorking ? '工作日' : '休息日' },
          {
            key: 'now',
            label: '计时采用',
            children: <Tag color={day.working ? 'blue' : 'red'}>{day.working ? '工作日' : '休息日'}</Tag>,
          },
          {
            key: 'override',
            label: '本地调整',
            children: day.override
              ? `${day.override.working ? '调为工作日' : '调为休息日'}${day.override.note ? `（${day.override.note}）` : ''}`
              : '无',
          },
        ]}
      />
      {canManage ? (
        <>
          <label htmlFor="calendar-note">
            <Typography.Text>调整说明</Typography.Text>
          </label>
          <Input
            id="calendar-note"
            value={note}
            maxLength={60}
            placeholder="如：2027年春节放假"
            onChange={(e) => setNote(e.target.value)}
          />
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => onSet(!day.working, note)}>
              {day.working ? '设为休息日' : '设为工作日'}
            </Button>
            {day.override ? (
              <Button loading={busy} onClick={onRemove}>
                恢复国家日历
              </Button>
            ) : null}
          </Space>
        </>
      ) : null}
    </Space>
  );
}
