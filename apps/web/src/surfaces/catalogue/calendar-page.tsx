import { Alert, App, Badge, Calendar, Card, Col, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCitySettingAccess } from '../../features/auth/city-setting-access';
import { useCalendarMonth, useCalendarOverride } from '../../features/calendar/api/calendar';
import { DayEditor } from '../../features/calendar/components/day-editor';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

/**
 * 工作日历: the calendar every deadline is counted on. Statutory holidays and 调休 come from
 * the national data; city administrators add local changes (a year not yet published, a local
 * holiday). One calendar counts every district's deadlines, so district administrators read it.
 */
export function CalendarPage() {
  const access = useCitySettingAccess('category.manage', 'calendar');
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Dayjs>(dayjs());
  const month = useCalendarMonth(selected.year(), selected.month() + 1);
  const override = useCalendarOverride();
  const days = new Map((month.data ?? []).map((d) => [d.day, d]));
  const chosen = days.get(selected.format('YYYY-MM-DD'));
  const fail = (error: unknown) => message.error(apiErrorMessage(error));

  return (
    <div>
      <PageHeader
        title="工作日历"
        description="事件计时所用的工作日历：法定节假日与调休来自国家日历，可按本地情况调整"
      />
      {access.readOnlyReason ? (
        <Alert type="info" showIcon title={access.readOnlyReason} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Calendar
              value={selected}
              onSelect={(value) => setSelected(value)}
              cellRender={(value, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = days.get(value.format('YYYY-MM-DD'));
                if (!day || value.month() !== selected.month()) return null;
                const weekend = value.day() === 0 || value.day() === 6;
                if (!day.working && !weekend) return <Badge status="error" text="休" />;
                if (day.working && weekend) return <Badge status="processing" text="班" />;
                return day.override ? <Badge status="warning" text="调整" /> : null;
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="所选日期">
            {chosen ? (
              <DayEditor
                key={chosen.day}
                day={chosen}
                canManage={access.editable}
                busy={override.set.isPending || override.remove.isPending}
                onSet={(working, note) =>
                  override.set.mutate(
                    { day: chosen.day, working, ...(note.trim() ? { note: note.trim() } : {}) },
                    {
                      onSuccess: () => message.success(`已将 ${chosen.day} 设为${working ? '工作日' : '休息日'}`),
                      onError: fail,
                    },
                  )
                }
                onRemove={() =>
                  override.remove.mutate(
                    { day: chosen.day },
                    { onSuccess: () => message.success(`${chosen.day} 已恢复国家日历`), onError: fail },
                  )
                }
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
