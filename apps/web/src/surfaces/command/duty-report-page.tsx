import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDutyReport } from '../../features/command/api/command';
import { DutyReportTable, dutyReportSheet } from '../../features/command/components/duty-report-table';
import { apiErrorMessage } from '../../lib/api-error';

const DAY = 'YYYY-MM-DD';

/** Monday of this week (China's weeks start on Monday), the report's default start. */
function mondayOf(day: Dayjs): Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day');
}

/**
 * 在岗统计 /staff/duty: the field staff of the viewer's area scope per day — first 上岗,
 * last 下岗, hours on duty, 巡查里程 and fixes — for a range of days (this week by default),
 * sortable, with totals and an Excel export.
 */
export function DutyReportPage() {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [mondayOf(dayjs()), dayjs()]);
  const report = useDutyReport({ from: range[0].format(DAY), to: range[1].format(DAY) });
  const [exporting, setExporting] = useState(false);
  const exportSheet = async () => {
    if (!report.data) return;
    setExporting(true);
    try {
      const write = (await import('write-excel-file/browser')).default;
      await write(dutyReportSheet(report.data), { sheet: '在岗统计', stickyRowsCount: 1 }).toFile(
        `在岗统计-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.xlsx`,
      );
      message.success(`已导出 ${report.data.rows.length} 条`);
    } catch (error) {
      message.error(`导出失败：${apiErrorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          在岗统计
        </Typography.Title>
      }
      extra={
        <Space>
          <DatePicker.RangePicker
            aria-label="统计日期"
            allowClear={false}
            value={range}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]]);
            }}
            presets={[
              { label: '本周', value: [mondayOf(dayjs()), dayjs()] },
              { label: '今天', value: [dayjs(), dayjs()] },
              { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            ]}
          />
          <Button
            icon={<DownloadOutlined aria-hidden="true" />}
            loading={exporting}
            disabled={!report.data || report.data.rows.length === 0}
            onClick={() => void exportSheet()}
          >
            {exporting ? '正在导出…' : '导出 Excel'}
          </Button>
        </Space>
      }
    >
      {report.isError ? (
        <Alert type="error" showIcon message={apiErrorMessage(report.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <DutyReportTable report={report.data} loading={report.isPending} />
    </Card>
  );
}
