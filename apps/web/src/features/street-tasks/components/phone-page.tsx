import { LeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import styles from './phone.module.css';
import { TOP_BAR_BUTTON } from './phone-styles';

interface PhonePageProps {
  title: string;
  /** Where 返回 goes when there is no history to go back to (opened from a link). */
  backTo: string;
  backLabel?: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** One phone page: the compact top bar (返回 + title) and the content column. */
/** Back to where the user came from inside the app, or to `fallback` when the page was opened directly. */
export function useGoBack(fallback: string) {
  const navigate = useNavigate();
  return () => {
    // history.state.idx is react-router's own counter: >0 means there is an in-app page to return to.
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback, { replace: true });
  };
}

export function PhonePage({ title, backTo, backLabel = '返回', extra, children }: PhonePageProps) {
  const goBack = useGoBack(backTo);
  return (
    <>
      <header className={styles.topBar}>
        <Button
          type="text"
          aria-label={backLabel}
          icon={<LeftOutlined aria-hidden="true" />}
          style={TOP_BAR_BUTTON}
          onClick={goBack}
        />
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
