import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Progress, Typography } from 'antd';
import { type ChangeEvent, useId, useState } from 'react';
import type { DraftPhotoItem } from '../drafts/use-draft';
import styles from './phone.module.css';
import { PHOTO_REMOVE_BUTTON } from './phone-styles';

interface PhotoPickerProps {
  photos: readonly DraftPhotoItem[];
  onAdd: (files: File[]) => Promise<void>;
  onRemove: (key: string) => void;
  /** Upload progress (0–1) of photos being sent now. */
  progress: Readonly<Record<string, number>>;
  failedKey: string | null;
  disabled?: boolean;
  max?: number;
  /** Names the inputs, e.g. 拍照 / 处置照片. */
  label?: string;
  error?: string | null;
  /** The form sends photos ahead while it is being filled (the report's 智能判重 compares them). */
  uploadsAhead?: boolean;
}

function PhotoStatus({ photo, ratio, failed }: { photo: DraftPhotoItem; ratio: number | undefined; failed: boolean }) {
  if (photo.uploaded) return <span className={styles.photoStatus}>已上传</span>;
  if (failed)
    return (
      <span className={styles.photoStatus} style={{ background: 'rgba(207,19,34,0.8)' }}>
        上传失败
      </span>
    );
  if (ratio === undefined) return <span className={styles.photoStatus}>待上传</span>;
  const percent = Math.round(ratio * 100);
  return (
    <span className={styles.photoStatus}>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        strokeColor="#52c41a"
        aria-label={`上传进度 ${percent}%`}
        style={{ margin: 0 }}
      />
      上传中 {percent}%
    </span>
  );
}

/**
 * 拍照 (camera, `capture="environment"`) and 相册 inputs, previews with remove, and each
 * photo's upload state. Photos are kept in the draft as Blobs until the send succeeds.
 */
export function PhotoPicker({
  photos,
  onAdd,
  onRemove,
  progress,
  failedKey,
  disabled = false,
  max = 9,
  label = '拍照',
  error,
  uploadsAhead = false,
}: PhotoPickerProps) {
  const cameraId = useId();
  const albumId = useId();
  const [adding, setAdding] = useState(false);
  const room = max - photos.length;

  const take = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, Math.max(room, 0));
    // Let the same photo be picked again after removing it.
    event.target.value = '';
    if (files.length === 0) return;
    setAdding(true);
    try {
      await onAdd(files);
    } finally {
      setAdding(false);
    }
  };

  return (
    <div>
      <div className={styles.photoGrid}>
        {photos.map((photo, i) => (
          <div key={photo.key} className={styles.photoTile}>
            <img src={photo.previewUrl} alt={`第 ${i + 1} 张照片`} />
            <Button
              shape="circle"
              size="small"
              icon={<CloseOutlined aria-hidden="true" />}
              style={PHOTO_REMOVE_BUTTON}
              aria-label={`删除第 ${i + 1} 张照片`}
              disabled={disabled}
              onClick={() => onRemove(photo.key)}
            />
            <PhotoStatus photo={photo} ratio={progress[photo.key]} failed={failedKey === photo.key} />
          </div>
        ))}
        {room > 0 ? (
          <>
            <label className={styles.addTile} htmlFor={cameraId} aria-disabled={disabled || adding}>
              <CameraOutlined className={styles.addTileIcon} aria-hidden="true" />
              <span>{adding ? '处理中…' : label}</span>
              <input
                id={cameraId}
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                className={styles.visuallyHidden}
                disabled={disabled || adding}
                onChange={(event) => void take(event)}
              />
            </label>
            <label className={styles.addTile} htmlFor={albumId} aria-disabled={disabled || adding}>
              <PictureOutlined className={styles.addTileIcon} aria-hidden="true" />
              <span>从相册选择</span>
              <input
                id={albumId}
                type="file"
                accept="image/*"
                multiple
                className={styles.visuallyHidden}
                disabled={disabled || adding}
                onChange={(event) => void take(event)}
              />
            </label>
          </>
        ) : null}
      </div>
      <Typography.Text className={styles.hint} style={{ display: 'block', marginTop: 6 }}>
        已选 {photos.length} / {max} 张，照片先保存在本机，{uploadsAhead ? '有网络时随即上传' : '提交时上传'}
      </Typography.Text>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </div>
  );
}
