import { Button, DatePicker, Empty, List, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { useRecords } from '../api/video';

/** 录像检索: the chosen camera's recordings in a time range; 回放 opens one in the selected window. */
export function RecordSearch({
  camera,
  onPlayback,
}: {
  camera: { deviceId: string; channelId: string; name: string } | null;
  onPlayback: (start: Date, end: Date) => void;
}) {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(3, 'hour'), dayjs()]);
  const [asked, setAsked] = useState<{ start: Date; end: Date } | null>(null);
  const records = useRecords(
    camera && asked ? { deviceId: camera.deviceId, channelId: camera.channelId, ...asked } : null,
  );
  return (
    <section aria-label="录像检索">
      <Space direction="vertical" style={{ width: '100%' }}>
        <DatePicker.RangePicker
          aria-label="录像时段"
          showTime
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          style={{ width: '100%' }}
        />
        <Button
          disabled={!camera}
          onClick={() => setAsked({ start: range[0].toDate(), end: range[1].toDate() })}
          loading={records.isFetching}
        >
          查询录像
        </Button>
        {records.isError ? <div role="alert">{apiErrorMessage(records.error)}</div> : null}
        {asked && records.data ? (
          records.data.length === 0 ? (
            <Empty description="该时段没有录像" />
          ) : (
            <List
              size="small"
              dataSource={records.data}
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <Button key="play" size="small" type="link" onClick={() => onPlayback(r.startTime, r.endTime)}>
                      回放
                    </Button>,
                  ]}
                >
                  {dayjs(r.startTime).format('MM-DD HH:mm')} – {dayjs(r.endTime).format('HH:mm')}
                </List.Item>
              )}
            />
          )
        ) : null}
      </Space>
    </section>
  );
}
