import { Alert, Button, Input, Radio, Select, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useDelegate, useDelegateCandidates, useMyPosts } from '../api/chiefs';
import styles from './chiefs.module.css';

/** A datetime-local value (local time, minutes) for a Date. */
function localValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const REASONS = ['夜间值班', '请假', '开会', '外出培训'];

/** 交接班: hand all or some of one's grids to another chief for a time window. */
export function HandoverForm() {
  const posts = useMyPosts();
  const candidates = useDelegateCandidates();
  const delegate = useDelegate();
  const formId = useId();
  const now = new Date();
  const [toUserId, setToUserId] = useState<number | undefined>();
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [gridIds, setGridIds] = useState<number[]>([]);
  const [startsAt, setStartsAt] = useState(localValue(now));
  const [endsAt, setEndsAt] = useState(localValue(new Date(now.getTime() + 12 * 3600_000)));
  const [reason, setReason] = useState('夜间值班');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = () => {
    setError(null);
    setDone(null);
    if (!toUserId) return setError('请选择接班人');
    if (scope === 'some' && gridIds.length === 0) return setError('请选择要交接的网格');
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return setError('请填写开始和结束时间');
    delegate.mutate(
      {
        toUserId,
        ...(scope === 'some' ? { gridIds } : {}),
        startsAt: start,
        endsAt: end,
        reason: reason.trim(),
      },
      {
        onSuccess: (r) => setDone(`已交接给 ${r.toName}，到 ${end.toLocaleString('zh-CN')} 自动结束`),
        onError: (e) => setError(e.message),
      },
    );
  };

  const grids = posts.data?.grids ?? [];
  return (
    <section className={styles.section} aria-label="发起交接">
      <h2 className={styles.sectionTitle}>发起交接</h2>
      <Typography.Paragraph type="secondary">
        {posts.data?.titles.length
          ? `您是 ${posts.data.titles.join('、')}，负责 ${grids.length} 个网格。交接期间新案件派给接班人，到时自动结束。`
          : '您目前没有负责的网格。'}
      </Typography.Paragraph>
      <div className={styles.field}>
        <label htmlFor={`${formId}-to`}>接班人</label>
        <Select
          id={`${formId}-to`}
          aria-label="接班人"
          placeholder="选择接班人"
          value={toUserId}
          onChange={setToUserId}
          loading={candidates.isPending}
          options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.position}）` }))}
          showSearch
          optionFilterProp="label"
        />
      </div>
      <div className={styles.field}>
        <span>交接网格</span>
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value)} aria-label="交接网格">
          <Radio value="all">全部网格</Radio>
          <Radio value="some">部分网格</Radio>
        </Radio.Group>
        {scope === 'some' ? (
          <Select
            mode="multiple"
            aria-label="选择网格"
            placeholder="选择网格"
            value={gridIds}
            onChange={setGridIds}
            options={grids.map((g) => ({ value: g.id, label: `${g.code} ${g.name}` }))}
            optionFilterProp="label"
            maxTagCount="responsive"
          />
        ) : null}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${formId}-start`}>开始时间</label>
        <Input
          id={`${formId}-start`}
          type="datetime-local"
          aria-label="开始时间"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${formId}-end`}>结束时间</label>
        <Input
          id={`${formId}-end`}
          type="datetime-local"
          aria-label="结束时间"
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${formId}-reason`}>交接原因</label>
        <Input
          id={`${formId}-reason`}
          aria-label="交接原因"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <Space wrap>
        {REASONS.map((r) => (
          <Button key={r} size="small" onClick={() => setReason(r)}>
            {r}
          </Button>
        ))}
      </Space>
      {error ? <Alert type="error" showIcon message={error} role="alert" /> : null}
      {done ? <Alert type="success" showIcon message={done} role="status" /> : null}
      <Button type="primary" size="large" block loading={delegate.isPending} onClick={submit}>
        确认交接
      </Button>
    </section>
  );
}
