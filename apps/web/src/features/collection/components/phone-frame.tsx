import type { ReactNode } from 'react';

/** The phone pages' frame (/collect/…): a title bar and one column that fits 390 px. */
export function PhoneFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <header style={{ background: '#1f5fbf', color: '#fff', padding: '14px 16px' }}>
        <h1 style={{ margin: 0, fontSize: 18, color: '#fff' }}>{title}</h1>
        <div style={{ fontSize: 12, opacity: 0.85 }}>云湖市城市管理 · 信息采集</div>
      </header>
      <main style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>{children}</main>
    </div>
  );
}
