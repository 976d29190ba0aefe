/** What a case attachment may be, decided from the file's content (magic bytes), never its name. */
export type MediaKind = 'photo' | 'video';

const ALLOWED: Readonly<Record<string, MediaKind>> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  // iPhone photos; file-type reports "heic" brands as image/heic and "mif1" as image/heif.
  'image/heic': 'photo',
  'image/heif': 'photo',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
};

export function mediaKindOf(mime: string): MediaKind | null {
  return ALLOWED[mime] ?? null;
}

/** Which step of the case an attachment documents. */
export const ATTACHMENT_PURPOSES = ['report', 'verify', 'feedback', 'check'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export function isAttachmentPurpose(value: string): value is AttachmentPurpose {
  return (ATTACHMENT_PURPOSES as readonly string[]).includes(value);
}

const MIB = 1024 * 1024;
const KIND_NAMES: Record<MediaKind, string> = { photo: '照片', video: '视频' };

export function tooLargeMessage(kind: MediaKind, limitBytes: number): string {
  const mb = Math.round((limitBytes / MIB) * 10) / 10;
  return `文件过大：${KIND_NAMES[kind]}不能超过 ${mb} MB`;
}

export const UNSUPPORTED_TYPE_MESSAGE = '不支持的文件类型：只能上传照片（JPG/PNG/WebP）或视频（MP4/MOV/WebM）';
