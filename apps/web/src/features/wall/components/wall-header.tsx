import type { WallView } from '../api/wall-api';
import styles from '../wall.module.css';
import { ageText, WALL_PAGES } from '../wall-pages';

export function WallHeader({
  view,
  area,
  onArea,
  page,
  onPage,
  connected,
  updatedAt,
  now,
}: {
  view: WallView;
  area: string;
  onArea: (code: string) => void;
  page: number;
  onPage: (page: number) => void;
  connected: boolean;
  updatedAt: number;
  now: number;
}) {
  return (
    <header className={styles.header}>
      <div className={styles.headerLeft}>
        <select
          className={styles.select}
          aria-label="大屏区域"
          value={area}
          onChange={(event) => onArea(event.target.value)}
        >
          {view.areaChoices.map((choice) => (
            <option key={choice.code || 'own'} value={choice.code}>
              {choice.name}
            </option>
          ))}
        </select>
        <nav aria-label="大屏页面" style={{ display: 'flex', gap: '0.4em' }}>
          {WALL_PAGES.map((p, i) => (
            <button
              key={p.key}
              type="button"
              className={styles.pageButton}
              aria-pressed={i === page}
              onClick={() => onPage(i)}
            >
              {p.name}
            </button>
          ))}
        </nav>
      </div>
      <h1 className={styles.title}>{view.area.name}城市运行指挥大厅</h1>
      <div className={styles.headerRight}>
        <span className={`${styles.status} ${connected ? styles.statusLive : styles.statusDown}`} role="status">
          {connected ? '● 实时推送' : '● 连接中断，正在重连'} · 数据更新于 {ageText(updatedAt, now)}
        </span>
        <span className={styles.status}>{new Date(now).toLocaleString('zh-CN', { hour12: false })}</span>
      </div>
    </header>
  );
}
