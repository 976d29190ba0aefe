import type { LeaderHome } from '../api/leader';

const TILE: React.CSSProperties = {
  borderRadius: 12,
  padding: '14px 16px',
  background: '#fff',
  boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
  minHeight: 92,
};

/** The area at a glance: six large numbers, the alarming ones in red. */
export function KpiTiles({ home }: { home: LeaderHome }) {
  const k = home.kpis;
  const tiles = [
    { label: '在办案件', value: k.open },
    { label: '超期案件', value: k.overdue, alarm: k.overdue > 0 },
    { label: '督办中', value: k.supervised },
    { label: '本月上报', value: k.reportedThisMonth },
    { label: '本月结案', value: k.closedThisMonth },
    {
      label: '督办单待回复',
      value: home.orders.open,
      sub: home.orders.escalated > 0 ? `已升级 ${home.orders.escalated}` : '',
    },
  ];
  return (
    <section
      aria-label="关键指标"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }}
    >
      {tiles.map((t) => (
        <div key={t.label} style={TILE}>
          <div style={{ fontSize: 16, color: '#595959' }}>{t.label}</div>
          <div style={{ fontSize: 34, fontWeight: 600, color: t.alarm ? '#cf1322' : '#1f1f1f', lineHeight: 1.2 }}>
            {t.value}
          </div>
          {t.sub ? <div style={{ color: '#cf1322', fontSize: 14 }}>{t.sub}</div> : null}
        </div>
      ))}
    </section>
  );
}
