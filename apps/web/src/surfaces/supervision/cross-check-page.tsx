import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCitySettingAccess } from '../../features/auth/city-setting-access';
import { LibraryPanel } from '../../features/cross-check/components/library-panel';
import { PlanPanel } from '../../features/cross-check/components/plan-panel';
import { SampleTable } from '../../features/cross-check/components/sample-table';
import { SettingsPanel } from '../../features/cross-check/components/settings-panel';
import { StatisticsPanel } from '../../features/cross-check/components/statistics-panel';
import { recentMonths } from '../../features/cross-check/labels';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

const TABS = ['samples', 'plans', 'statistics', 'library', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** 交叉抽查 (/supervision/cross-check): my samples, monthly plans, statistics, the case library and settings. */
export function CrossCheckPage() {
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const months = recentMonths();
  const month =
    search.get('month') && months.includes(search.get('month') ?? '')
      ? (search.get('month') as string)
      : (months[0] ?? '');
  const tab: Tab = TABS.find((t) => t === search.get('tab')) ?? 'samples';
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };
  const settingsAccess = useCitySettingAccess('evaluation.configure', 'crossCheckSettings');

  return (
    <>
      <PageHeader
        title="交叉抽查"
        description={`${user.areaName} · 每月按区县分层抽取已结案案件，由其他区县督查员评审`}
        extra={
          <Select
            aria-label="抽查月份"
            value={month}
            style={{ width: 130 }}
            onChange={(value) => setParam('month', value)}
            options={months.map((m) => ({ value: m, label: m }))}
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          {
            key: 'samples',
            label: '抽查样本',
            children: <SampleTable month={month} canSeeScope />,
          },
          { key: 'plans', label: '抽查计划', children: <PlanPanel month={month} /> },
          { key: 'statistics', label: '抽查统计', children: <StatisticsPanel month={month} /> },
          { key: 'library', label: '案例库', children: <LibraryPanel /> },
          {
            key: 'settings',
            label: '抽查设置',
            children: (
              <SettingsPanel canEdit={settingsAccess.editable} readOnlyReason={settingsAccess.readOnlyReason} />
            ),
          },
        ]}
      />
    </>
  );
}
