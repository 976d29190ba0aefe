import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { App, Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { CreatedRequest } from '../api/open311-client';
import styles from './public.module.css';

/** After sending: the 查询码, big, grouped and copyable, what it is for, and where to go next. */
export function ReportSuccess({ created, onAgain }: { created: CreatedRequest; onAgain: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const code = created.token;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      void message.success('已复制查询码');
    } catch {
      void message.info('请长按查询码手动复制');
    }
  };
  return (
    <section className={styles.section} aria-live="polite">
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title="反映已提交"
        subTitle={
          <div>
            <div>您的查询码</div>
            <strong className={`${styles.trackingNo} ${styles.code}`} data-testid="tracking-code">
              {code}
            </strong>
            <div className={styles.hint}>
              请截图或抄下查询码：凭它在「进度查询」查看办理进度，拨打 12345 热线时也可报此码。本机也会记住它。
            </div>
          </div>
        }
        extra={[
          <Button
            key="track"
            type="primary"
            size="large"
            onClick={() => navigate(`/public/track?code=${encodeURIComponent(code)}`)}
          >
            查询办理进度
          </Button>,
          <Button key="copy" size="large" icon={<CopyOutlined aria-hidden="true" />} onClick={() => void copy()}>
            复制查询码
          </Button>,
          <Button key="again" size="large" type="link" onClick={onAgain}>
            再反映一个问题
          </Button>,
        ]}
      />
    </section>
  );
}
