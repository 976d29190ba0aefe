import { FormOutlined, ImportOutlined, PlusOutlined, QrcodeOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { COLLECTION_STATUS_KEYS, type CollectionStatus } from '@citygov/domain/collection/forms';
import { Button, Card, Col, Input, Row, Select, Space, Spin, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCitySettingAccess } from '../../features/auth/city-setting-access';
import { type RecordRow, useRecords, useTypesAndPlaces } from '../../features/collection/api/collection';
import { FormEditorDialog } from '../../features/collection/components/form-editor-dialog';
import { ImportDialog } from '../../features/collection/components/import-dialog';
import { QrDialog } from '../../features/collection/components/qr-dialog';
import { QrListDrawer } from '../../features/collection/components/qr-list-drawer';
import { RecordFormDialog } from '../../features/collection/components/record-form-dialog';
import { RecordTable } from '../../features/collection/components/record-table';
import { COLLECTION_STATUS } from '../../features/collection/labels';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

/** 信息采集 (/collection): type tabs, counts, the masked table, 新增, 二维码 (made and managed) and 导入. */
export function CollectionPage() {
  const { user, can } = useSession();
  const [search, setSearch] = useSearchParams();
  const typeCode = search.get('type') ?? undefined;
  const statusParam = search.get('status');
  const status = COLLECTION_STATUS_KEYS.find((s) => s === statusParam) as CollectionStatus | undefined;
  const q = search.get('q') ?? '';
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'add' | 'qr' | 'qrList' | 'import' | 'form' | null>(null);
  const formAccess = useCitySettingAccess('collection.configure', 'collectionForms');
  const [editing, setEditing] = useState<RecordRow | null>(null);
  const catalog = useTypesAndPlaces();
  const records = useRecords({ typeCode, status, q, page, pageSize: 20 });
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
    setPage(1);
  };

  if (!catalog.data) return <Spin />;
  const type = catalog.data.types.find((t) => t.code === typeCode);
  const byType = records.data?.byType ?? {};
  const all = Object.values(byType).reduce((a, b) => a + b, 0);

  return (
    <>
      <PageHeader
        title="信息采集"
        description={`${user.areaName} · 沿街商铺、流动摊贩、志愿者队伍等对象的采集、审核与注销`}
        extra={
          <>
            <Button icon={<UnorderedListOutlined />} onClick={() => setDialog('qrList')}>
              二维码管理
            </Button>
            {/* District administrators read the city-wide forms; the city level edits them. */}
            {formAccess.editable || formAccess.readOnlyReason ? (
              <Button icon={<FormOutlined />} onClick={() => setDialog('form')}>
                表单设置
              </Button>
            ) : null}
            {can('collection.edit') ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')}>
                  新增
                </Button>
                <Button icon={<QrcodeOutlined />} onClick={() => setDialog('qr')}>
                  生成二维码
                </Button>
                <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
                  导入
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={18}>
          <Card size="small" title="按类型统计">
            <Space size={32} wrap>
              <Statistic title="全部" value={all} />
              {catalog.data.types.map((t) => (
                <Statistic key={t.code} title={t.name} value={byType[t.code] ?? 0} />
              ))}
            </Space>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" title="按街道统计" styles={{ body: { maxHeight: 92, overflow: 'auto' } }}>
            {(records.data?.byArea ?? []).length === 0 ? '暂无' : null}
            {(records.data?.byArea ?? []).map((a) => (
              <div key={a.areaId} style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{a.areaName}</span>
                <strong>{a.count}</strong>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <Tabs
        activeKey={typeCode ?? 'all'}
        onChange={(key) => setParam('type', key === 'all' ? undefined : key)}
        items={[
          { key: 'all', label: `全部 (${all})` },
          ...catalog.data.types.map((t) => ({ key: t.code, label: `${t.name} (${byType[t.code] ?? 0})` })),
        ]}
        tabBarExtraContent={
          <Space>
            <Select
              aria-label="状态筛选"
              allowClear
              placeholder="全部状态"
              style={{ width: 140 }}
              value={status}
              onChange={(value?: string) => setParam('status', value)}
              options={COLLECTION_STATUS_KEYS.map((s) => ({ value: s, label: COLLECTION_STATUS[s] }))}
            />
            <Input.Search
              aria-label="搜索名称或地址"
              placeholder="名称或地址"
              allowClear
              defaultValue={q}
              style={{ width: 220 }}
              onSearch={(value) => setParam('q', value.trim() || undefined)}
            />
          </Space>
        }
      />
      <RecordTable
        rows={records.data?.rows ?? []}
        types={catalog.data.types}
        type={type}
        loading={records.isLoading}
        total={records.data?.total ?? 0}
        page={page}
        onPage={setPage}
        onEdit={setEditing}
      />
      {editing ? (
        <RecordFormDialog
          key={editing.id}
          open
          onClose={() => setEditing(null)}
          catalog={catalog.data}
          typeCode={editing.typeCode}
          record={editing}
        />
      ) : null}
      <RecordFormDialog
        open={dialog === 'add'}
        onClose={() => setDialog(null)}
        catalog={catalog.data}
        typeCode={typeCode}
      />
      {dialog === 'form' ? (
        <FormEditorDialog
          open
          onClose={() => setDialog(null)}
          catalog={catalog.data}
          typeCode={typeCode}
          readOnlyReason={formAccess.readOnlyReason}
        />
      ) : null}
      <QrListDrawer open={dialog === 'qrList'} onClose={() => setDialog(null)} canEdit={can('collection.edit')} />
      <QrDialog open={dialog === 'qr'} onClose={() => setDialog(null)} catalog={catalog.data} typeCode={typeCode} />
      <ImportDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        catalog={catalog.data}
        typeCode={typeCode}
      />
    </>
  );
}
