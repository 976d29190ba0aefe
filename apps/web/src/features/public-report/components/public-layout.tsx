import { FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import styles from './public.module.css';

const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab);

/** The citizen pages' frame: the city banner with 我要反映 / 进度查询, then the page column. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.page}>
      <header className={styles.banner}>
        <div className={styles.bannerInner}>
          <h1>云湖市城市管理问题随手拍</h1>
          <p>发现城市管理问题，随手一拍，我们及时处置</p>
          <nav aria-label="页面切换" className={styles.tabs}>
            <NavLink to="/public/report" className={tabClass}>
              <FormOutlined aria-hidden="true" />
              我要反映
            </NavLink>
            <NavLink to="/public/track" className={tabClass}>
              <FileSearchOutlined aria-hidden="true" />
              进度查询
            </NavLink>
          </nav>
        </div>
      </header>
      <main className={styles.body}>{children}</main>
    </div>
  );
}

/** A white block with a heading, the unit both pages are built from. */
export function PublicSection({
  title,
  required = false,
  children,
  id,
}: {
  title?: string;
  required?: boolean;
  children: ReactNode;
  id?: string;
}) {
  return (
    <section className={styles.section} aria-labelledby={title && id ? id : undefined}>
      {title ? (
        <h2 id={id} className={styles.sectionTitle}>
          {title}
          {required ? (
            <span className={styles.required} aria-hidden="true">
              *
            </span>
          ) : null}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
