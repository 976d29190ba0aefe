import { autoOffLabel } from '@citygov/domain/command/duty-silence';
import { DatePicker, Empty, Slider, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useStaffTrack } from '../api/command';

/**
 * 轨迹回放: a time slider over one person's track of a day (today unless another is picked); the map draws the track up to
 * the slider's moment (`onTrack`), so the chief sees where they went and when; below, the day's 上岗 / 下岗, a
 * 自动下岗 (the phone went silent) told apart from a 下岗 the person pressed.
 */
export function TrackReplay({
  caseId,
  userId,
  onTrack,
}: {
  caseId: number;
  userId: number;
  onTrack: (track: [number, number][]) => void;
}) {
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const track = useStaffTrack(caseId, userId, day.format('YYYY-MM-DD'));
  // One array per answer: a fresh [] each render would redraw the map in a loop.
  const points = useMemo(() => track.data?.points ?? [], [track.data]);
  const [upTo, setUpTo] = useState(0);
  useEffect(() => setUpTo(points.length), [points.length]);
  useEffect(() => {
    onTrack(points.slice(0, Math.max(upTo, 1)).map((p) => [p.lng, p.lat]));
  }, [points, upTo, onTrack]);
  const picker = (
    <DatePicker
      aria-label="回放日期"
      allowClear={false}
      value={day}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      onChange={(value) => value && setDay(value)}
      style={{ marginBottom: 8 }}
    />
  );
  if (track.isPending) return <Spin />;
  const today = day.isSame(dayjs(), 'day');
  if (points.length < 2)
    return (
      <div>
        {picker}
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={today ? '今日没有可回放的轨迹' : `${day.format('M月D日')}没有可回放的轨迹`}
        />
      </div>
    );
  const current = points[Math.max(upTo, 1) - 1];
  const duty = track.data?.duty ?? [];
  return (
    <div>
      {picker}
      <div style={{ marginBottom: 4 }}>
        {track.data?.name} · 回放至 {current ? formatDateTime(current.at) : '—'}（{upTo}/{points.length}）
      </div>
      <Slider
        ariaLabelForHandle="轨迹回放时间"
        min={1}
        max={points.length}
        value={Math.max(upTo, 1)}
        onChange={setUpTo}
        tooltip={{ formatter: (i) => (i ? formatDateTime(points[i - 1]?.at) : '') }}
      />
      {duty.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} aria-label="当日上岗下岗记录">
          {duty
            .map((d) => {
              const what = d.onDuty ? '上岗' : d.autoOffMinutes === null ? '下岗' : autoOffLabel(d.autoOffMinutes);
              return `${formatDateTime(d.at).slice(-8, -3)} ${what}`;
            })
            .join(' · ')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
