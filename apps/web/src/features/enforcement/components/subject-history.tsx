import { Card, Descriptions, Grid, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { Subject } from '../api/enforcement';
import styles from './enforcement.module.css';

const amountText = (amount: number | null) => (amount === null ? '—' : amount.toLocaleString('zh-CN'));
const penaltyTag = (status: string) => <Tag color={status === '已执行' ? 'green' : 'orange'}>{status}</Tag>;

/** On a phone: one block per record, everything readable without scrolling sideways. */
function PhoneRecords({ subject }: { subject: Subject }) {
  return (
    <>
      <Card size="small" title={`违法记录（${subject.violations.length}）`} style={{ marginBottom: 16 }}>
        {subject.violations.length === 0 ? (
          <Typography.Text type="secondary">暂无违法记录</Typography.Text>
        ) : (
          <ul aria-label="违法记录" className={styles.records}>
            {subject.violations.map((v) => (
              <li key={v.recordId} className={styles.record}>
                <div className={styles.recordTop}>
                  <span className={styles.recordTitle}>{v.type}</span>
                  <span className={styles.recordMeta}>{formatDateTime(v.at)}</span>
                </div>
                <div>{v.description}</div>
                <div className={styles.recordMeta}>地点：{v.place}</div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={`处罚记录（${subject.penalties.length}）`} style={{ marginBottom: 16 }}>
        {subject.penalties.length === 0 ? (
          <Typography.Text type="secondary">暂无处罚记录</Typography.Text>
        ) : (
          <ul aria-label="处罚记录" className={styles.records}>
            {subject.penalties.map((p) => (
              <li key={p.decisionNo} className={styles.record}>
                <div className={styles.recordTop}>
                  <span className={styles.recordTitle}>{p.kind}</span>
                  {p.amount === null ? null : <span>{amountText(p.amount)} 元</span>}
                  {penaltyTag(p.status)}
                </div>
                <div>{p.decisionNo}</div>
                <div className={styles.recordMeta}>决定日期：{formatDateTime(p.at)}</div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

/** A subject's 违法记录 and 处罚记录, as the enforcement system holds them. */
export function SubjectHistory({ subject }: { subject: Subject }) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <>
      <Card size="small" title={`当事人：${subject.name}`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类型">{subject.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={subject.kind === 'person' ? '身份证号' : '统一社会信用代码'}>
            {subject.code}
          </Descriptions.Item>
          <Descriptions.Item label="地址">{subject.address || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {narrow ? (
        <PhoneRecords subject={subject} />
      ) : (
        <>
          <Card size="small" title={`违法记录（${subject.violations.length}）`} style={{ marginBottom: 16 }}>
            <Table
              aria-label="违法记录"
              size="small"
              rowKey="recordId"
              pagination={false}
              dataSource={subject.violations}
              // On a tablet the table scrolls within its card instead of squeezing 情况 to a word a line.
              scroll={{ x: 760 }}
              columns={[
                { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
                { title: '违法类型', dataIndex: 'type', width: 140 },
                { title: '情况', dataIndex: 'description' },
                { title: '地点', dataIndex: 'place', width: 240 },
              ]}
            />
          </Card>
          <Card size="small" title={`处罚记录（${subject.penalties.length}）`} style={{ marginBottom: 16 }}>
            <Table
              aria-label="处罚记录"
              size="small"
              rowKey="decisionNo"
              pagination={false}
              dataSource={subject.penalties}
              scroll={{ x: 740 }}
              columns={[
                { title: '决定日期', dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
                { title: '决定书文号', dataIndex: 'decisionNo' },
                { title: '处罚种类', dataIndex: 'kind', width: 110 },
                {
                  title: '金额（元）',
                  dataIndex: 'amount',
                  width: 110,
                  render: amountText,
                },
                {
                  title: '执行情况',
                  dataIndex: 'status',
                  width: 100,
                  render: penaltyTag,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
