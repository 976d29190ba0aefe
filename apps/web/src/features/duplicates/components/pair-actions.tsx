import { CloseCircleOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type PairCase, type SuspectPair, useDismissPair, useMergePair } from '../api/duplicates';

function mergeBlocked(joining: PairCase): string | null {
  return joining.mergeable ? null : `案件 ${joining.caseNo} ${joining.statusName}，只有立案前的案件可以并入其他案件`;
}

/** 并案 either way round, or 不是重复; every choice is confirmed first. */
export function PairActions({ pair, onSettled }: { pair: SuspectPair; onSettled: (text: string) => void }) {
  const { modal, message } = App.useApp();
  const merge = useMergePair();
  const dismiss = useDismissPair();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');

  const confirmMerge = (lead: PairCase, joining: PairCase, side: string) =>
    modal.confirm({
      title: `以${side}为主案件并案？`,
      content: (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          案件 <Typography.Text strong>{joining.caseNo}</Typography.Text> 将并入主案件{' '}
          <Typography.Text strong>{lead.caseNo}</Typography.Text>，结束为「已并案」；两案流转记录互相关联，
          其上报人可查看主案件的办理进度。
        </Typography.Paragraph>
      ),
      okText: '确认并案',
      cancelText: '取消',
      onOk: async () => {
        try {
          await merge.mutateAsync({
            caseId: joining.id,
            expectedVersion: joining.version,
            action: 'merge',
            mergeIntoCaseId: lead.id,
            reason: `疑似重复对比后并案（相似度 ${Math.round(pair.score * 100)}%）`,
            attachmentIds: [],
          });
          onSettled(`已将案件 ${joining.caseNo} 并入 ${lead.caseNo}`);
        } catch (error) {
          message.error(apiErrorMessage(error));
        }
      },
    });

  const submitDismiss = async () => {
    try {
      await dismiss.mutateAsync({ pairId: pair.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setDismissing(false);
      setReason('');
      onSettled('已标记为不是重复');
    } catch (error) {
      setDismissing(false);
      message.error(apiErrorMessage(error));
    }
  };

  const rightBlocked = mergeBlocked(pair.right);
  const leftBlocked = mergeBlocked(pair.left);
  return (
    <>
      <Space wrap role="toolbar" aria-label="判重操作">
        <Tooltip title={rightBlocked}>
          <Button
            type="primary"
            icon={<MergeCellsOutlined />}
            disabled={rightBlocked !== null}
            onClick={() => confirmMerge(pair.left, pair.right, '左侧')}
          >
            以左侧为主案件并案
          </Button>
        </Tooltip>
        <Tooltip title={leftBlocked}>
          <Button
            icon={<MergeCellsOutlined />}
            disabled={leftBlocked !== null}
            onClick={() => confirmMerge(pair.right, pair.left, '右侧')}
          >
            以右侧为主案件并案
          </Button>
        </Tooltip>
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setDismissing(true)}>
          不是重复
        </Button>
      </Space>
      <Modal
        open={dismissing}
        title="确认不是重复？"
        okText="确认"
        cancelText="取消"
        confirmLoading={dismiss.isPending}
        onOk={() => void submitDismiss()}
        onCancel={() => setDismissing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          案件 {pair.left.caseNo} 与 {pair.right.caseNo} 将作为两个不同的问题分别办理，不再列入疑似重复。
        </Typography.Paragraph>
        <label htmlFor="dismiss-reason">说明（选填）</label>
        <Input.TextArea
          id="dismiss-reason"
          rows={3}
          maxLength={500}
          showCount
          value={reason}
          placeholder="如：不是同一个井盖"
          onChange={(event) => setReason(event.target.value)}
          style={{ marginBottom: 20 }}
        />
      </Modal>
    </>
  );
}
