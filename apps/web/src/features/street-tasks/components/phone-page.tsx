import { LeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import styles from './phone.module.css';

interface PhonePageProps {
  title: string;
  /** Where 返回 goes when there is no history to go back to (opened from a link). */
  backTo: string;
  backLabel?: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** One phone page: the compact top bar (返回 + title) and the content column. */
export function PhonePage({ title, backTo, backLabel = '返回', extra, children }: PhonePageProps) {
  const navigate = useNavigate();
  const goBack = () => {
    // history.state.idx is react-router's own counter: >0 means we came from inside the app.
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(backTo);
  };
  return (
    <>
      <header className={styles.topBar}>
        <Button type="text" aria-label={backLabel} icon={<LeftOutlined />} className={styles.topBarButton} onClick={goBack} />
        <h1>{title}</h1>
        <div className={styles.topBarExtra}>{extra}</div>
      </header>
      <div className={styles.body}>{children}</div>
    </>
  );
}

/** A white block with a heading, the unit the phone pages are built from. */
export function PhoneSection({
  title,
  extra,
  children,
  labelledBy,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  labelledBy?: string;
}) {
  return (
    <section className={styles.section} aria-labelledby={labelledBy}>
      {title ? (
        <h2 className={styles.sectionTitle}>
          <span id={labelledBy}>{title}</span>
          {extra}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
