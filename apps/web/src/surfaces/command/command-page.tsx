import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCaseDetail } from '../../features/cases/api/cases';
import { CaseHeader } from '../../features/cases/components/case-header';
import { CaseInfo } from '../../features/cases/components/case-info';
import { CaseTimeline } from '../../features/cases/components/case-timeline';
import { useCommandScene } from '../../features/command/api/command';
import { CallPanel } from '../../features/command/components/call-panel';
import { SceneMap } from '../../features/command/components/scene-map';
import { SceneStaffTable } from '../../features/command/components/scene-staff';
import { TrackReplay } from '../../features/command/components/track-replay';
import { NearbyCamerasCard } from '../../features/video/components/nearby-cameras-card';
import { apiErrorCode, apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';

/**
 * 片长指挥 /command/:caseId: the scene around one case — the map with nearby staff at
 * their live positions, 呼叫最近人员 and the answers, the staff list, nearby cameras, and
 * the case with its timeline (process tracking from report to close).
 */
export function CommandPage() {
  const caseId = Number(useParams().caseId);
  const navigate = useNavigate();
  const { can } = useSession();
  const detail = useCaseDetail(caseId);
  const scene = useCommandScene(caseId);
  const [replaying, setReplaying] = useState<number | null>(null);
  const [track, setTrack] = useState<[number, number][] | undefined>(undefined);
  // The timeline follows the calls: a new call or answer (seen by the scene's polling) reloads the case.
  const answers = scene.data?.calls.map((c) => `${c.id}:${c.state}`).join(',');
  const refetchDetail = detail.refetch;
  useEffect(() => {
    if (answers !== undefined) void refetchDetail();
  }, [answers, refetchDetail]);

  if (detail.isPending || scene.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError || scene.isError || !detail.data || !scene.data) {
    const error = detail.error ?? scene.error;
    return (
      <Result
        status={apiErrorCode(error) === 'NOT_FOUND' ? '404' : 'error'}
        title="无法打开指挥调度"
        subTitle={apiErrorMessage(error)}
        extra={
          <Button type="primary" onClick={() => navigate('/desk/cases')}>
            返回案件列表
          </Button>
        }
      />
    );
  }
  const data = detail.data;
  return (
    <div>
      <CaseHeader
        detail={data}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/desk/cases/${caseId}`)}>
            返回案件
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="指挥地图" size="small" style={{ marginBottom: 16 }} extra="每 5 秒刷新人员位置">
            <div style={{ position: 'relative', height: 480, borderRadius: 6, overflow: 'hidden' }}>
              <SceneMap scene={scene.data} track={replaying === null ? undefined : track} />
            </div>
            {replaying !== null ? (
              <div style={{ marginTop: 12 }}>
                <TrackReplay key={replaying} caseId={caseId} userId={replaying} onTrack={setTrack} />
              </div>
            ) : null}
          </Card>
          <Card title="附近人员" size="small" style={{ marginBottom: 16 }}>
            <SceneStaffTable staff={scene.data.staff} onReplay={setReplaying} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="呼叫调度" size="small" style={{ marginBottom: 16 }}>
            <CallPanel
              caseId={caseId}
              calls={scene.data.calls}
              unanswered={scene.data.unanswered}
              canCall={can('command.call')}
            />
          </Card>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <CaseInfo detail={data} column={1} />
          </Card>
          {can('video.view') ? <NearbyCamerasCard caseId={caseId} /> : null}
          <Card title="流转记录" size="small">
            <CaseTimeline entries={data.timeline} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
