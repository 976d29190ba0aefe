import { HomeOutlined, LeftOutlined } from '@ant-design/icons';
import { AREA_LEVEL_NAMES, type AreaLevel } from '@citygov/domain/evaluation/subjects';
import { leaderCaseFilterOf, leaderCasesShown } from '@citygov/domain/supervision/leader-cards';
import { Alert, Button, Result, Spin } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { RequireSession } from '../../features/auth/components/require-session';
import { useLeaderHome } from '../../features/leader/api/leader';
import { CaseCards } from '../../features/leader/components/case-cards';
import { KpiTiles } from '../../features/leader/components/kpi-tiles';
import { LeaderCase } from '../../features/leader/components/leader-case';
import { PartCards } from '../../features/leader/components/part-cards';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';

const PAGE: React.CSSProperties = { minHeight: '100vh', background: '#f0f2f5', padding: 16, boxSizing: 'border-box' };
const CRUMB: React.CSSProperties = { height: 48, fontSize: 18, padding: '0 18px', borderRadius: 24 };

function Header({ children }: { children?: React.ReactNode }) {
  const { user } = useSession();
  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
      <h1 style={{ fontSize: 26, margin: 0, flex: '0 0 auto' }}>领导驾驶舱</h1>
      <div style={{ flex: 1, display: 'flex', gap: 8, flexWrap: 'wrap' }}>{children}</div>
      <span style={{ fontSize: 16, color: '#595959' }}>{user.displayName}</span>
      <Link to="/" aria-label="返回门户">
        <Button style={CRUMB} icon={<HomeOutlined />} />
      </Link>
    </header>
  );
}

function LeaderHomeView() {
  const [search, setSearch] = useSearchParams();
  const areaId = Number(search.get('area')) || undefined;
  const filter = leaderCaseFilterOf(search.get('filter'));
  // 加载更多 lives in the address: back from a case, the list is as long as it was.
  const shown = leaderCasesShown(Number(search.get('n')));
  const navigate = useNavigate();
  const home = useLeaderHome(areaId);
  if (home.isPending) return <Spin size="large" />;
  if (home.error) return <Alert type="error" showIcon message={apiErrorMessage(home.error)} />;
  const data = home.data;
  const childLevel = data.area.childLevel as AreaLevel | null;
  return (
    <>
      <Header>
        {data.breadcrumb.map((b) => (
          <Button
            key={b.id}
            style={CRUMB}
            type={b.id === data.area.id ? 'primary' : 'default'}
            onClick={() => setSearch(b.id === data.breadcrumb[0]?.id ? {} : { area: String(b.id) })}
          >
            {b.name}
          </Button>
        ))}
      </Header>
      <div style={{ display: 'grid', gap: 16 }}>
        <KpiTiles home={data} />
        {childLevel ? (
          <>
            <h2 style={{ fontSize: 20, margin: 0 }}>{AREA_LEVEL_NAMES[childLevel]}排名（按超期占比）</h2>
            <PartCards
              parts={data.parts}
              levelName={AREA_LEVEL_NAMES[childLevel]}
              onOpen={(part) => setSearch({ area: String(part.id) })}
            />
          </>
        ) : (
          <CaseCards
            areaId={data.area.id}
            filter={filter}
            size={shown}
            onFilter={(f) => setSearch({ area: String(data.area.id), filter: f })}
            onGrow={(n) => setSearch({ area: String(data.area.id), filter, n: String(n) }, { replace: true })}
            onOpen={(id) => navigate(`/leader/cases/${id}`, { state: { back: `/leader?${search.toString()}` } })}
          />
        )}
      </div>
    </>
  );
}

function LeaderCaseView() {
  const { id } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <Header>
        <Button style={CRUMB} icon={<LeftOutlined />} onClick={() => navigate(-1)}>
          返回
        </Button>
      </Header>
      <LeaderCase id={Number(id)} />
    </>
  );
}

function Guarded({ children }: { children: React.ReactNode }) {
  const { can } = useSession();
  if (!can('dashboard.view')) return <Result status="403" title="无权访问" subTitle="领导驾驶舱仅对领导开放" />;
  return <div style={PAGE}>{children}</div>;
}

/** /leader: the leader's tablet (1024×768, 1366×1024), outside the desk shell, large touch targets. */
export function LeaderPage() {
  return (
    <RequireSession>
      <Guarded>
        <LeaderHomeView />
      </Guarded>
    </RequireSession>
  );
}

export function LeaderCasePage() {
  return (
    <RequireSession>
      <Guarded>
        <LeaderCaseView />
      </Guarded>
    </RequireSession>
  );
}
