import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { type AttachmentPurpose, type UploadedAttachment, uploadAttachment } from '../attachments';

/**
 * Photo picker that uploads each file as soon as it is chosen and reports the ids of
 * the finished uploads; the form submits those ids with its action.
 */
export function PhotoUpload({
  purpose,
  onChange,
  max = 9,
  label = '上传照片',
  id,
}: {
  purpose: AttachmentPurpose;
  onChange: (attachmentIds: number[]) => void;
  max?: number;
  label?: string;
  id?: string;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<UploadedAttachment>[]>([]);

  const report = (next: UploadFile<UploadedAttachment>[]) => {
    setFiles(next);
    onChange(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
  };

  return (
    <Upload<UploadedAttachment>
      id={id}
      accept="image/jpeg,image/png,image/webp,image/heic,video/mp4"
      listType="picture-card"
      multiple
      fileList={files}
      maxCount={max}
      onChange={({ fileList }) => report(fileList)}
      customRequest={({ file, onSuccess, onError, onProgress }) => {
        if (!(file instanceof Blob)) return;
        uploadAttachment(file, purpose, (percent) => onProgress?.({ percent }))
          .then((uploaded) => {
            onSuccess?.(uploaded);
          })
          .catch((error: Error) => {
            message.error(error.message);
            onError?.(error);
          });
      }}
    >
      {files.length >= max ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{label}</div>
        </button>
      )}
    </Upload>
  );
}
