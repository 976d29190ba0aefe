import { Image, Tag, Timeline, Typography } from 'antd';
import { useGridAreas } from '../../../lib/map/geo-api';
import { PinMap } from '../../../lib/map/pin-map';
import type { CaseDetail } from '../api/street-cases';
import { deadlineTag, formatShort, PHOTO_PURPOSE_NAMES, statusTag } from '../labels';
import { distanceMetres, formatDistance, type LngLat } from '../lib/distance';
import { AttentionLines } from './attention-lines';
import { MergedOutcome } from './merged-outcome';
import styles from './phone.module.css';
import { PhoneSection } from './phone-page';

const PURPOSE_ORDER = ['report', 'verify', 'feedback', 'check'];

/** Thumbnails grouped by the step they document; tap opens the full photo. */
function CasePhotos({ attachments }: { attachments: CaseDetail['attachments'] }) {
  const photos = attachments.filter((a) => a.mime.startsWith('image/'));
  const groups = PURPOSE_ORDER.map((purpose) => ({
    purpose,
    items: photos.filter((a) => a.purpose === purpose),
  })).filter((g) => g.items.length > 0);
  if (groups.length === 0) {
    return (
      <PhoneSection title="现场照片" labelledBy="case-photos">
        <Typography.Text type="secondary">暂无照片</Typography.Text>
      </PhoneSection>
    );
  }
  return (
    <>
      {groups.map((group) => (
        <PhoneSection
          key={group.purpose}
          title={`${PHOTO_PURPOSE_NAMES[group.purpose] ?? '照片'}（${group.items.length}）`}
          labelledBy={`case-photos-${group.purpose}`}
        >
          <Image.PreviewGroup>
            <div className={styles.photoGrid}>
              {group.items.map((a, i) => (
                <div key={a.id} className={styles.photoTile}>
                  <Image
                    src={a.thumbUrl}
                    preview={{ src: a.url }}
                    alt={`${PHOTO_PURPOSE_NAMES[group.purpose] ?? '照片'} ${i + 1}`}
                    width="100%"
                    height="100%"
                    style={{ objectFit: 'cover' }}
                  />
                </div>
              ))}
            </div>
          </Image.PreviewGroup>
        </PhoneSection>
      ))}
    </>
  );
}

/** "临江区环卫所（主办）", "临江区市政管理所（协办·已反馈）"; a sub-unit with its parent. */
function departmentLine(d: CaseDetail['departments'][number]): string {
  const name = d.kind === 'sub_unit' && d.parentName ? `${d.parentName}／${d.name}` : d.name;
  if (d.role === 'lead') return `${name}（主办）`;
  return `${name}（协办·${d.fedBackAt ? '已反馈' : '未反馈'}）`;
}

/** The case as the person on the street needs it: what, where (map), photos, deadline, history. */
export function CaseOverview({ detail, here }: { detail: CaseDetail; here: LngLat | null }) {
  const c = detail.case;
  const status = statusTag(c.status);
  const deadline = deadlineTag(detail.deadlineLevel);
  const distance = here ? formatDistance(distanceMetres(here, c)) : null;
  const grids = useGridAreas();
  return (
    <>
      <MergedOutcome detail={detail} />
      <PhoneSection>
        <div className={styles.cardTop}>
          <span className={styles.cardTitle} style={{ fontSize: 18 }}>
            {detail.category?.name ?? `分类 ${c.categoryCode}`}
          </span>
          {c.urgency === 'urgent' ? <Tag color="red">紧急</Tag> : null}
          <Tag color={status.color}>{status.label}</Tag>
          {c.forced ? <Tag color="red">强制派遣</Tag> : null}
        </div>
        <dl className={styles.kv}>
          <dt>案件编号</dt>
          <dd>{c.caseNo}</dd>
          <dt>办理时限</dt>
          <dd data-testid="case-clock">
            {detail.clock ? detail.clock.text : '不计时'}
            {deadline ? (
              <Tag color={deadline.color} style={{ marginLeft: 6 }}>
                {deadline.label}
              </Tag>
            ) : null}
            {detail.clock && !detail.clock.paused ? (
              <div className={styles.hint}>截止 {formatShort(detail.clock.deadlineAt)}</div>
            ) : null}
          </dd>
          <dt>地址</dt>
          <dd>
            {c.address ?? '—'}
            {distance ? <strong style={{ color: '#1558b0' }}>（距您{distance}）</strong> : null}
          </dd>
          <dt>网格</dt>
          <dd>{detail.grid ? `${detail.grid.name}（${detail.grid.code}）` : '—'}</dd>
          <dt>上报</dt>
          <dd>
            {c.reporterName ?? '—'} · {formatShort(c.reportedAt)}
          </dd>
          {detail.departments.length > 0 ? (
            <>
              <dt>处置部门</dt>
              <dd>{detail.departments.map(departmentLine).join('、')}</dd>
            </>
          ) : null}
        </dl>
        <AttentionLines attention={detail.attention} withWho />
      </PhoneSection>
      <PhoneSection title="问题描述" labelledBy="case-description">
        <Typography.Paragraph style={{ margin: 0, fontSize: 15, whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Typography.Paragraph>
        {detail.category?.closeCondition ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            结案标准：{detail.category.closeCondition}
          </Typography.Paragraph>
        ) : null}
      </PhoneSection>
      <CasePhotos attachments={detail.attachments} />
      <PhoneSection title="位置" labelledBy="case-map">
        <div className={styles.map}>
          <PinMap
            ariaLabel="案件位置地图"
            pins={[{ id: c.id, lng: c.lng, lat: c.lat, tone: detail.deadlineLevel }]}
            grids={grids.layers?.outlines}
            selectedGridId={c.gridId}
            singleZoom={15.5}
          />
        </div>
      </PhoneSection>
    </>
  );
}

/** The waiting request an action withdrew (延期申请 when the handler fed back meanwhile). */
function withdrawnOf(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null || !('withdrawn' in detail)) return null;
  return typeof detail.withdrawn === 'string' ? detail.withdrawn : null;
}

/** 办理记录: the case's timeline, newest first. */
export function CaseTimeline({ timeline }: { timeline: CaseDetail['timeline'] }) {
  return (
    <PhoneSection title="办理记录" labelledBy="case-timeline">
      <Timeline
        items={[...timeline].reverse().map((event) => ({
          key: event.id,
          content: (
            <div>
              <strong>{event.label}</strong> · {event.actorName ?? '系统'}
              <div className={styles.hint}>{formatShort(event.at)}</div>
              {event.reason ? <div style={{ fontSize: 14 }}>{event.reason}</div> : null}
              {withdrawnOf(event.detail) ? (
                <div className={styles.hint}>{withdrawnOf(event.detail)}随处置反馈自动撤回</div>
              ) : null}
            </div>
          ),
        }))}
      />
    </PhoneSection>
  );
}
