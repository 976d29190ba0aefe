import { useEffect } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { CollectForm } from '../../features/collection/components/collect-form';
import { OwnerPage } from '../../features/collection/components/owner-page';
import { PhoneFrame } from '../../features/collection/components/phone-frame';

function TokenPage() {
  const { token = '' } = useParams();
  useEffect(() => {
    document.title = '扫码登记 · 云湖市城市管理';
  }, []);
  return (
    <PhoneFrame title="扫码登记">
      <CollectForm token={token} />
    </PhoneFrame>
  );
}

function MePage() {
  useEffect(() => {
    document.title = '我的登记 · 云湖市城市管理';
  }, []);
  return (
    <PhoneFrame title="我的登记">
      <OwnerPage />
    </PhoneFrame>
  );
}

/** /collect/*: the public phone pages of 信息采集 (no staff sign-in). */
export function CollectRoot() {
  return (
    <Routes>
      <Route path="me" element={<MePage />} />
      <Route path=":token" element={<TokenPage />} />
    </Routes>
  );
}
