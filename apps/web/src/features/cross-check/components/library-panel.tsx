import { Card, Empty, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type LibraryInput, useLibrary } from '../api/cross-check';
import { MARK_COLOURS, markLabel, VERDICT_COLOURS, verdictLabel } from '../labels';

type MarkFilter = 'all' | NonNullable<LibraryInput['mark']>;

/** 案例库: samples marked 典型案例 or 错误案例, searchable by case number, text and notes. */
export function LibraryPanel() {
  const [mark, setMark] = useState<MarkFilter>('all');
  const [q, setQ] = useState('');
  const library = useLibrary({ q, ...(mark === 'all' ? {} : { mark }) });
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<MarkFilter>
          aria-label="案例类型"
          value={mark}
          onChange={setMark}
          options={[
            { value: 'all', label: '全部' },
            { value: 'typical', label: '典型案例' },
            { value: 'error', label: '错误案例' },
          ]}
        />
        <Input.Search
          aria-label="搜索案例库"
          placeholder="案件编号、描述、地址或评审说明"
          allowClear
          enterButton="搜索"
          style={{ width: 420 }}
          onSearch={(value) => setQ(value.trim())}
        />
      </Space>
      <List
        aria-label="案例库"
        loading={library.isPending}
        dataSource={library.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无标记的案例" /> }}
        renderItem={(row) => (
          <List.Item
            extra={
              <Link to={`/supervision/cross-check/samples/${row.id}`} aria-label={`查看 ${row.caseNo}`}>
                查看
              </Link>
            }
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  {row.mark ? <Tag color={MARK_COLOURS[row.mark]}>{markLabel(row.mark)}</Tag> : null}
                  <span>{row.caseNo}</span>
                  <Typography.Text type="secondary">{row.districtName}</Typography.Text>
                  {row.verdict ? <Tag color={VERDICT_COLOURS[row.verdict]}>{verdictLabel(row.verdict)}</Tag> : null}
                  {row.reasonNames.map((name) => (
                    <Tag key={name}>{name}</Tag>
                  ))}
                </Space>
              }
              description={
                <>
                  <div>{row.description}</div>
                  {row.note ? <div>评审说明：{row.note}</div> : null}
                  {row.markNote ? <div>案例说明：{row.markNote}</div> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
