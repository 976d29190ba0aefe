import type { ReactNode } from 'react';
import styles from '../wall.module.css';
import { WALL_PANELS, type WallPanel } from '../wall-pages';

/** A wall panel: title, 固定 toggle, and its content (or a quiet note when it has nothing yet). */
export function Panel({
  panel,
  pinned,
  onPin,
  empty,
  children,
}: {
  panel: WallPanel;
  pinned: boolean;
  onPin: (panel: WallPanel) => void;
  empty?: string | false;
  children: ReactNode;
}) {
  const title = WALL_PANELS[panel];
  return (
    <section className={styles.panel} style={{ gridArea: panel }} aria-label={title}>
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>{title}</h2>
        <button
          type="button"
          className={styles.pin}
          aria-pressed={pinned}
          aria-label={`${pinned ? '取消固定' : '固定'}${title}`}
          onClick={() => onPin(panel)}
        >
          {pinned ? '已固定' : '固定'}
        </button>
      </header>
      <div className={styles.panelBody}>{empty ? <div className={styles.empty}>{empty}</div> : children}</div>
    </section>
  );
}
