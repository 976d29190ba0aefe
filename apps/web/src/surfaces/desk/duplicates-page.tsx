import { Alert, App, Card, Col, Empty, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { useSuspectPairs } from '../../features/duplicates/api/duplicates';
import { PairComparison } from '../../features/duplicates/components/pair-comparison';
import { PairList } from '../../features/duplicates/components/pair-list';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

/** 疑似重复: the shift lead's queue of suspected duplicates; the chosen pair (in the URL) side by side. */
export function DuplicatesPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const pairs = useSuspectPairs();
  const rows = pairs.data?.rows ?? [];
  const wanted = Number(params.get('pair'));
  const selected = rows.find((p) => p.id === wanted) ?? rows[0] ?? null;
  const select = (id: number) => setParams({ pair: String(id) }, { replace: true });

  const settled = (text: string) => {
    message.success(text);
    // The next pair in the list takes the settled one's place.
    const index = rows.findIndex((p) => p.id === selected?.id);
    const next = rows[index + 1] ?? rows[index - 1];
    if (next) select(next.id);
    else setParams({}, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title="疑似重复"
        description={`智能判重发现的可能重复上报，对比后并案或排除${pairs.data ? `（共 ${pairs.data.total} 组待确认）` : ''}`}
      />
      {pairs.isError ? <Alert type="error" showIcon title={apiErrorMessage(pairs.error)} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={6}>
          <Card size="small" title="待确认" styles={{ body: { padding: 8 } }}>
            <PairList pairs={rows} selectedId={selected?.id ?? null} onSelect={select} loading={pairs.isPending} />
          </Card>
        </Col>
        <Col xs={24} xl={18}>
          {selected ? (
            <PairComparison key={selected.id} pair={selected} onSettled={settled} />
          ) : (
            <Card>
              <Empty description={pairs.isPending ? '正在加载…' : '没有需要对比的疑似重复'} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
