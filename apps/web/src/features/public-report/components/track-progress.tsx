import { Steps, Tag, Typography } from 'antd';
import type { PublicProgress } from '../api/open311-client';
import styles from './public.module.css';
import { PublicSection } from './public-layout';
import { shownTime } from './public-time';

/** One report's progress as the public sees it: status, the reply, key dates, the steps so far. */
export function TrackProgress({ progress }: { progress: PublicProgress }) {
  return (
    <PublicSection title="办理进度" id="track-result-title">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8, flexWrap: 'wrap' }}>
        <Tag color={progress.finished ? 'green' : 'blue'} style={{ fontSize: 15, padding: '2px 10px' }}>
          {progress.status}
        </Tag>
        <Typography.Text>{progress.notice}</Typography.Text>
      </div>
      {progress.merged ? (
        <Typography.Paragraph className={styles.hint}>
          您反映的问题与其他市民反映的同一问题已合并办理，以下为合并后的办理进度。
        </Typography.Paragraph>
      ) : null}
      {progress.reply ? (
        <div className={styles.reply} role="note" aria-label="办理答复">
          <div className={styles.replyTitle}>办理答复</div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{progress.reply}</div>
        </div>
      ) : null}
      <dl className={styles.facts}>
        <dt>查询码</dt>
        <dd className={styles.code}>{progress.trackingCode}</dd>
        <dt>问题类型</dt>
        <dd>{progress.category ?? '—'}</dd>
        {progress.agency ? (
          <>
            <dt>处置单位</dt>
            <dd>{progress.agency}</dd>
          </>
        ) : null}
        <dt>反映时间</dt>
        <dd>{shownTime(progress.reportedAt)}</dd>
        {progress.expectedAt ? (
          <>
            <dt>本环节时限</dt>
            <dd>{shownTime(progress.expectedAt)}</dd>
          </>
        ) : null}
        {progress.finishedAt ? (
          <>
            <dt>办结时间</dt>
            <dd>{shownTime(progress.finishedAt)}</dd>
          </>
        ) : null}
        <dt>问题位置</dt>
        <dd>{progress.address}</dd>
        <dt>问题描述</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{progress.description}</dd>
      </dl>
      <h3 className={styles.subTitle} id="track-steps-title">
        办理过程
      </h3>
      <Steps
        aria-labelledby="track-steps-title"
        orientation="vertical"
        size="small"
        current={progress.steps.length - 1}
        status={progress.finished ? 'finish' : 'process'}
        items={progress.steps.map((step) => ({ title: step.label, content: shownTime(step.at) }))}
      />
    </PublicSection>
  );
}
