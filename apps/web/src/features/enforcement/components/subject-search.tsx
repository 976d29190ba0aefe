import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Grid, Input, List, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type LookupInput, type Subject, useSubjectLookup } from '../api/enforcement';

/**
 * Row colours with WCAG AA contrast (≥ 4.5:1): names #1558b0 on white 6.9:1; the selected row
 * dark #1f2329 on #e6f4ff 14:1, marked by a bar and a tick, not by colour alone; the line below
 * #5b6472, 6.0:1 on white and 5.3:1 on the highlight (antd's pale link blue and grey are ~4.1 and ~3.4).
 */
const NAME_COLOR = '#1558b0';
const SELECTED_NAME_COLOR = '#1f2329';
const SELECTED_BACKGROUND = '#e6f4ff';
const SELECTED_MARKER = 'inset 4px 0 0 #1558b0';
const DETAIL_COLOR = '#5b6472';

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
  // On a phone the controls are thumb-sized.
  const narrow = Grid.useBreakpoint().md === false;
  const controlSize = narrow ? 'large' : 'middle';

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
          size={controlSize}
          style={{ width: narrow ? 92 : 110 }}
          options={KIND_OPTIONS}
          onChange={(value) => setKind(value)}
        />
        <Input.Search
          aria-label="当事人查询"
          placeholder="姓名、身份证号、单位名称或统一社会信用代码"
          enterButton="查询"
          size={controlSize}
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
              renderItem={(s) => {
                const selected = selectedId === s.subjectId;
                return (
                  <List.Item
                    aria-current={selected ? 'true' : undefined}
                    style={selected ? { background: SELECTED_BACKGROUND, boxShadow: SELECTED_MARKER } : undefined}
                    actions={action ? [action(s)] : undefined}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          {onSelect ? (
                            <Button
                              type="link"
                              style={{
                                padding: 0,
                                fontWeight: 600,
                                color: selected ? SELECTED_NAME_COLOR : NAME_COLOR,
                                ...(narrow ? { minHeight: 44 } : {}),
                              }}
                              icon={selected ? <CheckOutlined aria-hidden="true" /> : undefined}
                              aria-pressed={selected}
                              onClick={() => onSelect(s)}
                            >
                              {s.name}
                            </Button>
                          ) : (
                            <Typography.Text strong>{s.name}</Typography.Text>
                          )}
                          <Tag color={s.kind === 'person' ? 'blue' : 'purple'}>{s.kindLabel}</Tag>
                          {selected ? <span style={{ color: SELECTED_NAME_COLOR }}>已选中</span> : null}
                        </Space>
                      }
                      description={
                        <span style={{ color: DETAIL_COLOR, overflowWrap: 'anywhere' }}>
                          {`${s.code} · 违法记录 ${s.violations.length} 条 · 处罚记录 ${s.penalties.length} 条 · 关联案件 ${s.linkedCases} 件`}
                        </span>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )
        ) : null}
      </section>
      {query && lookup.isPending ? <Typography.Text type="secondary">正在查询执法系统…</Typography.Text> : null}
    </div>
  );
}
