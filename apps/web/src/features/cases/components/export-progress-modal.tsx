import { Modal, Progress, Typography } from 'antd';
import type { ExportProgress } from '../export/use-case-export';

/** 导出中 x/y while the list export pages through the cases. */
export function ExportProgressModal({ progress }: { progress: ExportProgress | null }) {
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Modal open={progress !== null} title="导出 Excel" footer={null} closable={false} mask={{ closable: false }}>
      <Typography.Paragraph>
        导出中 {progress?.done ?? 0}/{progress?.total || '…'}
      </Typography.Paragraph>
      <Progress percent={percent} status="active" aria-label="导出进度" />
    </Modal>
  );
}
