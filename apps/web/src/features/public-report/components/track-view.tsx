import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Spin, Tag, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Open311ClientError, type ServiceRequest } from '../api/open311-client';
import { useServiceRequest, useWebConfig } from '../api/public-report';
import { loadMyReports } from '../hooks/my-reports';
import styles from './public.module.css';
import { PublicSection } from './public-layout';

const ID = /^\d{12}$/;

/** 2026-05-01T10:30:00+08:00 → 2026-05-01 10:30 (the API already answers in China time). */
function shown(w3: string | null): string {
  return w3 ? w3.slice(0, 16).replace('T', ' ') : '—';
}

function Progress({ request }: { request: ServiceRequest }) {
  const closed = request.status === 'closed';
  return (
    <PublicSection title="办理进度" id="track-result-title">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Tag color={closed ? 'green' : 'blue'} style={{ fontSize: 15, padding: '2px 10px' }}>
          {closed ? '已办结' : '办理中'}
        </Tag>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {request.status_notes}
        </Typography.Text>
      </div>
      <dl className={styles.facts}>
        <dt>查询编号</dt>
        <dd>{request.service_request_id}</dd>
        <dt>问题类型</dt>
        <dd>{request.service_name ?? '—'}</dd>
        <dt>当前进展</dt>
        <dd>{request.service_notice ?? '—'}</dd>
        {request.agency_responsible ? (
          <>
            <dt>处置单位</dt>
            <dd>{request.agency_responsible}</dd>
          </>
        ) : null}
        <dt>反映时间</dt>
        <dd>{shown(request.requested_datetime)}</dd>
        <dt>最近更新</dt>
        <dd>{shown(request.updated_datetime)}</dd>
        {!closed && request.expected_datetime ? (
          <>
            <dt>本环节时限</dt>
            <dd>{shown(request.expected_datetime)}</dd>
          </>
        ) : null}
        <dt>问题位置</dt>
        <dd>{request.address}</dd>
        <dt>问题描述</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{request.description}</dd>
      </dl>
    </PublicSection>
  );
}

/** 进度查询: enter the number (or open a link with ?id=), see status, notes and the last update. */
export function TrackView() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [input, setInput] = useState(id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const config = useWebConfig();
  const found = useServiceRequest(config.data, id && ID.test(id) ? id : null);
  const mine = loadMyReports();

  const search = (value: string) => {
    const trimmed = value.replace(/\s/g, '');
    if (!ID.test(trimmed)) {
      setProblem('查询编号为 12 位数字，请核对后重新输入');
      return;
    }
    setProblem(null);
    setInput(trimmed);
    setParams({ id: trimmed });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(input);
  };

  return (
    <>
      <PublicSection title="输入查询编号" id="track-title">
        <form onSubmit={onSubmit} style={{ display: 'flex', gap: 8 }}>
          <Input
            size="large"
            inputMode="numeric"
            maxLength={20}
            aria-label="查询编号"
            placeholder="提交反映后获得的 12 位编号"
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
        {found.isError ? (
          found.error instanceof Open311ClientError && found.error.status === 404 ? (
            <Alert type="warning" showIcon title="没有找到这个编号" description="请核对查询编号是否输入正确。" />
          ) : (
            <Alert type="error" showIcon title="查询失败" description={errorText(found.error)} />
          )
        ) : null}
        {found.data ? <Progress request={found.data} /> : null}
      </div>
      {mine.length > 0 ? (
        <PublicSection title="本机提交过的反映" id="track-mine-title">
          <ul className={styles.mine}>
            {mine.map((report) => (
              <li key={report.id}>
                <button type="button" className={styles.mineItem} onClick={() => search(report.id)}>
                  <span>
                    <span className={styles.optionName}>{report.serviceName}</span>
                    <span className={styles.hint}>{shown(toChina(report.at))}</span>
                  </span>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{report.id}</span>
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

/** An ISO instant as China time in the w3 shape `shown` reads. */
function toChina(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
