import { Empty, Image, Space, Typography } from 'antd';
import type { CaseAttachment } from '../api/cases';

const PURPOSES: Record<string, string> = {
  report: '上报照片',
  verify: '核实照片',
  feedback: '处置照片',
  check: '核查照片',
};

/** Photos by step (上报/核实/处置/核查): thumbnails, a click opens the original large. */
export function CasePhotos({ attachments, size = 104 }: { attachments: readonly CaseAttachment[]; size?: number }) {
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" />;
  const groups = Object.keys(PURPOSES)
    .map((purpose) => ({ purpose, items: attachments.filter((a) => a.purpose === purpose) }))
    .filter((g) => g.items.length > 0);
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {groups.map((group) => (
          <div key={group.purpose}>
            <Typography.Text type="secondary">{PURPOSES[group.purpose]}</Typography.Text>
            <Space wrap size={8} style={{ display: 'flex', marginTop: 4 }}>
              {group.items.map((item, index) =>
                item.mime.startsWith('video/') ? (
                  // biome-ignore lint/a11y/useMediaCaption: field videos have no captions
                  <video key={item.id} src={item.url} controls width={size * 2} height={size} preload="metadata" />
                ) : (
                  <Image
                    key={item.id}
                    src={item.thumbUrl}
                    preview={{ src: item.url }}
                    width={size}
                    height={size}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                    alt={`${PURPOSES[group.purpose]} ${index + 1}`}
                  />
                ),
              )}
            </Space>
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
