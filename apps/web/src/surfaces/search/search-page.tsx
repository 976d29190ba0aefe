import { CASE_STATUSES, type CaseStatus, statusNameOf } from '@citygov/domain/cases/case-states';
import { Alert, Card, Col, Empty, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { caseMapFiltersFromParams, caseMapParams } from '../../features/map/case-map-params';
import { type SearchRow, useSearchCases } from '../../features/search/api/search';
import { SearchForm, type SearchFormValues } from '../../features/search/components/search-form';
import { SEARCH_PAGE_SIZE, searchInputFromParams } from '../../features/search/search-params';
import { apiErrorMessage } from '../../lib/api-error';
import { formatBoundedTotal } from '../../lib/bounded-total';
import { formatDateTime } from '../../lib/format';
import { useGridAreas } from '../../lib/map/geo-api';
import { type MapPin, PinMap } from '../../lib/map/pin-map';
import { PageHeader } from '../../lib/ui/page-header';

function ResultsMap({ pins, onOpen }: { pins: MapPin[]; onOpen: (id: number) => void }) {
  const grids = useGridAreas();
  return <PinMap pins={pins} grids={grids.layers} ariaLabel="查询结果地图" onPinClick={onOpen} />;
}

function formValues(params: URLSearchParams): SearchFormValues {
  return {
    q: params.get('q') ?? '',
    statuses: (params.get('status') ?? '')
      .split(',')
      .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s)),
    category: params.get('category') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

function paramsOf(values: SearchFormValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (values.q) params.set('q', values.q);
  if (values.statuses.length > 0) params.set('status', values.statuses.join(','));
  if (values.category) params.set('category', values.category);
  if (values.from && values.to) {
    params.set('from', values.from);
    params.set('to', values.to);
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

/** 综合查询 (/search): full-text search of descriptions and addresses, in a table and on the map. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const input = useMemo(() => searchInputFromParams(params), [params]);
  const values = formValues(params);
  const result = useSearchCases(input);
  const rows = input ? (result.data?.rows ?? []) : [];
  const pins = useMemo<MapPin[]>(
    () =>
      rows.map((r) => ({
        id: r.id,
        lng: r.lng,
        lat: r.lat,
        tone: r.status === 'closed' ? 'normal' : r.status === 'voided' ? 'paused' : 'none',
        label: `${r.caseNo} ${r.categoryName ?? ''}`,
      })),
    [rows],
  );
  const mapLink = `/map?${caseMapParams(caseMapFiltersFromParams(params)).toString()}`;
  const total = result.data ? formatBoundedTotal(result.data.total, result.data.more) : '';
  return (
    <>
      <PageHeader title="综合查询" description="按案件描述和地址全文检索（中文分词），可按状态、类别、上报日期筛选" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <SearchForm values={values} onChange={(next) => setParams(paramsOf(next), { replace: true })} />
      </Card>
      {result.error ? (
        <Alert type="error" showIcon message={apiErrorMessage(result.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {!input ? (
        <Empty description="输入要查找的词语后按回车" />
      ) : (
        <Row gutter={12}>
          <Col span={14}>
            <Card
              size="small"
              title={
                result.data ? (
                  <span>
                    找到 {total} 件
                    {result.data.mode === 'fuzzy' ? (
                      <Tag color="orange" style={{ marginLeft: 8 }}>
                        模糊匹配
                      </Tag>
                    ) : null}
                  </span>
                ) : (
                  '查询中…'
                )
              }
            >
              <Table<SearchRow>
                rowKey="id"
                size="small"
                aria-label="查询结果"
                loading={result.isFetching}
                dataSource={rows}
                pagination={{
                  current: input.page ?? 1,
                  pageSize: SEARCH_PAGE_SIZE,
                  total: result.data?.total ?? 0,
                  showSizeChanger: false,
                  onChange: (page) => setParams(paramsOf(values, page), { replace: true }),
                }}
                columns={[
                  {
                    title: '案件编号',
                    dataIndex: 'caseNo',
                    width: 150,
                    render: (no: string, r) => <Link to={`/desk/cases/${r.id}`}>{no}</Link>,
                  },
                  { title: '状态', dataIndex: 'status', width: 80, render: statusNameOf },
                  { title: '类别', dataIndex: 'categoryName', width: 130 },
                  {
                    title: '描述',
                    dataIndex: 'description',
                    render: (text: string, r) => (
                      <>
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                          {text}
                        </Typography.Paragraph>
                        {r.mergedIntoCaseNo ? <Tag color="purple">已并入 {r.mergedIntoCaseNo}</Tag> : null}
                      </>
                    ),
                  },
                  { title: '地址', dataIndex: 'address', width: 200, ellipsis: true },
                  { title: '上报时间', dataIndex: 'reportedAt', width: 150, render: (d: Date) => formatDateTime(d) },
                ]}
              />
            </Card>
          </Col>
          <Col span={10}>
            <Card
              size="small"
              title="结果分布"
              extra={
                <Tooltip title="在案件地图上按相同的状态、类别和上报日期查看（不按关键词）">
                  <Link to={mapLink}>在地图上查看</Link>
                </Tooltip>
              }
              styles={{ body: { height: 640, padding: 0, position: 'relative' } }}
            >
              <ResultsMap pins={pins} onOpen={(id) => navigate(`/desk/cases/${id}`)} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
