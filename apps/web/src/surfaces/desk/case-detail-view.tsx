import { AimOutlined, ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Grid, Row } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CaseActionOption, CaseDetail, CaseRecord } from '../../features/cases/api/cases';
import { CaseActionBar } from '../../features/cases/components/case-action-bar';
import { CaseDepartmentsCard } from '../../features/cases/components/case-departments';
import { CaseHeader } from '../../features/cases/components/case-header';
import { CaseInfo } from '../../features/cases/components/case-info';
import { CasePhotos } from '../../features/cases/components/case-photos';
import { CaseTimeline } from '../../features/cases/components/case-timeline';
import { MergeLinks } from '../../features/cases/components/merge-links';
import { exportCaseDetail } from '../../features/cases/export/use-case-export';
import { CaseEnforcementCard } from '../../features/enforcement/components/case-enforcement-card';
import { CaseSensorCard } from '../../features/iot/components/case-sensor-card';
import { NearbyCamerasCard } from '../../features/video/components/nearby-cameras-card';
import { apiErrorMessage } from '../../lib/api-error';
import { useGridAreas } from '../../lib/map/geo-api';
import { PinMap } from '../../lib/map/pin-map';
import { useSession } from '../../lib/session/session-context';
import { CaseDetailSkeleton } from './case-detail-skeleton';

// The action and 备注 dialogs open on demand; their forms (department tree, photo upload, the
// dispatch assistant's tables) load then.
const ActionDialog = lazy(async () => ({
  default: (await import('../../features/cases/components/action-dialog')).ActionDialog,
}));
const RemarkDialog = lazy(async () => ({
  default: (await import('../../features/cases/components/remark-dialog')).RemarkDialog,
}));

/** The open action keeps the case as the user saw it: its version is what the server checks. */
interface OpenAction {
  option: CaseActionOption;
  record: CaseRecord;
}

/**
 * 案件详情 once the case is here: header with countdown, actions, fields, photos, map and the full
 * timeline. The page renders it at once, before the case arrives, so this code loads beside the
 * case's data; until both are here it shows the page's skeleton.
 */
export function CaseDetailView({ detail }: { detail: CaseDetail | undefined }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const grids = useGridAreas();
  // Side by side on a wide desk; on a narrow screen the timeline comes right after the fields.
  const wide = Grid.useBreakpoint().xl !== false;
  const [acting, setActing] = useState<OpenAction | null>(null);
  const [remarking, setRemarking] = useState(false);
  const c = detail?.case;
  const pins = useMemo(() => (c ? [{ id: c.id, lng: c.lng, lat: c.lat, tone: 'picked' as const }] : []), [c]);

  if (!detail || !c) return <CaseDetailSkeleton />;
  const data = detail;

  const timeline = (
    <Card title="流转记录" size="small" style={{ marginBottom: 16 }}>
      <CaseTimeline entries={data.timeline} />
    </Card>
  );

  const exportOne = () =>
    exportCaseDetail(data).then(
      () => message.success('已导出'),
      (error: unknown) => message.error(`导出失败：${apiErrorMessage(error)}`),
    );

  return (
    <div>
      <CaseHeader
        detail={data}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              返回
            </Button>
            <Link to={`/desk/cases/${c.id}/print`} target="_blank">
              <Button icon={<PrinterOutlined />}>打印工单</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} onClick={exportOne}>
              导出 Excel
            </Button>
            {can('command.view') ? (
              <Link to={`/command/${c.id}`}>
                <Button type="primary" icon={<AimOutlined />}>
                  指挥调度
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <MergeLinks detail={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="案件操作" size="small" style={{ marginBottom: 16 }}>
            <CaseActionBar
              actions={data.actions}
              onAct={(option) => setActing({ option, record: c })}
              onRemark={can('case.view') ? () => setRemarking(true) : undefined}
            />
          </Card>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <CaseInfo detail={data} column={{ xs: 1, md: 2 }} />
          </Card>
          <CaseDepartmentsCard departments={data.departments} />
          {can('enforcement.view') ? <CaseEnforcementCard caseId={c.id} canPush={can('enforcement.push')} /> : null}
          {wide ? null : timeline}
          <Card title="现场照片" size="small">
            <CasePhotos attachments={data.attachments} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="案件位置" size="small" style={{ marginBottom: 16 }}>
            <div style={{ position: 'relative', height: 260, borderRadius: 6, overflow: 'hidden' }}>
              <PinMap
                pins={pins}
                grids={grids.layers}
                selectedGridId={c.gridId}
                ariaLabel="案件位置地图"
                singleZoom={15}
              />
            </div>
          </Card>
          {can('video.view') ? <NearbyCamerasCard caseId={c.id} /> : null}
          <CaseSensorCard caseId={c.id} source={c.source} />
          {wide ? timeline : null}
        </Col>
      </Row>
      {acting ? (
        <Suspense fallback={null}>
          <ActionDialog
            key={`${acting.option.action}:${acting.record.version}`}
            record={acting.record}
            option={acting.option}
            onClose={() => setActing(null)}
            onDone={(label) => {
              setActing(null);
              message.success(`${label}成功`);
            }}
          />
        </Suspense>
      ) : null}
      {remarking ? (
        <Suspense fallback={null}>
          <RemarkDialog
            record={c}
            onClose={() => setRemarking(false)}
            onDone={() => {
              setRemarking(false);
              message.success('备注已添加');
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
