import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type ImportBad, type TypesAndPlaces, useImportParse, useImportRows } from '../api/collection';

const BATCH = 100;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

interface Outcome {
  done: number;
  total: number;
  imported: number;
  bad: ImportBad[];
  finished: boolean;
}

/**
 * 导入: an .xlsx (表头: 名称, 地址, 业主手机号 and the type's field labels) read by the
 * server, then checked and saved in batches so the progress shows; bad rows are listed.
 */
export function ImportDialog({
  open,
  onClose,
  catalog,
  typeCode,
}: {
  open: boolean;
  onClose: () => void;
  catalog: TypesAndPlaces;
  typeCode: string | undefined;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ typeCode: string; areaId: number }>();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const parse = useImportParse();
  const importRows = useImportRows();
  const chosen = Form.useWatch('typeCode', form) ?? typeCode;
  const type = catalog.types.find((t) => t.code === chosen);

  const run = async ({ typeCode: code, areaId }: { typeCode: string; areaId: number }) => {
    if (!file) {
      message.error('请选择要导入的 .xlsx 文件');
      return;
    }
    try {
      const parsed = await parse.mutateAsync({ typeCode: code, fileBase64: await toBase64(file) });
      const state: Outcome = { done: 0, total: parsed.rows.length, imported: 0, bad: [], finished: false };
      setOutcome({ ...state });
      for (let start = 0; start < parsed.rows.length; start += BATCH) {
        const batch = parsed.rows.slice(start, start + BATCH);
        const result = await importRows.mutateAsync({ typeCode: code, areaId, rows: batch });
        state.done += batch.length;
        state.imported += result.imported;
        state.bad = [...state.bad, ...result.bad];
        setOutcome({ ...state });
      }
      setOutcome({ ...state, finished: true });
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  const close = () => {
    setOutcome(null);
    setFile(null);
    onClose();
  };
  const busy = parse.isPending || (outcome !== null && !outcome.finished);

  return (
    <Modal
      title="导入采集信息"
      open={open}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{outcome?.finished ? '关闭' : '取消'}</Button>
          {outcome?.finished ? null : (
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              开始导入
            </Button>
          )}
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={run} initialValues={{ typeCode }} disabled={busy}>
        <Form.Item name="typeCode" label="采集类型" rules={[{ required: true, message: '请选择采集类型' }]}>
          <Select aria-label="导入采集类型" options={catalog.types.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        <Form.Item name="areaId" label="导入到街道/社区" rules={[{ required: true, message: '请选择街道或社区' }]}>
          <Select
            aria-label="导入到街道/社区"
            showSearch
            optionFilterProp="label"
            options={catalog.places.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        {type ? (
          <Typography.Paragraph type="secondary">
            表头（第一行）：名称、地址、业主手机号、{type.fields.map((f) => f.label).join('、')}
          </Typography.Paragraph>
        ) : null}
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setOutcome(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入 .xlsx 文件</p>
        </Upload.Dragger>
      </Form>
      {outcome ? (
        <div style={{ marginTop: 16 }}>
          <Progress
            aria-label="导入进度"
            percent={outcome.total === 0 ? 100 : Math.round((outcome.done / outcome.total) * 100)}
          />
          <Alert
            style={{ marginTop: 8 }}
            type={outcome.bad.length > 0 ? 'warning' : 'success'}
            message={`共 ${outcome.total} 行，已导入 ${outcome.imported} 行，有误 ${outcome.bad.length} 行${outcome.finished ? '' : '（导入中…）'}`}
          />
          {outcome.bad.length > 0 ? (
            <Table
              style={{ marginTop: 8 }}
              size="small"
              rowKey="row"
              aria-label="有误的行"
              pagination={{ pageSize: 8 }}
              dataSource={outcome.bad}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
