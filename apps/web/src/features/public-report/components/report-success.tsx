import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { App, Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { CreatedRequest } from '../api/open311-client';
import styles from './public.module.css';

/** After sending: the tracking number (service_request_id), big and copyable, and where to go next. */
export function ReportSuccess({ created, onAgain }: { created: CreatedRequest; onAgain: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const id = created.service_request_id;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      void message.success('已复制查询编号');
    } catch {
      void message.info('请长按编号手动复制');
    }
  };
  return (
    <section className={styles.section} aria-live="polite">
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title="反映已提交"
        subTitle={
          <div>
            <div>您的查询编号</div>
            <strong className={styles.trackingNo} data-testid="tracking-no">
              {id}
            </strong>
            <div className={styles.hint}>{created.service_notice}</div>
          </div>
        }
        extra={[
          <Button key="track" type="primary" size="large" onClick={() => navigate(`/public/track?id=${id}`)}>
            查询办理进度
          </Button>,
          <Button key="copy" size="large" icon={<CopyOutlined aria-hidden="true" />} onClick={() => void copy()}>
            复制编号
          </Button>,
          <Button key="again" size="large" type="link" onClick={onAgain}>
            再反映一个问题
          </Button>,
        ]}
      />
    </section>
  );
}
