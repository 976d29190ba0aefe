import { Button, Table, Tag, Typography } from 'antd';
import type { CaseEnforcement } from '../api/enforcement';
import styles from './enforcement.module.css';

export type LinkedSubject = CaseEnforcement['subjects'][number];

interface LinkedSubjectsProps {
  subjects: readonly LinkedSubject[];
  loading: boolean;
  /** A phone: one block per subject with thumb-sized buttons instead of a table. */
  narrow: boolean;
  openId: string | null;
  onToggle: (subject: LinkedSubject) => void;
  /** 取消关联, for those who may link. */
  onUnlink?: (subject: LinkedSubject) => void;
  unlinking: boolean;
}

/** The subjects linked to a case (关联当事人), each with 查看记录 and, for those who may, 取消关联. */
export function LinkedSubjects({
  subjects,
  loading,
  narrow,
  openId,
  onToggle,
  onUnlink,
  unlinking,
}: LinkedSubjectsProps) {
  const recordsButton = (s: LinkedSubject) => (
    <Button
      size={narrow ? 'large' : 'small'}
      type={narrow ? 'default' : 'link'}
      aria-expanded={openId === s.subjectId}
      aria-label={`${openId === s.subjectId ? '收起' : '查看'} ${s.name} 的违法和处罚记录`}
      onClick={() => onToggle(s)}
    >
      {openId === s.subjectId ? '收起记录' : '查看记录'}
    </Button>
  );
  const unlinkButton = (s: LinkedSubject) =>
    onUnlink ? (
      <Button
        size={narrow ? 'large' : 'small'}
        type={narrow ? 'default' : 'link'}
        danger={narrow}
        aria-label={`取消关联 ${s.name}`}
        onClick={() => onUnlink(s)}
        loading={unlinking}
      >
        取消关联
      </Button>
    ) : null;

  if (narrow) {
    if (!loading && subjects.length === 0) return <Typography.Text type="secondary">尚未关联当事人</Typography.Text>;
    return (
      <ul aria-label="关联当事人" className={styles.records}>
        {subjects.map((s) => (
          <li key={s.subjectId} className={styles.record}>
            <div className={styles.recordTop}>
              <span className={styles.recordTitle}>{s.name}</span>
              <Tag>{s.kindLabel}</Tag>
            </div>
            <div className={styles.recordMeta}>
              {s.code} · {s.linkedBy} 关联
            </div>
            <div className={styles.recordTop} style={{ marginTop: 8 }}>
              {recordsButton(s)}
              {unlinkButton(s)}
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<LinkedSubject>
      aria-label="关联当事人"
      size="small"
      rowKey="subjectId"
      loading={loading}
      pagination={false}
      // A tablet scrolls the table within the card instead of breaking names a character a line.
      scroll={{ x: 660 }}
      dataSource={[...subjects]}
      locale={{ emptyText: '尚未关联当事人' }}
      columns={[
        { title: '当事人', dataIndex: 'name' },
        { title: '类型', dataIndex: 'kindLabel', width: 70 },
        { title: '证件号码', dataIndex: 'code', width: 190 },
        { title: '关联人', dataIndex: 'linkedBy', width: 90 },
        {
          title: '操作',
          key: 'op',
          width: onUnlink ? 190 : 100,
          render: (_: unknown, s: LinkedSubject) => (
            <>
              {recordsButton(s)}
              {unlinkButton(s)}
            </>
          ),
        },
      ]}
    />
  );
}
