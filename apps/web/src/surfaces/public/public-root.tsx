import { Navigate, Route, Routes } from 'react-router';
import { PublicLayout } from '../../features/public-report/components/public-layout';
import { ReportPage } from './report-page';
import { TrackPage } from './track-page';

/** /public/*: the citizen pages, no sign-in (云湖市城市管理问题随手拍 and 进度查询). */
export function PublicRoot() {
  return (
    <PublicLayout>
      <Routes>
        <Route path="report" element={<ReportPage />} />
        <Route path="track" element={<TrackPage />} />
        <Route path="*" element={<Navigate to="/public/report" replace />} />
      </Routes>
    </PublicLayout>
  );
}
