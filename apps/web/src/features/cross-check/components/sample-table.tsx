import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type SampleRow, type SamplesInput, useSamples } from '../api/cross-check';
import { MARK_COLOURS, markLabel, VERDICT_COLOURS, verdictLabel } from '../labels';

type Filter = NonNullable<SamplesInput['filter']>;
type Status = NonNullable<SamplesInput['status']>;

/** 我的抽查 (assigned to me) or the samples of my counties, each opening its review page. */
export function SampleTable({ month, canSeeScope }: { month: string; canSeeScope: boolean }) {
  const [filter, setFilter] = useState<Filter>('mine');
  const [status, setStatus] = useState<Status>('all');
  const samples = useSamples({ filter, status, month });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Filter>
          aria-label="样本范围"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'mine', label: '分配给我' },
            ...(canSeeScope ? [{ value: 'scope' as const, label: '辖区样本' }] : []),
          ]}
        />
        <Segmented<Status>
          aria-label="评审状态"
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '待评审' },
            { value: 'reviewed', label: '已评审' },
          ]}
        />
      </Space>
      <Table<SampleRow>
        size="small"
        rowKey="id"
        aria-label="抽查样本"
        loading={samples.isPending}
        dataSource={samples.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', width: 170 },
          { title: '被抽查区县', dataIndex: 'districtName', width: 110 },
          { title: '分层', dataIndex: 'stratumName', width: 200 },
          {
            title: '问题描述',
            dataIndex: 'description',
            render: (text: string) => <Typography.Text ellipsis={{ tooltip: text }}>{text}</Typography.Text>,
          },
          { title: '评审人', dataIndex: 'reviewerName', width: 100 },
          {
            title: '结论',
            width: 150,
            render: (_, s) => (
              <Space size={4}>
                {s.verdict ? (
                  <Tag color={VERDICT_COLOURS[s.verdict]}>{verdictLabel(s.verdict)}</Tag>
                ) : (
                  <Tag>待评审</Tag>
                )}
                {s.mark ? <Tag color={MARK_COLOURS[s.mark]}>{markLabel(s.mark)}</Tag> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 90,
            render: (_, s) => (
              <Link
                to={`/supervision/cross-check/samples/${s.id}`}
                aria-label={`${s.verdict ? '查看' : '评审'} ${s.caseNo}`}
              >
                {s.verdict ? '查看' : '评审'}
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}
