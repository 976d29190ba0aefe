import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useSample } from '../../features/cross-check/api/cross-check';
import { EvidencePhotos } from '../../features/cross-check/components/evidence-photos';
import { MarkForm } from '../../features/cross-check/components/mark-form';
import { ReviewForm } from '../../features/cross-check/components/review-form';
import { SampleTimeline } from '../../features/cross-check/components/sample-timeline';
import { MARK_COLOURS, markLabel, VERDICT_COLOURS, verdictLabel } from '../../features/cross-check/labels';
import { apiErrorMessage } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { PinMap } from '../../lib/map/pin-map';

const PANEL_HEIGHT = 'calc(100vh - 190px)';

/**
 * 抽查评审 (/supervision/cross-check/samples/:id), for a 1920×1080 desk: the whole case side
 * by side — photos of every step, the map and the timeline, the facts and the verdict.
 */
export function SampleReviewPage() {
  const id = Number(useParams().id);
  const sample = useSample(Number.isInteger(id) ? id : 0);
  if (sample.error) return <Alert type="error" showIcon message={apiErrorMessage(sample.error)} />;
  if (!sample.data) return <Spin />;
  const { case: c, sample: s, attachments, timeline } = sample.data;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/supervision/cross-check">交叉抽查</Link> }, { title: `抽查评审 ${c.caseNo}` }]}
      />
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          抽查评审 · {c.caseNo}
        </Typography.Title>
        <Tag>{s.districtName}</Tag>
        <Tag color="geekblue">{s.stratumName}</Tag>
        {s.verdict ? <Tag color={VERDICT_COLOURS[s.verdict]}>{verdictLabel(s.verdict)}</Tag> : <Tag>待评审</Tag>}
        {s.mark ? <Tag color={MARK_COLOURS[s.mark]}>{markLabel(s.mark)}</Tag> : null}
      </Space>
      <Row gutter={16}>
        <Col span={8}>
          <section aria-label="照片对比" style={{ height: PANEL_HEIGHT, overflow: 'auto' }}>
            <EvidencePhotos attachments={attachments} />
          </section>
        </Col>
        <Col span={9}>
          <Card size="small" title="位置" style={{ marginBottom: 12 }}>
            <div style={{ height: 300 }}>
              <PinMap
                ariaLabel="案件位置地图"
                pins={[{ id: c.id, lng: c.lng, lat: c.lat, tone: 'none' }]}
                singleZoom={16}
              />
            </div>
          </Card>
          <Card
            size="small"
            title="办理记录"
            styles={{ body: { maxHeight: 'calc(100vh - 570px)', minHeight: 200, overflow: 'auto' } }}
          >
            <SampleTimeline timeline={timeline} />
          </Card>
        </Col>
        <Col span={7}>
          <Card size="small" title="案件信息" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="问题描述">{c.description}</Descriptions.Item>
              <Descriptions.Item label="地址">{c.address}</Descriptions.Item>
              <Descriptions.Item label="小类">{c.categoryName ?? c.categoryCode}</Descriptions.Item>
              <Descriptions.Item label="处置部门">{c.departmentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="上报时间">{formatDateTime(c.reportedAt)}</Descriptions.Item>
              <Descriptions.Item label="结案时间">{formatDateTime(c.closedAt)}</Descriptions.Item>
              <Descriptions.Item label="评审人">{s.reviewerName}</Descriptions.Item>
            </Descriptions>
          </Card>
          {s.verdict ? (
            <Card size="small" title="评审结论" style={{ marginBottom: 12 }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={VERDICT_COLOURS[s.verdict]}>{verdictLabel(s.verdict)}</Tag>
                  {s.reasonNames.map((name) => (
                    <Tag key={name}>{name}</Tag>
                  ))}
                  {s.handling ? <Tag>{s.handling === 'rework' ? '已返工' : '已计入考核'}</Tag> : null}
                </Space>
                {s.note ? <Typography.Paragraph style={{ margin: 0 }}>{s.note}</Typography.Paragraph> : null}
                <Typography.Text type="secondary">评审于 {formatDateTime(s.reviewedAt)}</Typography.Text>
              </Space>
            </Card>
          ) : s.mine ? (
            <Card size="small" title="评审" style={{ marginBottom: 12 }}>
              <ReviewForm detail={sample.data} />
            </Card>
          ) : (
            <Alert type="info" showIcon message={`该样本由 ${s.reviewerName} 评审`} style={{ marginBottom: 12 }} />
          )}
          {s.verdict ? (
            <Card size="small" title="案例库">
              <MarkForm key={`${s.id}-${s.mark ?? ''}`} sample={s} />
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
