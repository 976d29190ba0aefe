import { SUPERVISION_ORDER_STATE_NAMES } from '@citygov/domain/supervision/supervision-orders';
import { App, Button, Card, Empty, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import {
  type OrdersFilter,
  type SupervisionOrder,
  useReplyDepartmentOrder,
  useSupervisionOrders,
} from '../api/supervision';

const STATE_COLOURS: Record<SupervisionOrder['state'], string> = {
  awaiting: 'blue',
  escalated: 'red',
  replied: 'green',
  replied_late: 'volcano',
};

/**
 * 督办单 on the desk: open orders (soonest due first), escalated ones, or all. A case's
 * order is answered on the case (回复督办); a department order is answered here.
 */
export function OrderList({ canReply }: { canReply: boolean }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<OrdersFilter>('open');
  const orders = useSupervisionOrders(filter);
  const reply = useReplyDepartmentOrder();
  const [answering, setAnswering] = useState<SupervisionOrder | null>(null);
  const [text, setText] = useState('');
  return (
    <Card
      title="督办单"
      extra={
        <Segmented
          aria-label="督办单筛选"
          value={filter}
          onChange={(v) => setFilter(v as OrdersFilter)}
          options={[
            { value: 'open', label: '待回复' },
            { value: 'escalated', label: '已升级' },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    >
      <List
        loading={orders.isPending}
        dataSource={orders.data ?? []}
        locale={{ emptyText: <Empty description="没有督办单" /> }}
        renderItem={(order) => (
          <List.Item
            actions={[
              order.caseId ? (
                <Link key="case" to={`/desk/cases/${order.caseId}`}>
                  查看案件 {order.caseNo}
                </Link>
              ) : canReply && order.state !== 'replied' && order.state !== 'replied_late' ? (
                <Button key="reply" size="small" onClick={() => setAnswering(order)}>
                  回复
                </Button>
              ) : null,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={STATE_COLOURS[order.state]}>{SUPERVISION_ORDER_STATE_NAMES[order.state]}</Tag>
                  <span>{order.departmentName}</span>
                  <Typography.Text type="secondary">回复时限 {formatDateTime(order.replyDueAt)}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>
                    {order.issuedBy}：{order.instruction}
                  </div>
                  {order.reply ? (
                    <div>
                      {order.repliedBy} 回复：{order.reply}（{formatDateTime(order.repliedAt)}）
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={answering !== null}
        title="回复督办单"
        okText="提交回复"
        cancelText="取消"
        confirmLoading={reply.isPending}
        onCancel={() => setAnswering(null)}
        onOk={() =>
          answering &&
          reply.mutateAsync({ id: answering.id, reply: text }).then(
            (r) => {
              setAnswering(null);
              setText('');
              message.success(r.late ? '已回复（逾期）' : '已回复');
            },
            (e: unknown) => message.error(apiErrorMessage(e)),
          )
        }
      >
        <Typography.Paragraph>{answering?.instruction}</Typography.Paragraph>
        <Input.TextArea aria-label="回复内容" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </Card>
  );
}
