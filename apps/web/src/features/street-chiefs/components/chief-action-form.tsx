import { CameraOutlined } from '@ant-design/icons';
import { type CaseAction, ruleOf } from '@citygov/domain/cases/case-actions';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { type ChangeEvent, useId, useState } from 'react';
import { type ChiefActionInput, uploadChiefPhoto, useChiefAction } from '../api/chiefs';
import { CHIEF_ACTION_HINTS } from '../chief-labels';
import styles from './chiefs.module.css';

interface Props {
  caseId: number;
  version: number;
  action: CaseAction;
  onDone: (label: string) => void;
  onCancel: () => void;
}

/** One chief action's form: the opinion (required when the table says so), a phone for 教育, photos. */
export function ChiefActionForm({ caseId, version, action, onDone, onCancel }: Props) {
  const rule = ruleOf(action);
  const act = useChiefAction();
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState('');
  const [photos, setPhotos] = useState<{ id: number; thumbUrl: string | null }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const photoId = useId();
  const wantsPhotos = rule.fields?.includes('photos') ?? false;

  const addPhotos = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setUploading(true);
    setError(null);
    try {
      for (const file of files) {
        const uploaded = await uploadChiefPhoto(file);
        setPhotos((p) => [...p, uploaded]);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : '照片上传失败');
    } finally {
      setUploading(false);
    }
  };

  const submit = () => {
    setError(null);
    if (rule.reason === 'required' && !reason.trim()) {
      setError(`请填写${rule.label}意见`);
      return;
    }
    act.mutate(
      {
        caseId,
        expectedVersion: version,
        action: action as ChiefActionInput['action'],
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'educate' && phone.trim() ? { subjectPhone: phone.trim() } : {}),
        attachmentIds: photos.map((p) => p.id),
      },
      { onSuccess: () => onDone(rule.label), onError: (e) => setError(e.message) },
    );
  };

  return (
    <section className={styles.section} aria-label={`${rule.label}表单`}>
      <h2 className={styles.sectionTitle}>{rule.label}</h2>
      {CHIEF_ACTION_HINTS[action] ? (
        <Typography.Paragraph type="secondary">{CHIEF_ACTION_HINTS[action]}</Typography.Paragraph>
      ) : null}
      {action === 'educate' ? (
        <div className={styles.field}>
          <label htmlFor={`${reasonId}-phone`}>当事人手机号（选填）</label>
          <Input
            id={`${reasonId}-phone`}
            inputMode="numeric"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-label="当事人手机号"
            placeholder="11 位手机号，用于发送教育短信"
          />
        </div>
      ) : null}
      <label className={styles.field} htmlFor={reasonId}>
        <span>
          {rule.label}意见{rule.reason === 'required' ? '（必填）' : '（选填）'}
        </span>
      </label>
      <Input.TextArea
        id={reasonId}
        rows={3}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-label={`${rule.label}意见`}
      />
      {wantsPhotos ? (
        <div className={styles.field}>
          <label htmlFor={photoId} className={styles.photoButton}>
            <CameraOutlined aria-hidden="true" /> {action === 'persuade' ? '拍摄整改后照片（必传）' : '拍照（选填）'}
          </label>
          <input
            id={photoId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            hidden
            aria-label="现场照片"
            onChange={(e) => void addPhotos(e)}
          />
          <div className={styles.thumbs}>
            {photos.map((p) => (
              <img key={p.id} src={p.thumbUrl ?? `/api/attachments/${p.id}`} alt="已上传照片" />
            ))}
            {uploading ? <span>上传中…</span> : null}
          </div>
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon message={error} role="alert" /> : null}
      <Space style={{ width: '100%' }} direction="vertical">
        <Button
          type="primary"
          block
          size="large"
          danger={rule.tone === 'danger'}
          loading={act.isPending}
          disabled={uploading}
          onClick={submit}
        >
          确认{rule.label}
        </Button>
        <Button block onClick={onCancel}>
          取消
        </Button>
      </Space>
    </section>
  );
}
