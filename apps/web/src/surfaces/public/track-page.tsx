import { useEffect } from 'react';
import { TrackView } from '../../features/public-report/components/track-view';

/** /public/track: progress of a report by its 查询码 (/open311/track/{code}.json). */
export function TrackPage() {
  useEffect(() => {
    document.title = '办理进度查询 · 云湖市城市管理';
  }, []);
  return <TrackView />;
}
