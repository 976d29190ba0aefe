import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useCitizen } from '../api/citizen';
import styles from './public.module.css';

/**
 * 浙里办登录 on the report form: optional; once signed in, the citizen's name and mobile
 * number fill the contact fields (once, and only empty ones: what they typed stays).
 */
export function ZlbContact({ onPrefill }: { onPrefill: (contact: { name: string; phone: string }) => void }) {
  const citizen = useCitizen();
  const [params] = useSearchParams();
  const filled = useRef(false);
  const who = citizen.data?.citizen;
  useEffect(() => {
    if (!who || filled.current) return;
    filled.current = true;
    onPrefill({ name: who.name, phone: who.phone ?? '' });
  }, [who, onPrefill]);
  if (!citizen.data?.zlb) return null;
  if (who) {
    return (
      <Alert
        type="success"
        showIcon
        className={styles.hint}
        style={{ marginBottom: 12 }}
        title={`已通过浙里办登录：${who.name}`}
        description="已自动填入称呼和手机号码，可修改。"
      />
    );
  }
  return (
    <div style={{ marginBottom: 12 }}>
      {params.get('zlbError') ? (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="浙里办登录未成功，请重试或直接填写" />
      ) : null}
      <Button icon={<LoginOutlined aria-hidden />} href="/api/sso/zlb/login?from=/public/report">
        浙里办登录，自动填写联系方式
      </Button>
    </div>
  );
}
