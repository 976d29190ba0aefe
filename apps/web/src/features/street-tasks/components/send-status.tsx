import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import type { SendPhase } from '../hooks/use-send-with-photos';
import type { SendFailure } from '../lib/send-failure';

interface SendStatusProps {
  phase: SendPhase;
  failure: SendFailure | null;
  photoCount: number;
  uploadedCount: number;
  onRetry: () => void;
  /** For conflicts: reload the case to see what changed. */
  onRefresh?: () => void;
}

/**
 * What happened to the last send. A lost connection, a timeout or a server fault
 * says the draft is safe and offers 重试; a refusal shows the server's reason.
 */
export function SendStatus(props: SendStatusProps) {
  const box = useRef<HTMLDivElement>(null);
  // The form is long on a phone: bring the outcome (and its 重试) into view.
  useEffect(() => {
    if (props.failure) box.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [props.failure]);
  return (
    <div ref={box}>
      <SendStatusBody {...props} />
    </div>
  );
}

function SendStatusBody({ phase, failure, photoCount, uploadedCount, onRetry, onRefresh }: SendStatusProps) {
  if (phase === 'uploading') {
    return (
      <div role="status" aria-live="polite">
        <Spin size="small" /> 正在上传照片（{Math.min(uploadedCount + 1, photoCount)}/{photoCount}）…
      </div>
    );
  }
  if (phase === 'submitting') {
    return (
      <div role="status" aria-live="polite">
        <Spin size="small" /> <CloudUploadOutlined aria-hidden="true" /> 正在提交…
      </div>
    );
  }
  if (phase !== 'failed' || !failure) return null;
  if (failure.retryable) {
    return (
      <Alert
        role="alert"
        type="warning"
        showIcon
        title="发送失败，已保存草稿"
        description={`${failure.message}。填写的内容和照片已保存在本机，网络恢复后点击「重试」即可继续发送。`}
        action={
          <Button type="primary" icon={<ReloadOutlined aria-hidden="true" />} onClick={onRetry}>
            重试
          </Button>
        }
      />
    );
  }
  if (failure.conflict) {
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title="案件已被他人处理"
        description={`${failure.message}。您填写的内容已保存为草稿。`}
        action={
          onRefresh ? (
            <Button type="primary" onClick={onRefresh}>
              刷新案件
            </Button>
          ) : undefined
        }
      />
    );
  }
  return <Alert role="alert" type="error" showIcon title="提交未成功" description={failure.message} />;
}
