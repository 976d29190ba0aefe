import { useEffect } from 'react';
import { ReportForm } from '../../features/public-report/components/report-form';
import { PinMap } from '../../lib/map/pin-map';

/** /public/report: the report form with the offline city map as its location picker. */
export function ReportPage() {
  useEffect(() => {
    document.title = '城市管理问题随手拍 · 云湖市';
  }, []);
  return (
    <ReportForm
      renderMap={({ point, bounds, onPick }) => (
        <PinMap
          ariaLabel="问题位置地图（点击地图可选择或调整位置）"
          pins={point ? [{ id: 1, lng: point.lng, lat: point.lat, tone: 'picked' }] : []}
          bounds={bounds}
          fitPins={false}
          onPick={onPick}
        />
      )}
    />
  );
}
