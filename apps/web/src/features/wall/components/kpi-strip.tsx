import type { WallView } from '../api/wall-api';
import styles from '../wall.module.css';

type Kpi = WallView['kpi'];

const CARDS: readonly { key: keyof Kpi; label: string; unit: string; tone?: 'warn' | 'soon' }[] = [
  { key: 'reported', label: '今日上报', unit: '件' },
  { key: 'accepted', label: '今日受理', unit: '件' },
  { key: 'filed', label: '今日立案', unit: '件' },
  { key: 'closed', label: '今日结案', unit: '件' },
  { key: 'closeRate', label: '结案率', unit: '%' },
  { key: 'onTimeCloseRate', label: '按期结案率', unit: '%' },
  { key: 'handleRate', label: '处置率', unit: '%' },
  { key: 'overdue', label: '当前超期', unit: '件', tone: 'warn' },
  { key: 'dueSoon', label: '2小时内到期', unit: '件', tone: 'soon' },
];

/** The KPI cards: today's chain counts and rates, and the clocks running out now. */
export function KpiStrip({ kpi }: { kpi: Kpi }) {
  return (
    <section className={styles.kpis} aria-label="今日指标">
      {CARDS.map((card) => {
        const value = kpi[card.key];
        const tone = card.tone === 'warn' ? styles.kpiWarn : card.tone === 'soon' ? styles.kpiSoon : '';
        return (
          <section key={card.key} className={`${styles.kpi} ${tone}`} aria-label={card.label}>
            <span className={styles.kpiLabel}>{card.label}</span>
            <span className={styles.kpiValue} data-testid={`kpi-${card.key}`}>
              {value === null ? '—' : value.toLocaleString('zh-CN')}
              <span className={styles.kpiUnit}>{value === null ? '' : card.unit}</span>
            </span>
          </section>
        );
      })}
    </section>
  );
}
