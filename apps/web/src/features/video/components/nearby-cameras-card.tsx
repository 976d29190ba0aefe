import { Button, Card, Empty, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type NearbyCamera, useNearbyCameras, usePlay, type ViewerGrant } from '../api/video';
import { VideoPlayer } from './video-player';

/** 附近摄像机: cameras within 800 m of the case, nearest first; 查看 opens the live picture. */
export function NearbyCamerasCard({ caseId }: { caseId: number }) {
  const cameras = useNearbyCameras(caseId, true);
  const play = usePlay();
  const [watching, setWatching] = useState<{ camera: NearbyCamera; grant: ViewerGrant } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A case the viewer only reported, outside their area, has no cameras for them.
  if (cameras.isError) return null;
  return (
    <Card title="附近摄像机" size="small" style={{ marginBottom: 16 }}>
      {cameras.data && cameras.data.length === 0 ? (
        <Empty description="案件附近800米内没有接入的摄像机" />
      ) : (
        <List
          size="small"
          loading={cameras.isPending}
          dataSource={cameras.data ?? []}
          renderItem={(camera) => (
            <List.Item
              actions={[
                <Button
                  key="watch"
                  size="small"
                  disabled={!camera.online}
                  aria-label={`查看 ${camera.name}`}
                  loading={play.isPending && play.variables?.channelId === camera.channelId}
                  onClick={() =>
                    play.mutate(
                      { deviceId: camera.deviceId, channelId: camera.channelId },
                      {
                        onSuccess: (grant) => setWatching({ camera, grant }),
                        onError: (error) => setProblem(apiErrorMessage(error)),
                      },
                    )
                  }
                >
                  查看
                </Button>,
              ]}
            >
              {camera.name} <Tag color={camera.online ? 'green' : 'default'}>{camera.online ? '在线' : '离线'}</Tag>
              <span style={{ color: '#888' }}>{camera.distance} 米</span>
            </List.Item>
          )}
        />
      )}
      {problem ? <div role="alert">{problem}</div> : null}
      <Modal
        open={watching !== null}
        title={watching?.camera.name}
        footer={null}
        width={800}
        onCancel={() => setWatching(null)}
        destroyOnHidden
      >
        {watching ? (
          <div style={{ aspectRatio: '16 / 9' }}>
            <VideoPlayer source={watching.grant} label={`${watching.camera.name} 实时画面`} />
          </div>
        ) : null}
      </Modal>
    </Card>
  );
}
