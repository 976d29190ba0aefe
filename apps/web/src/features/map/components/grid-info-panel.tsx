import { AimOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import type { GridAt } from '../../../lib/map/geo-api';

/** What the last map click hit: the unit grid's code and name, or why there is none. */
export function GridInfoPanel({
  point,
  grid,
  loading,
  error,
}: {
  point: { lng: number; lat: number } | null;
  grid: GridAt | undefined;
  loading: boolean;
  error: unknown;
}) {
  return (
    <Card
      size="small"
      title={
        <span>
          <AimOutlined aria-hidden /> 网格信息
        </span>
      }
      role="region"
      aria-label="网格信息"
    >
      {!point ? <Typography.Text type="secondary">点击地图，查询该位置所在的单元网格</Typography.Text> : null}
      {point && loading ? <Spin size="small" description="正在查询…" /> : null}
      {point && !loading && error ? <Alert type="warning" showIcon title={apiErrorMessage(error)} /> : null}
      {point && !loading && grid ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: '网格名称', children: grid.name },
            { key: 'code', label: '网格编码', children: <Typography.Text copyable>{grid.code}</Typography.Text> },
            { key: 'point', label: '坐标', children: `${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}` },
          ]}
        />
      ) : null}
    </Card>
  );
}
