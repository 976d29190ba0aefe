import { Empty, Slider, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useStaffTrack } from '../api/command';

/**
 * 轨迹回放: a time slider over one person's track of today; the map draws the track up to
 * the slider's moment (`onTrack`), so the chief sees where they went and when.
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
  const track = useStaffTrack(caseId, userId);
  // One array per answer: a fresh [] each render would redraw the map in a loop.
  const points = useMemo(() => track.data?.points ?? [], [track.data]);
  const [upTo, setUpTo] = useState(0);
  useEffect(() => setUpTo(points.length), [points.length]);
  useEffect(() => {
    onTrack(points.slice(0, Math.max(upTo, 1)).map((p) => [p.lng, p.lat]));
  }, [points, upTo, onTrack]);
  if (track.isPending) return <Spin />;
  if (points.length < 2) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今日没有可回放的轨迹" />;
  const current = points[Math.max(upTo, 1) - 1];
  return (
    <div>
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
    </div>
  );
}
