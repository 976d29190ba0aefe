import { Card, Empty, Image, Space } from 'antd';
import type { SampleDetail } from '../api/cross-check';

const GROUPS = [
  { purpose: 'report', title: '上报照片' },
  { purpose: 'verify', title: '核实照片' },
  { purpose: 'feedback', title: '处置照片' },
  { purpose: 'check', title: '核查照片' },
] as const;

/** The photos of every step side by side, large enough to compare (摆拍、重复使用 show here). */
export function EvidencePhotos({ attachments }: { attachments: SampleDetail['attachments'] }) {
  return (
    <Image.PreviewGroup>
      {GROUPS.filter((g) => g.purpose !== 'verify' || attachments.some((a) => a.purpose === 'verify')).map((group) => {
        const items = attachments.filter((a) => a.purpose === group.purpose);
        return (
          <Card
            key={group.purpose}
            size="small"
            title={`${group.title}（${items.length}）`}
            style={{ marginBottom: 12 }}
          >
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有${group.title}`} style={{ margin: 0 }} />
            ) : (
              <Space wrap size={8}>
                {items.map((item, index) =>
                  item.mime.startsWith('video/') ? (
                    // biome-ignore lint/a11y/useMediaCaption: field videos have no captions
                    <video key={item.id} src={item.url} controls width={280} height={160} preload="metadata" />
                  ) : (
                    <Image
                      key={item.id}
                      src={item.thumbUrl}
                      preview={{ src: item.url }}
                      width={160}
                      height={160}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      alt={`${group.title} ${index + 1}`}
                    />
                  ),
                )}
              </Space>
            )}
          </Card>
        );
      })}
    </Image.PreviewGroup>
  );
}
