import { Alert, Button, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type LookupInput, type Subject, useSubjectLookup } from '../api/enforcement';

const KIND_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'person', label: '自然人' },
  { value: 'organisation', label: '单位' },
];

/**
 * 当事人查询: by name, ID number, 单位名称 or 统一社会信用代码, asked of the enforcement
 * system; each hit is a list row with whatever `action` the caller puts on it.
 */
export function SubjectSearch({
  action,
  selectedId,
  onSelect,
}: {
  action?: (subject: Subject) => ReactNode;
  selectedId?: string | null;
  onSelect?: (subject: Subject) => void;
}) {
  const [kind, setKind] = useState<'all' | 'person' | 'organisation'>('all');
  const [query, setQuery] = useState<LookupInput | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lookup = useSubjectLookup(query);

  const search = (text: string) => {
    const q = text.trim();
    if (q.length < 2) {
      setProblem('请至少输入 2 个字');
      return;
    }
    setProblem(null);
    setQuery({ kind: kind === 'all' ? null : kind, q });
  };

  return (
    <div>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          aria-label="当事人类型"
          value={kind}
          style={{ width: 110 }}
          options={KIND_OPTIONS}
          onChange={(value) => setKind(value)}
        />
        <Input.Search
          aria-label="当事人查询"
          placeholder="姓名、身份证号、单位名称或统一社会信用代码"
          enterButton="查询"
          allowClear
          onSearch={search}
        />
      </Space.Compact>
      {problem ? <Alert type="warning" showIcon message={problem} style={{ marginBottom: 12 }} /> : null}
      {lookup.isError ? (
        <Alert type="error" showIcon message={apiErrorMessage(lookup.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <section aria-label="查询结果">
        {query && lookup.data ? (
          lookup.data.length === 0 ? (
            <Empty description="执法系统中没有符合条件的当事人" />
          ) : (
            <List
              size="small"
              bordered
              dataSource={lookup.data}
              renderItem={(s) => (
                <List.Item
                  style={{ background: selectedId === s.subjectId ? '#e6f4ff' : undefined }}
                  actions={action ? [action(s)] : undefined}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        {onSelect ? (
                          <Button
                            type="link"
                            style={{ padding: 0, fontWeight: 600 }}
                            aria-pressed={selectedId === s.subjectId}
                            onClick={() => onSelect(s)}
                          >
                            {s.name}
                          </Button>
                        ) : (
                          <Typography.Text strong>{s.name}</Typography.Text>
                        )}
                        <Tag color={s.kind === 'person' ? 'blue' : 'purple'}>{s.kindLabel}</Tag>
                      </Space>
                    }
                    description={`${s.code} · 违法记录 ${s.violations.length} 条 · 处罚记录 ${s.penalties.length} 条 · 关联案件 ${s.linkedCases} 件`}
                  />
                </List.Item>
              )}
            />
          )
        ) : null}
      </section>
      {query && lookup.isPending ? <Typography.Text type="secondary">正在查询执法系统…</Typography.Text> : null}
    </div>
  );
}
