import { SearchOutlined } from '@ant-design/icons';
import { formatTrackingCode, normalizeTrackingCode } from '@citygov/domain/tracking/tracking-code';
import { Alert, Button, Input, Spin } from 'antd';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Open311ClientError } from '../api/open311-client';
import { usePublicProgress } from '../api/public-report';
import { loadMyReports } from '../hooks/my-reports';
import styles from './public.module.css';
import { PublicSection } from './public-layout';
import { shownTime } from './public-time';
import { TrackProgress } from './track-progress';

/** 进度查询: enter the 查询码 (or open a link with ?code=), see where the report stands. */
export function TrackView() {
  const [params, setParams] = useSearchParams();
  const asked = normalizeTrackingCode(params.get('code') ?? '');
  const [input, setInput] = useState(asked ? formatTrackingCode(asked) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const found = usePublicProgress(asked);
  const mine = loadMyReports();

  const search = (value: string) => {
    const code = normalizeTrackingCode(value);
    if (!code) {
      setProblem('查询码为 12 位字母和数字（如 K7QM-3XPA-9HTD），请核对后重新输入');
      return;
    }
    setProblem(null);
    setInput(formatTrackingCode(code));
    setParams({ code: formatTrackingCode(code) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(input);
  };
  const status = found.error instanceof Open311ClientError ? found.error.status : 0;

  return (
    <>
      <PublicSection title="输入查询码" id="track-title">
        <form onSubmit={onSubmit} style={{ display: 'flex', gap: 8 }}>
          <Input
            size="large"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            aria-label="查询码"
            placeholder="提交反映后获得，如 K7QM-3XPA-9HTD"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            status={problem ? 'error' : undefined}
          />
          <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
            查询
          </Button>
        </form>
        {problem ? (
          <div className={styles.error} role="alert">
            {problem}
          </div>
        ) : null}
      </PublicSection>
      <div aria-live="polite">
        {found.isFetching && !found.data ? (
          <Spin description="正在查询…" style={{ display: 'block', margin: 24 }} />
        ) : null}
        {found.isError && status === 404 ? (
          <Alert type="warning" showIcon title="没有找到这个查询码" description="请核对查询码是否输入正确。" />
        ) : null}
        {found.isError && status !== 404 ? (
          <Alert type="error" showIcon title="查询失败" description={errorText(found.error)} />
        ) : null}
        {found.data ? <TrackProgress progress={found.data} /> : null}
      </div>
      {mine.length > 0 ? (
        <PublicSection title="本机提交过的反映" id="track-mine-title">
          <ul className={styles.mine}>
            {mine.map((report) => (
              <li key={report.code}>
                <button type="button" className={styles.mineItem} onClick={() => search(report.code)}>
                  <span>
                    <span className={styles.optionName}>{report.serviceName}</span>
                    <span className={styles.hint}>{shownTime(toChina(report.at))}</span>
                  </span>
                  <span className={styles.code}>{report.code}</span>
                </button>
              </li>
            ))}
          </ul>
        </PublicSection>
      ) : null}
    </>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : '查询失败，请稍后再试';
}

/** An ISO instant as China time in the w3 shape `shownTime` reads. */
function toChina(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
