import { Alert, Button, Popconfirm } from 'antd';
import { formatShort } from '../labels';

/** 草稿已恢复: tells the user the form came back from the last time, with a way to start over. */
export function DraftRestored({
  savedAt,
  onDismiss,
  onDiscard,
}: {
  savedAt: number | null;
  onDismiss: () => void;
  onDiscard: () => void;
}) {
  if (savedAt === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      closable={{ onClose: onDismiss, 'aria-label': '关闭提示' }}
      title="草稿已恢复"
      description={`已恢复 ${formatShort(new Date(savedAt))} 保存的内容和照片，可继续填写或提交。`}
      action={
        <Popconfirm title="清空草稿后将无法恢复，确定吗？" okText="清空" cancelText="取消" onConfirm={onDiscard}>
          <Button size="small">清空草稿</Button>
        </Popconfirm>
      }
    />
  );
}
