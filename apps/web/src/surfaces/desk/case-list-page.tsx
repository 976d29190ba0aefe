import { FileExcelOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Skeleton, Switch } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCaseList, useCaseQueues } from '../../features/cases/api/cases';
import { useAreaOptions, useCategoryCatalogue } from '../../features/cases/api/reference-data';
import { categoryCascaderOptions } from '../../features/cases/category-options';
import { BatchDispatchBar } from '../../features/cases/components/batch-dispatch-bar';
import { useCaseListExport } from '../../features/cases/export/use-case-export';
import { toListInput, useCaseFilters } from '../../features/cases/hooks/use-case-filters';
import { useCaseSelection } from '../../features/cases/hooks/use-case-selection';
import { apiErrorMessage } from '../../lib/api-error';
import { formatBoundedTotal, pagerTotal } from '../../lib/bounded-total';
import { useGridAreas } from '../../lib/map/geo-api';
import { type MapPin, PinMap } from '../../lib/map/pin-map';
import { useSession } from '../../lib/session/session-context';
import { areaTreeOptions } from '../../lib/tree-options';
import { PageHeader } from '../../lib/ui/page-header';

// The filter form (date, cascader and tree pickers) and the results table are most of the page's
// weight: they load beside the list, the catalogue and the areas the page asks for at once, so the
// first view does not wait for their code before asking for its data.
const CaseFilters = lazy(async () => ({
  default: (await import('../../features/cases/components/case-filters')).CaseFilters,
}));
const CaseTable = lazy(async () => ({
  default: (await import('../../features/cases/components/case-table')).CaseTable,
}));
// 批量派遣 opens on demand; its form (department picker, deadline fields) loads then.
const BatchDispatchDialog = lazy(async () => ({
  default: (await import('../../features/cases/components/batch-dispatch-dialog')).BatchDispatchDialog,
}));
// The 导出中 progress dialog loads with the first export.
const ExportProgressModal = lazy(async () => ({
  default: (await import('../../features/cases/components/export-progress-modal')).ExportProgressModal,
}));

/** Mounted only while the map is on, so the grid outlines load only then. */
function CaseResultsMap({ pins, onOpen }: { pins: MapPin[]; onOpen: (id: number) => void }) {
  const grids = useGridAreas();
  return <PinMap pins={pins} grids={grids.layers} ariaLabel="案件地图" onPinClick={onOpen} />;
}

/** 案件查询: filters in the URL, the results as a table and (toggle) as pins on the map. */
export function CaseListPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const filters = useCaseFilters();
  const input = toListInput(filters.values, filters.page, filters.pageSize);
  const list = useCaseList(input);
  const queues = useCaseQueues();
  const catalogue = useCategoryCatalogue();
  const areas = useAreaOptions(can('org.view'));
  const exporter = useCaseListExport();

  const categoryOptions = useMemo(
    () => categoryCascaderOptions(catalogue.majors, catalogue.minors),
    [catalogue.majors, catalogue.minors],
  );
  const areaOptions = useMemo(() => (areas.data ? areaTreeOptions(areas.data) : undefined), [areas.data]);
  const rows = list.data?.rows ?? [];
  const pins = useMemo(
    () =>
      rows.map((row) => ({
        id: row.id,
        lng: row.lng,
        lat: row.lat,
        tone: row.deadlineLevel,
        label: `${row.caseNo} ${row.categoryName ?? ''}`,
      })),
    [rows],
  );
  // Past 10,000 matches the BFF stops counting: "共 10,000+ 件", and the pager stays open.
  const totalText = list.data ? formatBoundedTotal(list.data.total, list.data.more) : '';
  const queueLabel = queues.data?.find((q) => q.key === filters.values.queue)?.label;
  // 批量派遣: dispatchers tick cases on the 待派遣 queue.
  const batchable = filters.values.queue === 'toDispatch' && can('case.dispatch');
  const selection = useCaseSelection(rows);
  const [batching, setBatching] = useState(false);
  const [exported, setExported] = useState(false);
  const clearSelection = selection.clear;
  useEffect(() => {
    if (!batchable) clearSelection();
  }, [batchable, clearSelection]);

  const exportAll = async () => {
    setExported(true);
    try {
      const count = await exporter.run(input);
      message.success(`已导出 ${count} 件案件`);
    } catch (error) {
      message.error(`导出失败：${apiErrorMessage(error)}`);
    }
  };

  return (
    <div>
      <PageHeader
        title={queueLabel ? `案件查询 · ${queueLabel}` : '案件查询'}
        description={list.data ? `共 ${totalText} 件` : '正在查询…'}
        extra={
          <>
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <Switch
                id="case-map-toggle"
                checked={filters.showMap}
                onChange={(on) => filters.setShowMap(on)}
                aria-label="地图显示"
              />
              <label htmlFor="case-map-toggle">地图显示</label>
            </span>
            <Button icon={<FileExcelOutlined />} onClick={exportAll} disabled={!list.data?.total}>
              导出 Excel
            </Button>
            {can('case.report') ? (
              <Link to="/desk/intake">
                <Button type="primary" icon={<FormOutlined />}>
                  案件登记
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 3 }} style={{ paddingBottom: 16 }} />}>
          <CaseFilters
            values={filters.values}
            onChange={filters.update}
            onReset={filters.reset}
            queueLabel={queueLabel}
            categoryOptions={categoryOptions}
            areaOptions={areaOptions}
          />
        </Suspense>
      </Card>
      {list.isError ? (
        <Alert type="error" showIcon title={apiErrorMessage(list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {filters.showMap ? (
        <Card size="small" style={{ marginBottom: 16 }} title={`本页 ${rows.length} 件案件位置`}>
          <div style={{ position: 'relative', height: 420, borderRadius: 6, overflow: 'hidden' }}>
            <CaseResultsMap pins={pins} onOpen={(id) => navigate(`/desk/cases/${id}`)} />
          </div>
        </Card>
      ) : null}
      <Card size="small">
        {batchable ? (
          <BatchDispatchBar
            count={selection.ids.length}
            onSameCategory={selection.addSameCategory}
            onClear={selection.clear}
            onDispatch={() => setBatching(true)}
          />
        ) : null}
        <Suspense fallback={<Skeleton active />}>
          <CaseTable
            selection={batchable ? { selectedIds: selection.ids, onChange: selection.onChange } : undefined}
            rows={rows}
            loading={list.isFetching && !list.data}
            sort={filters.values.sort}
            onSortChange={(sort) => filters.update({ sort })}
            onOpen={(id) => navigate(`/desk/cases/${id}`)}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data ? pagerTotal(list.data, filters.page, filters.pageSize) : 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: () => `共 ${totalText} 件`,
              onChange: filters.setPage,
            }}
          />
        </Suspense>
      </Card>
      {exported ? (
        <Suspense fallback={null}>
          <ExportProgressModal progress={exporter.progress} />
        </Suspense>
      ) : null}
      {batching ? (
        <Suspense fallback={null}>
          <BatchDispatchDialog
            cases={selection.rows}
            onClose={() => setBatching(false)}
            onStale={() => {
              setBatching(false);
              selection.clear();
            }}
            onDone={(count) => {
              setBatching(false);
              selection.clear();
              message.success(`已批量派遣 ${count} 件案件`);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
