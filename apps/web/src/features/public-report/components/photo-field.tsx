import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useId } from 'react';
import type { ChosenPhoto } from '../api/public-report';
import styles from './public.module.css';

export const MAX_PHOTOS = 6;

let counter = 0;

/** 现场照片（选填）: up to six photos from the camera or album, previewed before sending. */
export function PhotoField({
  photos,
  onChange,
  disabled = false,
}: {
  photos: ChosenPhoto[];
  onChange: (photos: ChosenPhoto[]) => void;
  disabled?: boolean;
}) {
  const inputId = useId();
  const add = (files: FileList | null) => {
    if (!files) return;
    const room = MAX_PHOTOS - photos.length;
    const added = [...files]
      .filter((f) => f.type.startsWith('image/'))
      .slice(0, room)
      .map((file) => ({ key: `p${++counter}`, file, previewUrl: URL.createObjectURL(file), token: null }));
    onChange([...photos, ...added]);
  };
  const remove = (key: string) => {
    const gone = photos.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.previewUrl);
    onChange(photos.filter((p) => p.key !== key));
  };
  return (
    <div>
      <div className={styles.photoGrid}>
        {photos.map((p, i) => (
          <div key={p.key} className={styles.photoTile}>
            <img src={p.previewUrl} alt={`第 ${i + 1} 张照片`} />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined aria-hidden="true" />}
              aria-label={`删除第 ${i + 1} 张照片`}
              className={styles.photoRemove}
              onClick={() => remove(p.key)}
              disabled={disabled}
            />
          </div>
        ))}
        {photos.length < MAX_PHOTOS ? (
          <label htmlFor={inputId} className={styles.photoAdd} aria-disabled={disabled}>
            <CameraOutlined aria-hidden="true" style={{ fontSize: 22 }} />
            <span>添加照片</span>
            <input
              id={inputId}
              type="file"
              accept="image/*"
              multiple
              aria-label="添加现场照片"
              disabled={disabled}
              style={{ display: 'none' }}
              onChange={(event) => {
                add(event.target.files);
                event.target.value = '';
              }}
            />
          </label>
        ) : null}
      </div>
      <div className={styles.hint} style={{ marginTop: 6 }}>
        最多 {MAX_PHOTOS} 张，拍清问题全貌即可；照片仅供工作人员处置使用。
      </div>
    </div>
  );
}
